//! HTML for people: escaping of everything shown, and the frame shared by the sandbox's pages.

use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

/// `text` safe inside an element or a quoted attribute.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// No scripts at all; mails render in sandboxed frames. No `form-action`: the payment page's
/// forms are answered with a redirect to the merchant, which browsers check against it.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'";

/// A whole page: `title` (escaped here) and `body` (already HTML), refreshed every
/// `refresh_seconds` if given.
pub(crate) fn page(title: &str, body: &str, refresh_seconds: Option<u32>) -> Response {
    let refresh = refresh_seconds
        .map(|seconds| format!(r#"<meta http-equiv="refresh" content="{seconds}">"#))
        .unwrap_or_default();
    let html = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8">{refresh}<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }}
section {{ margin-bottom: 2rem; }}
article {{ border: 1px solid #ccc; border-radius: 6px; padding: .6rem .9rem; margin: .6rem 0; }}
.meta {{ color: #666; font-size: .85rem; }}
pre {{ background: #f6f6f6; padding: .5rem; overflow-x: auto; white-space: pre-wrap; }}
iframe {{ width: 100%; height: 16rem; border: 1px solid #ddd; background: #fff; }}
button {{ font-size: 1rem; padding: .4rem 1.2rem; margin-right: .8rem; }}
.slack-header {{ font-weight: 700; font-size: 1.1rem; margin: .3rem 0; }}
.slack-section {{ margin: .4rem 0; }}
.slack-fields {{ display: grid; grid-template-columns: 1fr 1fr; gap: .5rem 1.5rem; margin-top: .4rem; }}
.slack-context {{ color: #616061; font-size: .8rem; margin: .4rem 0; }}
.slack code {{ background: #f6f6f6; color: #c01343; padding: 0 .2rem; border-radius: 3px; }}
.mention {{ background: #e8f5fa; color: #1264a3; padding: 0 .15rem; border-radius: 3px; }}
</style></head>
<body><h1>{title}</h1>
{body}
</body></html>"#,
        title = escape(title),
    );
    (
        [
            (header::CONTENT_SECURITY_POLICY, POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        Html(html),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            super::escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
