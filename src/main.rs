//! The first-load bundle's entry point (Trunk builds it): mounts the app.

fn main() {
    motlan_web::start();
}
