//! One SOAP exchange with Axess over `shared::soap`: its namespace and `SOAPAction`, and its
//! refusals, an `NERRORNO` other than 0 inside a successful answer.

use crate::ports::ProviderError;
use shared::outbound::{Outbound, Repeat};
use shared::soap::{self, Call, Element, Node, printable};

pub use shared::soap::number;

/// The namespace of Axess's DCI4WTP operations.
pub const AXESS_NS: &str = "urn:axess:dci4wtp";

/// Calls `operation` and returns its `<operationResponse>` element once `NERRORNO` is 0.
pub async fn call(
    outbound: &Outbound,
    url: &str,
    operation: &str,
    body: &[Node],
    repeat: Repeat,
) -> Result<Element, ProviderError> {
    let call = Call {
        url,
        namespace: AXESS_NS,
        operation,
        action: Some(format!("\"{AXESS_NS}#{operation}\"")),
        basic: None,
        body,
    };
    let answer = soap::call(outbound, call, repeat).await?;
    let number: i64 = number(&answer, "NERRORNO")?;
    if number != 0 {
        return Err(ProviderError::Refused {
            code: number.to_string(),
            message: printable(answer.text_of("SZERRORMESSAGE").unwrap_or("")),
        });
    }
    Ok(answer)
}

/// The text in the child `name`: present, at most 120 characters, no control characters.
pub fn name(element: &Element, field: &'static str) -> Result<String, ProviderError> {
    let text = soap::text(element, field)?;
    if text.is_empty() || text.chars().count() > 120 || text.chars().any(char::is_control) {
        return Err(ProviderError::Malformed(format!(
            "{field} is empty, too long or holds control characters"
        )));
    }
    Ok(text.to_owned())
}
