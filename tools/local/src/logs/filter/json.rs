//! JSON filter patterns: tokens, a recursive-descent parser (`&&` binds tighter than `||`),
//! and evaluation against a parsed log line.

use serde_json::Value;

/// A JSON pattern: comparisons and existence checks joined by `&&` and `||`.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare {
        path: Vec<String>,
        op: String,
        value: Literal,
    },
    Exists {
        path: Vec<String>,
        negated: bool,
    },
}

/// A value a field is compared with.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Text(String),
    Number(f64),
    Bool(bool),
    Null,
}
impl Expr {
    /// Whether the parsed log line `json` matches.
    pub fn eval(&self, json: &Value) -> bool {
        match self {
            Self::And(a, b) => a.eval(json) && b.eval(json),
            Self::Or(a, b) => a.eval(json) || b.eval(json),
            Self::Exists { path, negated } => lookup(json, path).is_some() != *negated,
            Self::Compare { path, op, value } => {
                let Some(found) = lookup(json, path) else {
                    return op == "!=";
                };
                compare(found, op, value)
            }
        }
    }
}

fn lookup<'a>(json: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter()
        .try_fold(json, |value, key| match key.parse::<usize>() {
            Ok(index) if value.is_array() => value.get(index),
            _ => value.get(key),
        })
}

fn compare(found: &Value, op: &str, expected: &Literal) -> bool {
    let equal = match (found, expected) {
        (Value::String(text), Literal::Text(pattern)) => wildcard(pattern, text),
        (Value::Number(n), Literal::Number(x)) => n.as_f64().is_some_and(|n| n == *x),
        (Value::Bool(b), Literal::Bool(x)) => b == x,
        (Value::Null, Literal::Null) => true,
        _ => false,
    };
    match (op, found.as_f64(), expected) {
        ("=", _, _) => equal,
        ("!=", _, _) => !equal,
        (_, Some(n), Literal::Number(x)) => match op {
            "<" => n < *x,
            "<=" => n <= *x,
            ">" => n > *x,
            ">=" => n >= *x,
            _ => false,
        },
        _ => false,
    }
}

fn wildcard(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let mut rest = text;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(after) = rest.strip_prefix(part) else {
                return false;
            };
            rest = after;
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            let Some(at) = rest.find(part) else {
                return false;
            };
            rest = &rest[at + part.len()..];
        }
    }
    true
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    And,
    Or,
    Op(String),
    Selector(Vec<String>),
    Value(Literal),
    Word(String),
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let two: String = chars[i..chars.len().min(i + 2)].iter().collect();
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => (tokens.push(Token::Open), i += 1).1,
            ')' => (tokens.push(Token::Close), i += 1).1,
            _ if two == "&&" => (tokens.push(Token::And), i += 2).1,
            _ if two == "||" => (tokens.push(Token::Or), i += 2).1,
            _ if ["!=", "<=", ">="].contains(&two.as_str()) => {
                (tokens.push(Token::Op(two)), i += 2).1
            }
            '=' | '<' | '>' => (tokens.push(Token::Op(c.to_string())), i += 1).1,
            '"' => {
                let end = chars[i + 1..]
                    .iter()
                    .position(|&d| d == '"')
                    .ok_or("unclosed string in JSON pattern")?;
                tokens.push(Token::Value(Literal::Text(
                    chars[i + 1..i + 1 + end].iter().collect(),
                )));
                i += end + 2;
            }
            _ => {
                let end = chars[i..]
                    .iter()
                    .position(|d| d.is_whitespace() || "()=!<>&|\"".contains(*d))
                    .map_or(chars.len(), |p| i + p);
                let word: String = chars[i..end].iter().collect();
                i = end;
                tokens.push(if let Some(path) = word.strip_prefix("$.") {
                    Token::Selector(
                        path.replace('[', ".")
                            .replace(']', "")
                            .split('.')
                            .map(str::to_owned)
                            .collect(),
                    )
                } else if let Ok(number) = word.parse::<f64>() {
                    Token::Value(Literal::Number(number))
                } else {
                    match word.as_str() {
                        "true" => Token::Value(Literal::Bool(true)),
                        "false" => Token::Value(Literal::Bool(false)),
                        "NULL" | "null" => Token::Value(Literal::Null),
                        _ => Token::Word(word),
                    }
                });
            }
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut left = self.and()?;
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut left = self.primary()?;
        while self.peek() == Some(&Token::And) {
            self.at += 1;
            left = Expr::And(Box::new(left), Box::new(self.primary()?));
        }
        Ok(left)
    }

    fn primary(&mut self) -> Result<Expr, String> {
        match self.next() {
            Some(Token::Open) => {
                let inner = self.or()?;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    other => Err(format!("expected ) but found {other:?}")),
                }
            }
            Some(Token::Selector(path)) => match self.next() {
                Some(Token::Op(op)) => match self.next() {
                    Some(Token::Value(value)) => Ok(Expr::Compare { path, op, value }),
                    Some(Token::Word(word)) => Ok(Expr::Compare {
                        path,
                        op,
                        value: Literal::Text(word),
                    }),
                    other => Err(format!("expected a value but found {other:?}")),
                },
                Some(Token::Word(word)) if word == "EXISTS" => Ok(Expr::Exists {
                    path,
                    negated: false,
                }),
                Some(Token::Word(word)) if word == "NOT" => match self.next() {
                    Some(Token::Word(word)) if word == "EXISTS" => Ok(Expr::Exists {
                        path,
                        negated: true,
                    }),
                    other => Err(format!("expected EXISTS but found {other:?}")),
                },
                other => Err(format!("expected an operator but found {other:?}")),
            },
            other => Err(format!("expected a selector or ( but found {other:?}")),
        }
    }
}

/// Parses the inside of `{ ... }`.
pub fn parse(inner: &str) -> Result<Expr, String> {
    let tokens = tokenize(inner)?;
    let mut parser = Parser { tokens, at: 0 };
    let expr = parser.or()?;
    if parser.at != parser.tokens.len() {
        return Err(format!(
            "unexpected {:?} in JSON pattern",
            parser.tokens[parser.at]
        ));
    }
    Ok(expr)
}
