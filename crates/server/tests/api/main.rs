//! Black-box tests of the HTTP API, one test binary. Each test gets a fresh database file.

mod attachments;
mod catalog;
mod dossiers;
mod embedding;
mod fees;
mod filing;
mod hardening;
mod helpers;
mod identity;
mod kiosks;
mod me;
mod oidc;
mod old_addresses;
mod pages;
mod paging;
mod procedures;
mod provider;
mod security;
mod tracking;
mod vehicle_registration;
mod volunteers;
