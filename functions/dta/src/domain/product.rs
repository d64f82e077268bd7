//! One SkiData product in one consumer category, with its price on one day.

use super::Money;
use serde::{Deserialize, Serialize};

/// Who a ticket is for, in our words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Adult,
    Child,
    Youth,
    Senior,
    Other,
}

impl Category {
    /// Our category for a SkiData consumer category id such as `ADULT` or `CHILD`.
    pub fn from_consumer_category(id: &str) -> Self {
        match id.to_ascii_lowercase().as_str() {
            "adult" | "adults" => Self::Adult,
            "child" | "children" | "kid" => Self::Child,
            "youth" | "teen" | "junior" => Self::Youth,
            "senior" | "seniors" => Self::Senior,
            _ => Self::Other,
        }
    }
}

/// A product at SkiData in one consumer category, priced for one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Product {
    pub product_id: String,
    pub consumer_category_id: String,
    pub name: String,
    pub category: Category,
    pub category_name: String,
    pub validity_days: u16,
    pub price: Money,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consumer_categories_map_to_ours_case_insensitively() {
        assert_eq!(Category::from_consumer_category("ADULT"), Category::Adult);
        assert_eq!(Category::from_consumer_category("Child"), Category::Child);
        assert_eq!(Category::from_consumer_category("SENIOR"), Category::Senior);
        assert_eq!(Category::from_consumer_category("FAMILY"), Category::Other);
    }
}
