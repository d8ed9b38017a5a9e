fn main() {
    motlan_web::start();
}
