//! CloudWatch Logs filter patterns, the forms our template uses: empty (everything), text
//! terms (`ERROR "Task timed out" -DEBUG`, with `?term` for any-of), and JSON patterns
//! (`{ ($.level = "ERROR") || ($.event = "order.completed") }` with `&&`, `||`, parentheses,
//! `=`, `!=`, `<`, `<=`, `>`, `>=`, `*` wildcards in strings, `EXISTS`, `NOT EXISTS`).
//! moto's own matching does not implement the JSON or OR forms, hence ours.

mod json;

pub use json::Expr;

/// A parsed filter pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum FilterPattern {
    All,
    Text {
        all: Vec<String>,
        any: Vec<String>,
        none: Vec<String>,
    },
    Json(Expr),
}

impl FilterPattern {
    /// Parses `pattern`, or says what is wrong with it.
    pub fn parse(pattern: &str) -> Result<Self, String> {
        let pattern = pattern.trim();
        if pattern.is_empty() {
            return Ok(Self::All);
        }
        if let Some(inner) = pattern.strip_prefix('{') {
            let inner = inner
                .strip_suffix('}')
                .ok_or("a JSON pattern must end with }")?;
            return json::parse(inner).map(Self::Json);
        }
        let (mut all, mut any, mut none) = (Vec::new(), Vec::new(), Vec::new());
        for term in text_terms(pattern)? {
            if let Some(rest) = term.strip_prefix('?') {
                any.push(unquote(rest));
            } else if let Some(rest) = term.strip_prefix('-') {
                none.push(unquote(rest));
            } else {
                all.push(unquote(&term));
            }
        }
        Ok(Self::Text { all, any, none })
    }

    /// Whether the log event `message` matches.
    pub fn matches(&self, message: &str) -> bool {
        match self {
            Self::All => true,
            Self::Text { all, any, none } => {
                all.iter().all(|t| message.contains(t.as_str()))
                    && (any.is_empty() || any.iter().any(|t| message.contains(t.as_str())))
                    && !none.iter().any(|t| message.contains(t.as_str()))
            }
            Self::Json(expr) => serde_json::from_str::<serde_json::Value>(message)
                .is_ok_and(|json| expr.eval(&json)),
        }
    }
}

fn unquote(term: &str) -> String {
    term.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(term)
        .to_owned()
}

fn text_terms(pattern: &str) -> Result<Vec<String>, String> {
    let mut terms = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in pattern.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    terms.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if quoted {
        return Err("unclosed quote in filter pattern".into());
    }
    if !current.is_empty() {
        terms.push(current);
    }
    Ok(terms)
}

#[cfg(test)]
mod tests;
