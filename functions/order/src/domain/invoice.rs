//! Invoice numbers: gap-free within a calendar year, `2026-000001`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The `n`th invoice of `year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceNumber {
    pub year: i32,
    pub n: u64,
}

impl fmt::Display for InvoiceNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:06}", self.year, self.n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invoice_number_is_the_year_and_six_digits() {
        assert_eq!(
            InvoiceNumber { year: 2026, n: 1 }.to_string(),
            "2026-000001"
        );
        assert_eq!(
            InvoiceNumber {
                year: 2027,
                n: 1234567
            }
            .to_string(),
            "2027-1234567"
        );
    }
}
