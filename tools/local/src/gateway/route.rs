//! Routes of HttpApi events, matched by method and path as API Gateway does.

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Literal(String),
    Param(String),
    Greedy(String),
}

/// One `HttpApi` event: `METHOD /path/{param}/{rest+}` to a function.
pub struct Route<T> {
    method: String,
    path: String,
    segments: Vec<Segment>,
    pub target: T,
}

impl<T> Route<T> {
    pub fn new(method: &str, path: &str, target: T) -> Self {
        let segments = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(
                |s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => match name.strip_suffix('+') {
                        Some(greedy) => Segment::Greedy(greedy.to_owned()),
                        None => Segment::Param(name.to_owned()),
                    },
                    None => Segment::Literal(s.to_owned()),
                },
            )
            .collect();
        Self {
            method: method.to_uppercase(),
            path: path.to_owned(),
            segments,
            target,
        }
    }

    pub fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// The path parameters if `path` matches, and how specific the match is.
    fn capture(
        &self,
        method: &str,
        path: &[&str],
    ) -> Option<(HashMap<String, String>, (usize, bool))> {
        if self.method != "ANY" && self.method != method {
            return None;
        }
        let mut params = HashMap::new();
        let mut literals = 0;
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Greedy(name) => {
                    if i >= path.len() {
                        return None;
                    }
                    params.insert(name.clone(), path[i..].join("/"));
                    return Some((params, (literals, self.method != "ANY")));
                }
                _ if i >= path.len() => return None,
                Segment::Literal(text) if text == path[i] => literals += 1,
                Segment::Literal(_) => return None,
                Segment::Param(name) => {
                    params.insert(name.clone(), decode(path[i]));
                }
            }
        }
        (path.len() == self.segments.len())
            .then_some((params, (literals + 1000, self.method != "ANY")))
    }
}

/// A path segment or query part with its `%XX` escapes decoded.
pub(super) fn decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The route for `method` and `path`, the most specific first, with its path parameters.
pub fn find<'r, T>(
    routes: &'r [Route<T>],
    method: &str,
    path: &str,
) -> Option<(&'r Route<T>, HashMap<String, String>)> {
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    routes
        .iter()
        .filter_map(|route| {
            route
                .capture(method, &parts)
                .map(|(params, rank)| (route, params, rank))
        })
        .max_by_key(|(_, _, rank)| *rank)
        .map(|(route, params, _)| (route, params))
}
