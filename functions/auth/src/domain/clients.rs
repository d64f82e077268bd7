//! Services that may obtain client-credentials tokens, from configuration.
//!
//! `AUTH_SERVICE_CLIENTS` is a JSON object: client id to the SHA-256 (hex) of its secret and
//! the audiences (target services) it may ask for, e.g.
//! `{"order": {"secret_sha256": "9f86…", "audiences": ["liftoperator", "payment"]}}`.

use aws_lc_rs::constant_time::verify_slices_are_equal;
use serde::Deserialize;
use shared::digest::sha256_hex;
use std::collections::HashMap;

/// One calling service.
#[derive(Debug, Clone, Deserialize)]
pub struct ServiceClient {
    secret_sha256: String,
    pub audiences: Vec<String>,
}

/// Every configured client.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct ServiceClients(HashMap<String, ServiceClient>);

impl ServiceClients {
    pub fn parse(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The client whose id and secret match, compared in constant time.
    pub fn authenticate(&self, client_id: &str, secret: &str) -> Option<&ServiceClient> {
        let presented = sha256_hex(secret.as_bytes());
        let client = self.0.get(client_id)?;
        let expected = client.secret_sha256.to_ascii_lowercase();
        verify_slices_are_equal(presented.as_bytes(), expected.as_bytes())
            .ok()
            .map(|()| client)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clients() -> ServiceClients {
        let json = format!(
            r#"{{"order": {{"secret_sha256": "{}", "audiences": ["liftoperator"]}}}}"#,
            sha256_hex(b"s3cret-order")
        );
        ServiceClients::parse(&json).unwrap()
    }

    #[test]
    fn a_client_with_the_right_secret_is_recognised() {
        let client = clients();
        let order = client.authenticate("order", "s3cret-order").unwrap();
        assert_eq!(order.audiences, vec!["liftoperator"]);
    }

    #[test]
    fn a_wrong_secret_or_unknown_client_is_not() {
        assert!(clients().authenticate("order", "guess").is_none());
        assert!(clients().authenticate("mail", "s3cret-order").is_none());
    }
}
