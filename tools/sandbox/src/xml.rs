//! A small, safe XML reader for SOAP requests (elements by local name whatever their namespace
//! prefix, text with the predefined and character references resolved, no DOCTYPE or other
//! entities at all) and a writer that escapes every value.

use quick_xml::events::{BytesDecl, BytesRef, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

/// How deep elements may nest.
const MAX_DEPTH: usize = 64;

/// Why a document was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct XmlError(pub(crate) String);

impl std::fmt::Display for XmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One element: its local name, its child elements and its own text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) children: Vec<Element>,
    pub(crate) text: String,
}

impl Element {
    /// The first child called `name`.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|child| child.name == name)
    }

    /// The element at the end of `path`, one child name per step.
    pub(crate) fn find(&self, path: &[&str]) -> Option<&Element> {
        path.iter()
            .try_fold(self, |element, name| element.child(name))
    }

    /// The trimmed text at the end of `path`, if there is any.
    pub(crate) fn text_at(&self, path: &[&str]) -> Option<&str> {
        self.find(path)
            .map(|element| element.text.trim())
            .filter(|text| !text.is_empty())
    }
}

/// Reads a whole document and returns its root element.
pub(crate) fn parse(xml: &str) -> Result<Element, XmlError> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut root = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|err| XmlError(format!("not well-formed XML: {err}")))?;
        match event {
            Event::DocType(_) => return Err(XmlError("DOCTYPE is not allowed".into())),
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlError("elements nest too deep".into()));
                }
                stack.push(Element {
                    name: name_of(&start),
                    ..Element::default()
                });
            }
            Event::Empty(start) => {
                let element = Element {
                    name: name_of(&start),
                    ..Element::default()
                };
                attach(&mut stack, &mut root, element)?;
            }
            Event::End(_) => {
                let element = stack
                    .pop()
                    .ok_or_else(|| XmlError("unbalanced end tag".into()))?;
                attach(&mut stack, &mut root, element)?;
            }
            Event::Text(text) => push_text(&mut stack, &text.xml10_content())?,
            Event::CData(data) => push_text(&mut stack, &data.xml10_content())?,
            Event::GeneralRef(reference) => push_text(&mut stack, &resolve(&reference)?)?,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(XmlError("the document ends inside an element".into()));
    }
    root.ok_or_else(|| XmlError("the document has no element".into()))
}

fn name_of(start: &BytesStart<'_>) -> String {
    let name = start.local_name();
    let name: &str = name.as_ref();
    name.to_owned()
}

fn attach(
    stack: &mut [Element],
    root: &mut Option<Element>,
    element: Element,
) -> Result<(), XmlError> {
    match stack.last_mut() {
        Some(parent) => parent.children.push(element),
        None if root.is_none() => *root = Some(element),
        None => return Err(XmlError("more than one root element".into())),
    }
    Ok(())
}

fn push_text(stack: &mut [Element], text: &str) -> Result<(), XmlError> {
    match stack.last_mut() {
        Some(element) => element.text.push_str(text),
        None if text.trim().is_empty() => {}
        None => return Err(XmlError("text outside the root element".into())),
    }
    Ok(())
}

/// `&lt;`, `&#233;` and the like; any other entity is refused.
fn resolve(reference: &BytesRef<'_>) -> Result<String, XmlError> {
    if let Some(c) = reference
        .resolve_char_ref()
        .map_err(|err| XmlError(format!("bad character reference: {err}")))?
    {
        return Ok(c.to_string());
    }
    let name = reference.xml10_content();
    quick_xml::escape::resolve_predefined_entity(&name)
        .map(str::to_owned)
        .ok_or_else(|| XmlError(format!("entity &{name}; is not allowed")))
}

/// An element to write: attributes, then its text or its children.
#[derive(Debug, Clone, Default)]
pub(crate) struct Node {
    name: String,
    attributes: Vec<(String, String)>,
    text: Option<String>,
    children: Vec<Node>,
}

impl Node {
    /// `<name>` with children to come.
    pub(crate) fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            ..Self::default()
        }
    }

    /// `<name>text</name>`.
    pub(crate) fn leaf(name: &str, text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            ..Self::new(name)
        }
    }

    pub(crate) fn attribute(mut self, name: &str, value: &str) -> Self {
        self.attributes.push((name.to_owned(), value.to_owned()));
        self
    }

    pub(crate) fn child(mut self, child: Node) -> Self {
        self.children.push(child);
        self
    }

    pub(crate) fn children(mut self, children: impl IntoIterator<Item = Node>) -> Self {
        self.children.extend(children);
        self
    }

    /// The document: an XML declaration, then this element.
    pub(crate) fn to_document(&self) -> std::io::Result<String> {
        let mut writer = Writer::new(Vec::new());
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        self.write(&mut writer)?;
        String::from_utf8(writer.into_inner()).map_err(std::io::Error::other)
    }

    fn write(&self, writer: &mut Writer<Vec<u8>>) -> std::io::Result<()> {
        let start = BytesStart::new(self.name.as_str()).with_attributes(
            self.attributes
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str())),
        );
        writer.write_event(Event::Start(start.borrow()))?;
        if let Some(text) = &self.text {
            writer.write_event(Event::Text(BytesText::new(text)))?;
        }
        for child in &self.children {
            child.write(writer)?;
        }
        writer.write_event(Event::End(start.to_end()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_are_found_by_local_name_whatever_their_prefix() {
        let root = parse(
            r#"<?xml version="1.0"?><s:Envelope xmlns:s="urn:x"><s:Body><e:Op xmlns:e="urn:e"><tid>A&amp;B &#233;</tid><empty/></e:Op></s:Body></s:Envelope>"#,
        )
        .expect("parses");
        assert_eq!(root.name, "Envelope");
        assert_eq!(root.text_at(&["Body", "Op", "tid"]), Some("A&B é"));
        assert!(root.find(&["Body", "Op", "empty"]).is_some());
    }

    #[test]
    fn written_values_are_escaped_and_read_back_unchanged() {
        let tricky = r#"<b>"Tom" & 'Jerry'</b>"#;
        let document = Node::new("x:Root")
            .attribute("xmlns:x", "urn:x")
            .child(Node::leaf("value", tricky))
            .to_document()
            .expect("writes");
        assert!(!document.contains("<b>"), "{document}");
        assert_eq!(
            parse(&document).expect("parses").text_at(&["value"]),
            Some(tricky)
        );
    }

    #[test]
    fn a_doctype_is_refused() {
        let err = parse(r#"<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>"#).expect_err("refused");
        assert!(err.0.contains("DOCTYPE"), "{err}");
    }

    #[test]
    fn an_undeclared_entity_is_refused() {
        let err = parse("<x>&nbsp;</x>").expect_err("refused");
        assert!(err.0.contains("entity"), "{err}");
    }

    #[test]
    fn unbalanced_documents_are_refused() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a>").is_err());
        assert!(parse("<a/><b/>").is_err());
        assert!(parse("").is_err());
    }
}
