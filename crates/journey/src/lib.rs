//! The on-demand module of the web app: the full app with the filing journey, the dossier pages
//! and "my dossiers". The first-load app imports it when a citizen opens one of those pages and
//! calls [`start_with`] to hand over the session in memory.

pub use motlan_web::start_with;
