//! The intrinsic functions our template uses (`Ref`, `GetAtt`, `Sub`, `Join`, `If`, ...),
//! resolved against a [`Context`]'s parameters and physical names.

use super::TemplateError;
use super::intrinsics::{Context, invalid};
use serde_json::Value as Json;
use serde_yaml_ng::Value;
use serde_yaml_ng::value::TaggedValue;
use std::collections::HashMap;

impl Context {
    fn sub(
        &self,
        text: &str,
        variables: &HashMap<String, String>,
    ) -> Result<String, TemplateError> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find("${") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after
                .find('}')
                .ok_or_else(|| invalid(format!("unclosed ${{ in Sub {text:?}")))?;
            let name = &after[..end];
            if let Some(literal) = name.strip_prefix('!') {
                out.push_str("${");
                out.push_str(literal);
                out.push('}');
            } else if let Some(value) = variables.get(name) {
                out.push_str(value);
            } else if let Some((resource, attribute)) = name.split_once('.') {
                out.push_str(&self.attribute(resource, attribute)?);
            } else {
                out.push_str(&self.reference(name)?);
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// `value` resolved to a string.
    pub fn string(&self, value: &Value) -> Result<String, TemplateError> {
        match self.resolve(value)? {
            Json::String(text) => Ok(text),
            Json::Number(number) => Ok(number.to_string()),
            Json::Bool(flag) => Ok(flag.to_string()),
            other => Err(invalid(format!("expected a string, found {other}"))),
        }
    }

    /// `value` with every intrinsic function resolved, as JSON.
    pub fn resolve(&self, value: &Value) -> Result<Json, TemplateError> {
        match value {
            Value::Tagged(tagged) => self.intrinsic(tagged),
            Value::Mapping(map) if map.len() == 1 => {
                let (key, inner) = map.iter().next().ok_or_else(|| invalid("empty mapping"))?;
                match key.as_str() {
                    Some("Ref") => self.intrinsic(&TaggedValue {
                        tag: serde_yaml_ng::value::Tag::new("Ref"),
                        value: inner.clone(),
                    }),
                    Some(name) if name.starts_with("Fn::") => self.intrinsic(&TaggedValue {
                        tag: serde_yaml_ng::value::Tag::new(&name[4..]),
                        value: inner.clone(),
                    }),
                    _ => self.mapping(map),
                }
            }
            Value::Mapping(map) => self.mapping(map),
            Value::Sequence(items) => items
                .iter()
                .map(|item| self.resolve(item))
                .collect::<Result<Vec<_>, _>>()
                .map(Json::Array),
            Value::String(text) => Ok(Json::String(text.clone())),
            Value::Number(number) => Ok(serde_json::to_value(number).unwrap_or(Json::Null)),
            Value::Bool(flag) => Ok(Json::Bool(*flag)),
            Value::Null => Ok(Json::Null),
        }
    }

    fn mapping(&self, map: &serde_yaml_ng::Mapping) -> Result<Json, TemplateError> {
        let mut out = serde_json::Map::new();
        for (key, value) in map {
            out.insert(
                key.as_str().unwrap_or_default().to_owned(),
                self.resolve(value)?,
            );
        }
        Ok(Json::Object(out))
    }

    fn intrinsic(&self, tagged: &TaggedValue) -> Result<Json, TemplateError> {
        let tag = tagged.tag.to_string();
        let name = tag.trim_start_matches('!');
        let value = &tagged.value;
        let text = match name {
            "Ref" if value.as_str() == Some("AWS::NoValue") => return Ok(Json::Null),
            "If" => return self.choose(value),
            "Ref" => self.reference(value.as_str().ok_or_else(|| invalid("Ref needs a name"))?)?,
            "GetAtt" => {
                let (resource, attribute) = match value {
                    Value::String(dotted) => dotted
                        .split_once('.')
                        .map(|(r, a)| (r.to_owned(), a.to_owned())),
                    Value::Sequence(pair) if pair.len() == 2 => {
                        Some((self.string(&pair[0])?, self.string(&pair[1])?))
                    }
                    _ => None,
                }
                .ok_or_else(|| invalid("GetAtt needs Resource.Attribute"))?;
                self.attribute(&resource, &attribute)?
            }
            "Sub" => match value {
                Value::String(text) => self.sub(text, &HashMap::new())?,
                Value::Sequence(pair) if pair.len() == 2 => {
                    let mut variables = HashMap::new();
                    for (key, inner) in pair[1].as_mapping().into_iter().flatten() {
                        variables.insert(
                            key.as_str().unwrap_or_default().to_owned(),
                            self.string(inner)?,
                        );
                    }
                    self.sub(pair[0].as_str().unwrap_or_default(), &variables)?
                }
                _ => return Err(invalid("Sub needs a string or [string, variables]")),
            },
            "Join" => {
                let parts = value
                    .as_sequence()
                    .filter(|p| p.len() == 2)
                    .ok_or_else(|| invalid("Join needs [delimiter, list]"))?;
                let delimiter = parts[0].as_str().unwrap_or_default();
                let items = match self.resolve(&parts[1])? {
                    Json::Array(items) => items,
                    _ => return Err(invalid("Join needs a list")),
                };
                items
                    .iter()
                    .map(|item| item.as_str().unwrap_or_default().to_owned())
                    .collect::<Vec<_>>()
                    .join(delimiter)
            }
            other => {
                return Err(invalid(format!(
                    "the local cloud does not implement !{other}"
                )));
            }
        };
        Ok(Json::String(text))
    }
}
