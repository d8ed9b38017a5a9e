//! Volunteer-assisted filing: the volunteer's screen (`volunteer`), and the resident's pages on
//! their own phone (`offer`: the code, then who offers help, before any sign-in).

mod offer;
mod progress;
mod volunteer;

pub use offer::{JoinPage, OfferPage};
pub use volunteer::VolunteerPage;
