//! The repository's templates, one per name and locale (`templates/<name>.<locale>.txt` with
//! a `Subject:` first line, and `.html`), compiled in. `{{key}}` takes the value of `data.key`;
//! in HTML every value is escaped.

use serde_json::Value;

/// (name, locale, text with subject line, HTML).
const TEMPLATES: &[(&str, &str, &str, &str)] = &[
    (
        "keycard-ordered",
        "en",
        include_str!("../../templates/keycard-ordered.en.txt"),
        include_str!("../../templates/keycard-ordered.en.html"),
    ),
    (
        "keycard-ordered",
        "de",
        include_str!("../../templates/keycard-ordered.de.txt"),
        include_str!("../../templates/keycard-ordered.de.html"),
    ),
    (
        "keycard-shipped",
        "en",
        include_str!("../../templates/keycard-shipped.en.txt"),
        include_str!("../../templates/keycard-shipped.en.html"),
    ),
    (
        "keycard-shipped",
        "de",
        include_str!("../../templates/keycard-shipped.de.txt"),
        include_str!("../../templates/keycard-shipped.de.html"),
    ),
    (
        "order-confirmation",
        "en",
        include_str!("../../templates/order-confirmation.en.txt"),
        include_str!("../../templates/order-confirmation.en.html"),
    ),
    (
        "order-confirmation",
        "de",
        include_str!("../../templates/order-confirmation.de.txt"),
        include_str!("../../templates/order-confirmation.de.html"),
    ),
    (
        "order-refunded",
        "en",
        include_str!("../../templates/order-refunded.en.txt"),
        include_str!("../../templates/order-refunded.en.html"),
    ),
    (
        "order-refunded",
        "de",
        include_str!("../../templates/order-refunded.de.txt"),
        include_str!("../../templates/order-refunded.de.html"),
    ),
];

/// The locale every template has.
pub const FALLBACK_LOCALE: &str = "en";

/// Why a message cannot be rendered; retrying does not help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    #[error("there is no template {0}")]
    UnknownTemplate(String),
    #[error("template {template} needs data.{key}, a string or number")]
    MissingValue { template: String, key: String },
    #[error("template {0} has no Subject: line")]
    NoSubject(String),
}

/// One template in one locale.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub name: &'static str,
    pub locale: &'static str,
    text: &'static str,
    html: &'static str,
}

/// A rendered template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl Template {
    /// The template `name` in `locale`, or in [`FALLBACK_LOCALE`] if it has none in `locale`.
    pub fn find(name: &str, locale: &str) -> Result<Self, RenderError> {
        let of = |wanted: &str| {
            TEMPLATES
                .iter()
                .find(|(n, l, _, _)| *n == name && *l == wanted)
                .map(|(name, locale, text, html)| Self {
                    name,
                    locale,
                    text,
                    html,
                })
        };
        of(&locale.to_ascii_lowercase())
            .or_else(|| of(FALLBACK_LOCALE))
            .ok_or_else(|| RenderError::UnknownTemplate(name.to_owned()))
    }

    /// Fills in `data`: raw in subject and text, escaped in HTML.
    pub fn render(&self, data: &Value) -> Result<Rendered, RenderError> {
        let (first, body) = self.text.split_once('\n').unwrap_or((self.text, ""));
        let subject = first
            .strip_prefix("Subject:")
            .ok_or_else(|| RenderError::NoSubject(self.name.to_owned()))?;
        let plain = |text: &str| self.fill(text, data, |value| value.to_owned());
        Ok(Rendered {
            subject: plain(subject.trim())?
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect(),
            text: plain(body.trim_start_matches('\n'))?,
            html: self.fill(self.html, data, escape_html)?,
        })
    }

    fn fill(
        &self,
        text: &str,
        data: &Value,
        encode: impl Fn(&str) -> String,
    ) -> Result<String, RenderError> {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            let Some(end) = rest[start..].find("}}") else {
                break;
            };
            out.push_str(&rest[..start]);
            let key = rest[start + 2..start + end].trim();
            let value = match data.get(key) {
                Some(Value::String(text)) => text.clone(),
                Some(Value::Number(number)) => number.to_string(),
                _ => {
                    return Err(RenderError::MissingValue {
                        template: self.name.to_owned(),
                        key: key.to_owned(),
                    });
                }
            };
            out.push_str(&encode(&value));
            rest = &rest[start + end + 2..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// `text` safe inside HTML elements and quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn data() -> Value {
        json!({"name": "<script>alert(1)</script>", "holder_name": "Anna & \"Ben\"",
               "keycard_id": "kc-1", "serial_number": "123456789012",
               "order_id": "o1", "invoice_number": "2026-000001", "tickets": "Day pass, 2026-12-24",
               "total": "EUR 59.50", "refunded": "EUR 59.50"})
    }

    #[test]
    fn every_value_is_escaped_in_html_and_kept_as_is_in_the_text() {
        let mail = Template::find("keycard-shipped", "en")
            .unwrap()
            .render(&data())
            .unwrap();
        assert!(mail.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(mail.html.contains("Anna &amp; &quot;Ben&quot;"));
        assert!(!mail.html.contains("<script>"));
        assert!(mail.text.contains("<script>alert(1)</script>"));
        assert!(mail.text.contains("123456789012"));
        assert_eq!(
            mail.subject,
            "Your Starjack keycard for Anna & \"Ben\" is on its way"
        );
    }

    #[test]
    fn a_locale_without_its_own_template_falls_back_to_english() {
        assert_eq!(
            Template::find("keycard-ordered", "de").unwrap().locale,
            "de"
        );
        assert_eq!(
            Template::find("keycard-ordered", "fr").unwrap().locale,
            "en"
        );
        assert!(Template::find("no-such-mail", "en").is_err());
    }

    #[test]
    fn every_template_renders_in_every_locale_with_its_data() {
        for (name, locale, _, _) in TEMPLATES {
            let rendered = Template::find(name, locale).unwrap().render(&data());
            assert!(rendered.is_ok(), "{name}.{locale}: {rendered:?}");
        }
    }

    #[test]
    fn a_missing_value_is_named() {
        let err = Template::find("keycard-shipped", "en")
            .unwrap()
            .render(&json!({"name": "Anna", "holder_name": "Anna"}))
            .unwrap_err();
        assert_eq!(
            err,
            RenderError::MissingValue {
                template: "keycard-shipped".into(),
                key: "serial_number".into()
            }
        );
    }
}
