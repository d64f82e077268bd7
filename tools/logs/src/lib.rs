//! `starjack-logs`: search and follow the logs of every Starjack service at once, merged in
//! time order (the talk's remote grep).

pub mod args;
pub mod fetch;
pub mod filter;
pub mod output;
pub mod record;
pub mod when;
