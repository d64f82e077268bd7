//! SOAP 1.1 over `shared::outbound` (feature `soap`): one exchange, its envelope written with
//! every value escaped, the answer read within a size cap into a small tree (no DOCTYPEs or
//! entities), and Faults, HTTP failures and malformed answers told apart as `ProviderError`s.
//! What a provider says inside a successful answer (an error number, a status) is the
//! adapter's to read.

pub mod xml;

pub use xml::{Element, Node};

use crate::outbound::{Outbound, Repeat};
use crate::provider::{ProviderError, exchange};

/// The largest answer read.
const MAX_ANSWER_BYTES: usize = 256 * 1024;

/// One operation of a SOAP service.
pub struct Call<'a> {
    pub url: &'a str,
    /// The service's namespace.
    pub namespace: &'a str,
    pub operation: &'a str,
    /// The `SOAPAction` header, when the service wants one.
    pub action: Option<String>,
    /// HTTP Basic credentials (user, password), when the service wants them.
    pub basic: Option<(&'a str, &'a str)>,
    pub body: &'a [Node],
}

/// At most 200 characters of a provider's text, without control characters, for messages.
pub fn printable(text: &str) -> String {
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

/// Sends `call` and returns its `<operationResponse>` element.
pub async fn call(
    outbound: &Outbound,
    call: Call<'_>,
    repeat: Repeat,
) -> Result<Element, ProviderError> {
    let envelope = xml::envelope(call.namespace, call.operation, call.body)
        .map_err(|err| ProviderError::Transport(err.to_string()))?;
    let mut request = outbound
        .client()
        .post(call.url)
        .header("content-type", "text/xml; charset=utf-8")
        .body(envelope);
    if let Some(action) = call.action {
        request = request.header("soapaction", action);
    }
    if let Some((user, password)) = call.basic {
        request = request.basic_auth(user, Some(password));
    }
    let (status, bytes) = exchange(outbound, request, repeat, MAX_ANSWER_BYTES).await?;
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
    let expected = format!("{}Response", call.operation);
    soap_body
        .children
        .first()
        .filter(|element| element.name == expected)
        .cloned()
        .ok_or_else(|| ProviderError::Malformed(format!("no {expected} in the Body")))
}

/// The text of the child `name` of an answer, which must be there.
pub fn text<'e>(element: &'e Element, name: &'static str) -> Result<&'e str, ProviderError> {
    element
        .text_of(name)
        .map_err(|err| ProviderError::Malformed(err.to_string()))
}

/// The integer in the child `name`.
pub fn number(element: &Element, name: &'static str) -> Result<i64, ProviderError> {
    text(element, name)?
        .parse()
        .map_err(|_| ProviderError::Malformed(format!("{name} is not an integer")))
}
