//! Reading SOAP requests into a small tree and writing SOAP answers, with quick-xml; DOCTYPEs
//! and entities beyond XML's five are refused, as a careful server would.

use quick_xml::Reader;
use quick_xml::escape::escape;
use quick_xml::events::Event;

/// An element by its local name, with its text and children.
#[derive(Debug, Default, Clone)]
pub struct Element {
    pub name: String,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The trimmed text of the child `name`, empty when it is missing.
    pub fn text_of(&self, name: &str) -> &str {
        self.child(name).map(|c| c.text.trim()).unwrap_or("")
    }
}

/// Reads a document into its root element; `Err` says why it is refused.
pub fn parse(xml: &str) -> Result<Element, String> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    loop {
        let event = reader.read_event().map_err(|err| err.to_string())?;
        match event {
            Event::DocType(_) => return Err("DOCTYPE is not allowed".into()),
            Event::Start(start) | Event::Empty(start) if root.is_some() || stack.len() > 16 => {
                return Err(format!(
                    "unexpected element {:?}",
                    start.local_name().as_ref().to_owned()
                ));
            }
            Event::Start(start) => stack.push(Element {
                name: start.local_name().as_ref().to_owned(),
                ..Element::default()
            }),
            Event::Empty(start) => {
                let element = Element {
                    name: start.local_name().as_ref().to_owned(),
                    ..Element::default()
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                let done = stack.pop().ok_or("unexpected end tag")?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(text) => {
                if let Some(current) = stack.last_mut() {
                    current.text.push_str(&text.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference
                    .resolve_char_ref()
                    .map_err(|err| err.to_string())?
                {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&reference)
                        .ok_or_else(|| format!("entity &{}; is not allowed", &*reference))?
                        .to_owned(),
                };
                if let Some(current) = stack.last_mut() {
                    current.text.push_str(&resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err("the document ends inside an element".into());
    }
    root.ok_or_else(|| "the document is empty".into())
}

fn envelope(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dci="urn:axess:dci4wtp"><soap:Body>{inner}</soap:Body></soap:Envelope>"#
    )
}

/// `<dci:{operation}Response>` with `NERRORNO`, `SZERRORMESSAGE` and `fields`, all escaped.
pub fn answer(operation: &str, error_no: i64, message: &str, fields: &[(&str, String)]) -> String {
    let fields: String = fields
        .iter()
        .map(|(name, value)| format!("<{name}>{}</{name}>", escape(value.as_str())))
        .collect();
    envelope(&format!(
        "<dci:{operation}Response><NERRORNO>{error_no}</NERRORNO><SZERRORMESSAGE>{}</SZERRORMESSAGE>{fields}</dci:{operation}Response>",
        escape(message)
    ))
}

/// A SOAP 1.1 Fault.
pub fn fault(code: &str, message: &str) -> String {
    envelope(&format!(
        "<soap:Fault><faultcode>soap:{code}</faultcode><faultstring>{}</faultstring></soap:Fault>",
        escape(message)
    ))
}
