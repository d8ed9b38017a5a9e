//! Validators shared by the app and the server. Each turns what a citizen typed into a clean
//! value or a [`FieldError`](crate::FieldError) whose key has a message in both languages.

pub mod calendar;
pub mod date;
pub mod email;
pub mod ethnicity;
pub mod name;
pub mod old_units;
pub mod phone;
pub mod plate;
pub mod units;

pub use calendar::HolidayCalendar;
pub use date::{
    DateError, format_date, parse_date, parse_past_date, parse_valid_until, parse_year,
};
pub use email::{EmailError, parse_email};
pub use name::{NameError, normalize_name};
pub use phone::{PhoneError, parse_mobile};
pub use plate::{PlateError, parse_plate};
pub use units::{AddressError, AdminUnits, Province, Ward};
