//! Lift operators: who they are, where, and which provider sells their tickets under which
//! of the provider's own ids. Credentials are only named here; the adapters hold them.

use super::{Category, CredentialsRef, Invalid};
use serde::{Deserialize, Serialize};
use shared::values::is_slug;

/// Path segments of fixed routes beside `/liftoperators/{id}`, which no operator may be named.
pub const RESERVED_IDS: &[&str] = &["status"];

/// An operator id: 1 to 48 lowercase letters, digits and '-', not a fixed route's segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OperatorId(String);

impl OperatorId {
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        if !is_slug(raw, 48) {
            return Err(Invalid::new(
                "id",
                "must be 1 to 48 lowercase letters, digits or '-'",
            ));
        }
        if RESERVED_IDS.contains(&raw) {
            return Err(Invalid::new(
                "id",
                format!("{raw:?} is the name of a fixed route"),
            ));
        }
        Ok(Self(raw.to_owned()))
    }
}

shared::parsed_text!(OperatorId);

/// Where an operator is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub lat: f64,
    pub lng: f64,
}

/// An Axess person type and the category it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonType {
    pub person_type_no: u32,
    pub category: Category,
}

/// The provider behind an operator, with the provider's own ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum ProviderLink {
    /// SkiData DTA: the contractor is part of the named credentials.
    Dta { credentials: CredentialsRef },
    /// Axess: the pool, and the ticket types sold for each person type.
    Axess {
        credentials: CredentialsRef,
        pool_no: u32,
        ticket_types: Vec<u32>,
        person_types: Vec<PersonType>,
    },
}

/// Which provider, without its ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    Dta,
    Axess,
}

impl ProviderLink {
    pub fn kind(&self) -> Provider {
        match self {
            Self::Dta { .. } => Provider::Dta,
            Self::Axess { .. } => Provider::Axess,
        }
    }

    pub fn credentials(&self) -> &CredentialsRef {
        match self {
            Self::Dta { credentials } | Self::Axess { credentials, .. } => credentials,
        }
    }
}

/// A lift operator as the registry keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operator {
    pub id: OperatorId,
    pub name: String,
    pub region: String,
    pub location: Location,
    pub provider: ProviderLink,
    pub active: bool,
}

/// What an admin sends to create (with `id`) or update an operator.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperatorInput {
    #[serde(default)]
    pub id: Option<OperatorId>,
    pub name: String,
    pub region: String,
    pub location: Location,
    pub provider: ProviderLink,
    #[serde(default)]
    pub active: Option<bool>,
}

fn text(field: &'static str, raw: &str, max: usize) -> Result<String, Invalid> {
    let trimmed = raw.trim();
    let ok = !trimmed.is_empty()
        && trimmed.chars().count() <= max
        && !trimmed.chars().any(char::is_control);
    ok.then(|| trimmed.to_owned())
        .ok_or_else(|| Invalid::new(field, format!("must be 1 to {max} printable characters")))
}

impl OperatorInput {
    /// The operator this input describes, checked; `active` as it says, else `was_active`.
    pub fn into_operator(self, id: OperatorId, was_active: bool) -> Result<Operator, Invalid> {
        if !(-90.0..=90.0).contains(&self.location.lat)
            || !(-180.0..=180.0).contains(&self.location.lng)
        {
            return Err(Invalid::new(
                "location",
                "lat must be within ±90 and lng within ±180",
            ));
        }
        if let ProviderLink::Axess {
            ticket_types,
            person_types,
            ..
        } = &self.provider
        {
            let products = ticket_types.len() * person_types.len();
            if products == 0 || products > 30 {
                return Err(Invalid::new(
                    "provider",
                    "an Axess operator needs 1 to 30 ticket type and person type combinations",
                ));
            }
        }
        Ok(Operator {
            id,
            name: text("name", &self.name, 120)?,
            region: text("region", &self.region, 80)?,
            location: self.location,
            provider: self.provider,
            active: self.active.unwrap_or(was_active),
        })
    }
}

/// What anyone may see of an operator: no provider ids or credentials.
#[derive(Debug, Clone, Serialize)]
pub struct PublicOperator<'a> {
    pub id: &'a OperatorId,
    pub name: &'a str,
    pub region: &'a str,
    pub location: Location,
    pub provider: Provider,
}

impl Operator {
    pub fn public(&self) -> PublicOperator<'_> {
        PublicOperator {
            id: &self.id,
            name: &self.name,
            region: &self.region,
            location: self.location,
            provider: self.provider.kind(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(provider: serde_json::Value) -> OperatorInput {
        serde_json::from_value(serde_json::json!({
            "name": " Hochalm ", "region": "Tirol", "location": {"lat": 47.2, "lng": 11.4}, "provider": provider
        }))
        .unwrap()
    }

    #[test]
    fn an_operator_keeps_its_activity_and_is_trimmed_unless_told_otherwise() {
        let id = OperatorId::parse("hochalm").unwrap();
        let dta = serde_json::json!({"type": "dta", "credentials": "demo-dta"});
        let operator = input(dta.clone()).into_operator(id.clone(), true).unwrap();
        assert!(operator.active);
        assert!(!input(dta).into_operator(id, false).unwrap().active);
        assert_eq!(operator.name, "Hochalm");
        assert_eq!(operator.provider.kind(), Provider::Dta);
    }

    #[test]
    fn an_axess_operator_without_products_is_refused() {
        let id = OperatorId::parse("gipfel").unwrap();
        let empty = serde_json::json!({"type": "axess", "credentials": "demo-axess", "pool_no": 1, "ticket_types": [], "person_types": []});
        assert!(input(empty).into_operator(id, true).is_err());
    }

    #[test]
    fn unknown_providers_odd_ids_and_fixed_route_names_do_not_parse() {
        assert!(
            serde_json::from_value::<ProviderLink>(serde_json::json!({"type": "teamaxess"}))
                .is_err()
        );
        assert!(OperatorId::parse("Hoch Alm").is_err());
        assert!(OperatorId::parse("status").is_err());
    }
}
