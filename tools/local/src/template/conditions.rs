//! The template's `Conditions` and `!If`, as CloudFormation evaluates them on the parameters.

use super::TemplateError;
use super::intrinsics::{Context, invalid};
use serde_json::Value as Json;
use serde_yaml_ng::Value;

impl Context {
    /// `!If [condition, then, else]`: the branch the named condition picks, resolved.
    pub(super) fn choose(&self, value: &Value) -> Result<Json, TemplateError> {
        match value.as_sequence().map(Vec::as_slice) {
            Some([name, then, otherwise]) => {
                let name = name
                    .as_str()
                    .ok_or_else(|| invalid("If needs a condition name"))?;
                let branch = if self.condition(name)? {
                    then
                } else {
                    otherwise
                };
                self.resolve(branch)
            }
            _ => Err(invalid("If needs [condition, then, else]")),
        }
    }

    /// Whether the condition `name` of the template's `Conditions` holds.
    fn condition(&self, name: &str) -> Result<bool, TemplateError> {
        let definition = self
            .conditions
            .get(name)
            .ok_or_else(|| invalid(format!("unknown condition {name}")))?;
        self.holds(definition)
    }

    /// A condition function (`!Equals`, `!Not`, `!And`, `!Or`, `!Condition`) evaluated.
    fn holds(&self, value: &Value) -> Result<bool, TemplateError> {
        let Value::Tagged(tagged) = value else {
            return Err(invalid(
                "a condition is !Equals, !Not, !And, !Or or !Condition",
            ));
        };
        let tag = tagged.tag.to_string();
        let arguments = tagged.value.as_sequence().map(Vec::as_slice);
        match (tag.trim_start_matches('!'), arguments) {
            ("Equals", Some([left, right])) => Ok(self.resolve(left)? == self.resolve(right)?),
            ("Not", Some([inner])) => Ok(!self.holds(inner)?),
            ("And", Some(all)) => all.iter().try_fold(true, |ok, c| Ok(ok && self.holds(c)?)),
            ("Or", Some(any)) => any.iter().try_fold(false, |ok, c| Ok(ok || self.holds(c)?)),
            ("Condition", None) => self.condition(tagged.value.as_str().unwrap_or_default()),
            (other, _) => Err(invalid(format!(
                "the local cloud cannot evaluate !{other} here"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const TEMPLATE: &str = r#"
Parameters:
  Reserve: {Type: String, Default: "true"}
Conditions:
  Reserves: !Equals [!Ref Reserve, "true"]
  Spares: !Not [!Condition Reserves]
"#;

    fn pick(overrides: &[(&str, &str)], condition: &str) -> Json {
        let root: Value = serde_yaml_ng::from_str(TEMPLATE).expect("test setup");
        let overrides: HashMap<String, String> = overrides
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let context = Context::new(&root, "s", "eu-central-1", "http://127.0.0.1:1", &overrides)
            .expect("test setup");
        let value = format!("!If [{condition}, 20, !Ref AWS::NoValue]");
        context
            .resolve(&serde_yaml_ng::from_str(&value).expect("test setup"))
            .expect("resolves")
    }

    #[test]
    fn if_picks_the_branch_its_condition_gives_for_the_parameters() {
        assert_eq!(pick(&[], "Reserves"), serde_json::json!(20));
        assert_eq!(pick(&[("Reserve", "false")], "Reserves"), Json::Null);
        assert_eq!(
            pick(&[("Reserve", "false")], "Spares"),
            serde_json::json!(20)
        );
    }
}
