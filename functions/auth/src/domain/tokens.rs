//! Access tokens we sign: RS256 with the key id in the header and `typ` = `at+jwt`.

use jsonwebtoken::jwk::Jwk;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use shared::token::{ACCESS_TOKEN_TYPE, Claims, Role};

/// Signs access tokens; built once per process from the configured private key.
pub struct TokenIssuer {
    key: EncodingKey,
    kid: String,
    issuer: String,
    ttl_seconds: u64,
}

/// A signed access token and its lifetime in seconds.
#[derive(Debug, Clone)]
pub struct AccessToken {
    pub token: String,
    pub expires_in: u64,
}

impl TokenIssuer {
    /// An issuer signing with the RSA private key `pem` published as `kid`.
    pub fn from_pem(
        pem: &str,
        kid: &str,
        issuer: &str,
        ttl_seconds: u64,
    ) -> Result<Self, jsonwebtoken::errors::Error> {
        Ok(Self {
            key: EncodingKey::from_rsa_pem(pem.as_bytes())?,
            kid: kid.to_owned(),
            issuer: issuer.to_owned(),
            ttl_seconds,
        })
    }

    /// A token for `subject` with `roles`, addressed to `audience`, valid from now.
    pub fn issue(
        &self,
        subject: &str,
        audience: &str,
        roles: &[Role],
    ) -> Result<AccessToken, jsonwebtoken::errors::Error> {
        let now = jsonwebtoken::get_current_timestamp();
        let claims = Claims {
            iss: self.issuer.clone(),
            sub: subject.to_owned(),
            aud: audience.to_owned(),
            exp: now + self.ttl_seconds,
            iat: now,
            nbf: now,
            jti: uuid::Uuid::new_v4().to_string(),
            roles: roles.to_vec(),
        };
        let mut header = Header::new(Algorithm::RS256);
        header.typ = Some(ACCESS_TOKEN_TYPE.to_owned());
        header.kid = Some(self.kid.clone());
        let token = jsonwebtoken::encode(&header, &claims, &self.key)?;
        Ok(AccessToken {
            token,
            expires_in: self.ttl_seconds,
        })
    }

    /// The public half of the signing key, as published in the JWKS.
    pub fn public_jwk(&self) -> Result<Jwk, jsonwebtoken::errors::Error> {
        let mut jwk = Jwk::from_encoding_key(&self.key, Algorithm::RS256)?;
        jwk.common.key_id = Some(self.kid.clone());
        Ok(jwk)
    }

    /// The key id tokens are signed under.
    pub fn kid(&self) -> &str {
        &self.kid
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::testing::tokens::{ISSUER, KID, SIGNING_KEY_PEM, jwks};
    use shared::token::{API_AUDIENCE, TokenVerifier};

    #[test]
    fn an_issued_token_passes_the_shared_verifier_with_its_claims() {
        let issuer = TokenIssuer::from_pem(SIGNING_KEY_PEM, KID, ISSUER, 900).unwrap();
        let token = issuer
            .issue("user-1", API_AUDIENCE, &[Role::Customer])
            .unwrap();
        let verifier = TokenVerifier::new(&jwks(), ISSUER, &[API_AUDIENCE]).unwrap();
        let claims = verifier.verify(&token.token).unwrap();
        assert_eq!(claims.sub, "user-1");
        assert_eq!(claims.roles, vec![Role::Customer]);
        assert_eq!(claims.exp - claims.iat, 900);
        assert_eq!(token.expires_in, 900);
    }

    #[test]
    fn the_public_jwk_matches_the_published_test_key() {
        let issuer = TokenIssuer::from_pem(SIGNING_KEY_PEM, KID, ISSUER, 900).unwrap();
        assert_eq!(issuer.public_jwk().unwrap(), jwks().keys[0]);
    }
}
