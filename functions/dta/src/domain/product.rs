//! One SkiData product in one consumer category, with its price on one day.

use shared::values::Category;

/// Our category for a SkiData consumer category id such as `ADULT` or `CHILD`.
pub fn category_of(consumer_category_id: &str) -> Category {
    match consumer_category_id.to_ascii_lowercase().as_str() {
        "adult" | "adults" => Category::Adult,
        "child" | "children" | "kid" => Category::Child,
        "youth" | "teen" | "junior" => Category::Youth,
        "senior" | "seniors" => Category::Senior,
        _ => Category::Other,
    }
}

/// A product at SkiData in one consumer category, priced for one day, as dta lists it.
pub type Product = shared::values::SkidataProduct;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consumer_categories_map_to_ours_case_insensitively() {
        assert_eq!(category_of("ADULT"), Category::Adult);
        assert_eq!(category_of("Child"), Category::Child);
        assert_eq!(category_of("SENIOR"), Category::Senior);
        assert_eq!(category_of("FAMILY"), Category::Other);
    }
}
