use super::*;

#[test]
fn values_are_escaped_when_written_and_restored_when_read() {
    let xml = envelope(
        "urn:axess:dci4wtp",
        "login",
        &[Node::Leaf("SZUSERNAME", "a<b>&\"c'</SZUSERNAME>".into())],
    )
    .unwrap();
    assert!(!xml.contains("<b>"));
    let root = parse(&xml).unwrap();
    let login = &root.child("Body").unwrap().children[0];
    assert_eq!(login.name, "login");
    assert_eq!(
        login.text_of("SZUSERNAME").unwrap(),
        "a<b>&\"c'</SZUSERNAME>"
    );
}

#[test]
fn a_doctype_is_refused() {
    let xml = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>"#;
    assert_eq!(parse(xml), Err(XmlError::Doctype));
}

#[test]
fn an_undeclared_entity_is_refused_and_character_references_are_resolved() {
    assert_eq!(parse("<x>&e;</x>"), Err(XmlError::Entity("e".into())));
    assert_eq!(parse("<x>&#65;&amp;</x>").unwrap().text, "A&");
}

#[test]
fn broken_deep_or_truncated_documents_are_refused() {
    assert!(parse("<a><b></a>").is_err());
    assert!(parse("<a><b>").is_err());
    assert!(parse("").is_err());
    assert!(parse("<a/><b/>").is_err());
    let deep = "<a>".repeat(40) + &"</a>".repeat(40);
    assert_eq!(parse(&deep), Err(XmlError::TooLarge));
}
