//! The MDXI order inside a `SelectPayment`: given as child elements, or as escaped XML text
//! (as Mpay24's PHP SDK sends it).

use super::{Status, Transaction};
use crate::xml::{self, Element};

/// The order of a `SelectPayment`, its MDXI given as child elements or as escaped XML text.
pub(super) fn read_order(operation: &Element) -> Result<Transaction, String> {
    let mdxi = operation.child("mdxi").ok_or("mdxi is missing")?;
    let parsed;
    let order = match mdxi.child("Order") {
        Some(order) => order,
        None => {
            parsed = xml::parse(mdxi.text.trim()).map_err(|err| format!("mdxi: {err}"))?;
            Some(&parsed)
                .filter(|root| root.name == "Order")
                .ok_or("mdxi has no Order")?
        }
    };
    let text = |path: &[&str]| order.text_at(path).map(str::to_owned);
    let url = |name: &str| {
        text(&["URL", name])
            .and_then(|url| reqwest::Url::parse(&url).ok())
            .filter(|url| matches!(url.scheme(), "http" | "https"))
            .map(String::from)
            .ok_or(format!("Order/URL/{name} is missing or not an http(s) URL"))
    };
    let tid = text(&["Tid"]).ok_or("Order/Tid is missing")?;
    let price = text(&["Price"]).ok_or("Order/Price is missing")?;
    let currency = text(&["Currency"]).unwrap_or_else(|| "EUR".into());
    if currency.len() != 3 || !currency.chars().all(|c| c.is_ascii_uppercase()) {
        return Err("Order/Currency is not an ISO 4217 code".into());
    }
    Ok(Transaction {
        mpay_tid: String::new(),
        price_cents: cents(&price).ok_or("Order/Price is not a positive amount like 12.50")?,
        currency,
        description: text(&["ShoppingCart", "Description"]),
        success_url: url("Success")?,
        error_url: url("Error")?,
        confirmation_url: url("Confirmation")?,
        status: Status::Init,
        credited_cents: 0,
        tid: Some(tid)
            .filter(|tid| tid.len() <= 32)
            .ok_or("Order/Tid is longer than 32 characters")?,
    })
}

/// `12.5` → 1250; `None` unless a positive amount with at most two decimals.
fn cents(price: &str) -> Option<u64> {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let (units, fraction) = match price.split_once('.') {
        Some((units, fraction)) if digits(fraction) && fraction.len() <= 2 => (units, fraction),
        Some(_) => return None,
        None => (price, ""),
    };
    if !digits(units) {
        return None;
    }
    let cents = units.parse::<u64>().ok()?.checked_mul(100)?
        + format!("{fraction:0<2}").parse::<u64>().ok()?;
    (cents > 0).then_some(cents)
}

#[cfg(test)]
mod tests {
    #[test]
    fn prices_become_cents_and_bad_prices_are_refused() {
        assert_eq!(super::cents("12.50"), Some(1250));
        assert_eq!(super::cents("12.5"), Some(1250));
        assert_eq!(super::cents("7"), Some(700));
        for bad in ["0", "0.00", "-1", "1.234", "1,50", "", ".5", "1."] {
            assert_eq!(super::cents(bad), None, "{bad}");
        }
    }
}
