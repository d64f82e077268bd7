//! SOAP 1.1 envelopes written and read with quick-xml: values are escaped when written;
//! answers are read into a small tree, refusing DOCTYPEs, entities beyond XML's five and
//! character references, and documents too deep, too large or not well formed.

use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};

/// The SOAP 1.1 envelope namespace.
pub const SOAP_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";

const MAX_DEPTH: usize = 16;
const MAX_ELEMENTS: usize = 2_000;
const MAX_TEXT: usize = 4 * 1024;

/// Why an answer could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum XmlError {
    #[error("the answer is not well-formed XML: {0}")]
    Syntax(String),
    #[error("the answer carries a DOCTYPE, which is refused")]
    Doctype,
    #[error("the answer uses the entity &{0}; which is refused")]
    Entity(String),
    #[error("the answer exceeds the limits on depth, elements or text")]
    TooLarge,
    #[error("the answer lacks {0}")]
    Missing(&'static str),
}

/// An element by its local name, with its text and children.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|child| child.name == name)
    }

    /// The trimmed text of the child `name`, which must exist.
    pub fn text_of(&self, name: &'static str) -> Result<&str, XmlError> {
        self.child(name)
            .map(|child| child.text.trim())
            .ok_or(XmlError::Missing(name))
    }
}

fn syntax(err: impl std::fmt::Display) -> XmlError {
    XmlError::Syntax(err.to_string())
}

fn local(start: &BytesStart<'_>) -> String {
    start.local_name().as_ref().to_owned()
}

/// Reads a whole document into its root element.
pub fn parse(xml: &str) -> Result<Element, XmlError> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    let mut count = 0usize;
    let append = |stack: &mut Vec<Element>, text: &str| -> Result<(), XmlError> {
        if let Some(current) = stack.last_mut() {
            current.text.push_str(text);
            if current.text.len() > MAX_TEXT {
                return Err(XmlError::TooLarge);
            }
        }
        Ok(())
    };
    loop {
        match reader.read_event().map_err(syntax)? {
            Event::DocType(_) => return Err(XmlError::Doctype),
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(syntax("content after the root element"));
            }
            Event::Start(start) => {
                count += 1;
                if stack.len() >= MAX_DEPTH || count > MAX_ELEMENTS {
                    return Err(XmlError::TooLarge);
                }
                stack.push(Element {
                    name: local(&start),
                    ..Element::default()
                });
            }
            Event::Empty(start) => {
                count += 1;
                let element = Element {
                    name: local(&start),
                    ..Element::default()
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(element),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                let done = stack.pop().ok_or_else(|| syntax("unexpected end tag"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => root = Some(done),
                }
            }
            Event::Text(text) => append(&mut stack, &text.xml10_content())?,
            Event::CData(data) => append(&mut stack, &data.xml10_content())?,
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref().map_err(syntax)? {
                    Some(c) => c.to_string(),
                    None => quick_xml::escape::resolve_predefined_entity(&reference)
                        .ok_or_else(|| XmlError::Entity(reference.to_string()))?
                        .to_owned(),
                };
                append(&mut stack, &resolved)?;
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(syntax("the document ends inside an element"));
    }
    root.ok_or_else(|| syntax("the document is empty"))
}

/// A piece of a request body: a leaf with a value, or a group of pieces.
pub enum Node {
    Leaf(&'static str, String),
    Group(&'static str, Vec<Node>),
}

fn write_nodes(writer: &mut Writer<Vec<u8>>, nodes: &[Node]) -> std::io::Result<()> {
    for node in nodes {
        match node {
            Node::Leaf(name, value) => {
                writer
                    .create_element(*name)
                    .write_text_content(BytesText::new(value))?;
            }
            Node::Group(name, children) => {
                writer
                    .create_element(*name)
                    .write_inner_content(|writer| write_nodes(writer, children))?;
            }
        }
    }
    Ok(())
}

/// A SOAP 1.1 request calling `operation` of the service namespace `namespace` (written with
/// the prefix `op:`) with `body`, every value escaped.
pub fn envelope(namespace: &str, operation: &str, body: &[Node]) -> std::io::Result<String> {
    let mut writer = Writer::new(Vec::new());
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    writer
        .create_element("soap:Envelope")
        .with_attribute(("xmlns:soap", SOAP_NS))
        .with_attribute(("xmlns:op", namespace))
        .write_inner_content(|writer| {
            writer
                .create_element("soap:Body")
                .write_inner_content(|writer| {
                    writer
                        .create_element(format!("op:{operation}"))
                        .write_inner_content(|writer| write_nodes(writer, body))?;
                    Ok(())
                })?;
            Ok(())
        })?;
    String::from_utf8(writer.into_inner()).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests;
