//! One SOAP exchange with Axess: the envelope sent, the answer read within its size cap, and
//! Faults, `NERRORNO` refusals, HTTP failures and malformed answers told apart.

use super::xml::{self, Element, Node};
use crate::ports::ProviderError;
use shared::outbound::{BodyError, Outbound, Repeat, body_capped};

/// The largest answer read.
const MAX_ANSWER_BYTES: usize = 256 * 1024;

fn transport(err: reqwest::Error) -> ProviderError {
    let detail = shared::http::cause_chain(&err);
    if err.is_timeout() {
        ProviderError::Timeout
    } else if err.is_connect() {
        ProviderError::Unreachable(detail)
    } else {
        ProviderError::Transport(detail)
    }
}

fn printable(text: &str) -> String {
    text.chars()
        .take(200)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn fault(body: &Element) -> Option<ProviderError> {
    let fault = body.child("Fault")?;
    Some(ProviderError::Fault {
        code: printable(fault.text_of("faultcode").unwrap_or("")),
        message: printable(fault.text_of("faultstring").unwrap_or("")),
    })
}

/// Calls `operation` and returns its `<operationResponse>` element once `NERRORNO` is 0.
pub async fn call(
    outbound: &Outbound,
    url: &str,
    operation: &str,
    body: &[Node],
    repeat: Repeat,
) -> Result<Element, ProviderError> {
    let envelope =
        xml::envelope(operation, body).map_err(|err| ProviderError::Transport(err.to_string()))?;
    let request = outbound
        .client()
        .post(url)
        .header("content-type", "text/xml; charset=utf-8")
        .header("soapaction", format!("\"{}#{operation}\"", xml::AXESS_NS))
        .body(envelope)
        .build()
        .map_err(transport)?;
    let response = outbound.send(request, repeat).await.map_err(transport)?;
    let status = response.status();
    let bytes = body_capped(response, MAX_ANSWER_BYTES)
        .await
        .map_err(|err| match err {
            BodyError::Transport(err) => transport(err),
            too_large => ProviderError::Malformed(too_large.to_string()),
        })?;
    let unavailable = || ProviderError::Status {
        status: status.as_u16(),
        detail: "no SOAP Fault in the answer".into(),
    };
    let parsed = String::from_utf8(bytes)
        .map_err(|_| ProviderError::Malformed("the answer is not UTF-8".into()))
        .and_then(|text| {
            xml::parse(&text).map_err(|err| ProviderError::Malformed(err.to_string()))
        });
    let root = match parsed {
        Ok(root) => root,
        Err(_) if !status.is_success() => return Err(unavailable()),
        Err(err) => return Err(err),
    };
    let soap_body = (root.name == "Envelope")
        .then(|| root.child("Body"))
        .flatten();
    if let Some(fault) = soap_body.and_then(fault) {
        return Err(fault);
    }
    if !status.is_success() {
        return Err(unavailable());
    }
    let soap_body =
        soap_body.ok_or_else(|| ProviderError::Malformed("no SOAP Envelope and Body".into()))?;
    let expected = format!("{operation}Response");
    let answer = soap_body
        .children
        .first()
        .filter(|element| element.name == expected)
        .ok_or_else(|| ProviderError::Malformed(format!("no {expected} in the Body")))?;
    let number: i64 = number(answer, "NERRORNO")?;
    if number != 0 {
        return Err(ProviderError::Refused {
            code: number.to_string(),
            message: printable(answer.text_of("SZERRORMESSAGE").unwrap_or("")),
        });
    }
    Ok(answer.clone())
}

/// The integer in the child `name`.
pub fn number(element: &Element, name: &'static str) -> Result<i64, ProviderError> {
    let text = element
        .text_of(name)
        .map_err(|err| ProviderError::Malformed(err.to_string()))?;
    text.parse()
        .map_err(|_| ProviderError::Malformed(format!("{name} is not an integer")))
}

/// The text in the child `name`: present, at most 120 characters, no control characters.
pub fn name(element: &Element, field: &'static str) -> Result<String, ProviderError> {
    let text = element
        .text_of(field)
        .map_err(|err| ProviderError::Malformed(err.to_string()))?;
    if text.is_empty() || text.chars().count() > 120 || text.chars().any(char::is_control) {
        return Err(ProviderError::Malformed(format!(
            "{field} is empty, too long or holds control characters"
        )));
    }
    Ok(text.to_owned())
}
