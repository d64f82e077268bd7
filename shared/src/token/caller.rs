//! Who is calling, and the one place where roles are checked.

use crate::http::ApiError;
use serde::{Deserialize, Serialize};

/// A role carried in an access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Customer,
    Admin,
    Service,
    /// A role this build does not know yet; it grants nothing.
    #[serde(other)]
    Unknown,
}

/// The verified subject of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The user id, or the client id of a service.
    pub subject: String,
    pub roles: Vec<Role>,
}

impl Caller {
    /// Whether the caller holds `role`.
    pub fn has(&self, role: Role) -> bool {
        role != Role::Unknown && self.roles.contains(&role)
    }

    /// 403 unless the caller holds `role`.
    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        self.require_any(&[role])
    }

    /// 403 unless the caller holds one of `roles`.
    pub fn require_any(&self, roles: &[Role]) -> Result<(), ApiError> {
        if roles.iter().any(|role| self.has(*role)) {
            Ok(())
        } else {
            Err(ApiError::forbidden("this operation needs another role"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caller(roles: &[Role]) -> Caller {
        Caller {
            subject: "u-1".into(),
            roles: roles.to_vec(),
        }
    }

    #[test]
    fn a_customer_is_refused_an_admin_operation_with_403() {
        let err = caller(&[Role::Customer]).require(Role::Admin).unwrap_err();
        assert_eq!(err.status(), 403);
    }

    #[test]
    fn any_of_several_roles_is_enough() {
        assert!(
            caller(&[Role::Service])
                .require_any(&[Role::Admin, Role::Service])
                .is_ok()
        );
    }

    #[test]
    fn an_unknown_role_grants_nothing() {
        let roles: Vec<Role> = serde_json::from_str(r#"["superuser"]"#).unwrap();
        assert_eq!(roles, vec![Role::Unknown]);
        assert!(caller(&roles).require(Role::Unknown).is_err());
    }
}
