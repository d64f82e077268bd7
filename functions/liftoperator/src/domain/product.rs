//! The one product shape the rest of the system sees, whichever provider is behind it.

use super::{Category, Day, Money};
use serde::{Deserialize, Serialize};

/// From which day, for how many days, a ticket is valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity {
    pub from: Day,
    pub days: u16,
}

/// The provider's own ids of a product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ProviderRef {
    Dta {
        product_id: String,
        consumer_category_id: String,
    },
    Axess {
        pool_no: u32,
        ticket_type_no: u32,
        person_type_no: u32,
    },
}

impl ProviderRef {
    /// Our product id: stable, unique within the operator, made from the provider's ids.
    pub fn product_id(&self) -> String {
        match self {
            Self::Dta {
                product_id,
                consumer_category_id,
            } => format!("{product_id}~{consumer_category_id}"),
            Self::Axess {
                pool_no,
                ticket_type_no,
                person_type_no,
            } => format!("{pool_no}-{ticket_type_no}-{person_type_no}"),
        }
    }
}

/// A product of an operator, priced for one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub product_id: String,
    pub name: String,
    pub category: Category,
    pub category_name: String,
    pub validity: Validity,
    pub price: Money,
    pub provider: ProviderRef,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_ids_are_made_from_the_providers_ids() {
        let dta = ProviderRef::Dta {
            product_id: "DAY".into(),
            consumer_category_id: "ADULT".into(),
        };
        assert_eq!(dta.product_id(), "DAY~ADULT");
        let axess = ProviderRef::Axess {
            pool_no: 1,
            ticket_type_no: 10,
            person_type_no: 2,
        };
        assert_eq!(axess.product_id(), "1-10-2");
    }
}
