//! Test keys and tokens, honest and hostile, for every service's authentication tests.

use crate::token::{ACCESS_TOKEN_TYPE, Claims, Role};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, EncodingKey, Header};

/// The test signing key, PKCS#8 PEM, published under [`KID`].
pub const SIGNING_KEY_PEM: &str = include_str!("../../testdata/signing-key-a.pem");
/// Its public half.
pub const PUBLIC_KEY_PEM: &str = include_str!("../../testdata/signing-key-a.pub.pem");
/// An unrelated key, for forgeries.
pub const OTHER_KEY_PEM: &str = include_str!("../../testdata/signing-key-b.pem");
/// The key id of [`SIGNING_KEY_PEM`].
pub const KID: &str = "test-key-a";
/// The issuer the tests use.
pub const ISSUER: &str = "https://auth.starjack.test";

fn key(pem: &str) -> EncodingKey {
    EncodingKey::from_rsa_pem(pem.as_bytes()).expect("test key is a valid RSA PEM")
}

/// The JWKS publishing the test signing key.
pub fn jwks() -> JwkSet {
    let mut jwk =
        Jwk::from_encoding_key(&key(SIGNING_KEY_PEM), Algorithm::RS256).expect("public jwk");
    jwk.common.key_id = Some(KID.to_owned());
    JwkSet { keys: vec![jwk] }
}

/// Valid claims for `subject` with `roles`, addressed to `audience`, valid for 15 minutes.
pub fn claims(subject: &str, audience: &str, roles: &[Role]) -> Claims {
    let now = jsonwebtoken::get_current_timestamp();
    Claims {
        iss: ISSUER.to_owned(),
        sub: subject.to_owned(),
        aud: audience.to_owned(),
        exp: now + 900,
        iat: now,
        nbf: now,
        jti: uuid::Uuid::new_v4().to_string(),
        roles: roles.to_vec(),
    }
}

fn access_header() -> Header {
    let mut header = Header::new(Algorithm::RS256);
    header.typ = Some(ACCESS_TOKEN_TYPE.to_owned());
    header.kid = Some(KID.to_owned());
    header
}

fn sign_with(header: &Header, claims: &impl serde::Serialize, pem: &str) -> String {
    jsonwebtoken::encode(header, claims, &key(pem)).expect("signing a test token")
}

/// A valid access token for `claims`.
pub fn sign(claims: &Claims) -> String {
    sign_with(&access_header(), claims, SIGNING_KEY_PEM)
}

fn b64(json: &serde_json::Value) -> String {
    URL_SAFE_NO_PAD.encode(json.to_string())
}

fn with_claim(claims: &Claims, name: &str, value: serde_json::Value) -> serde_json::Value {
    let mut json = serde_json::to_value(claims).expect("claims serialise");
    json[name] = value;
    json
}

/// Tokens that must each be refused with 401, named by the attack they stand for, all made
/// from `valid` claims. Header URLs point at `trap_url`, which must never be called.
pub fn hostile_tokens(valid: &Claims, trap_url: &str) -> Vec<(&'static str, String)> {
    let good = sign(valid);
    let parts: Vec<&str> = good.split('.').collect();
    let (head, body) = (parts[0], parts[1]);
    let none_header =
        b64(&serde_json::json!({"alg": "none", "typ": ACCESS_TOKEN_TYPE, "kid": KID}));

    let mut hs256 = Header::new(Algorithm::HS256);
    hs256.typ = Some(ACCESS_TOKEN_TYPE.to_owned());
    hs256.kid = Some(KID.to_owned());
    let hs256_token = jsonwebtoken::encode(
        &hs256,
        valid,
        &EncodingKey::from_secret(PUBLIC_KEY_PEM.as_bytes()),
    )
    .expect("hs256 token");

    let other_token = sign(&Claims {
        jti: "another".into(),
        ..valid.clone()
    });
    let other_signature = other_token.rsplit('.').next().unwrap_or_default();

    let mut tampered = valid.clone();
    tampered
        .sub
        .replace_range(0..1, if valid.sub.starts_with('X') { "Y" } else { "X" });
    let tampered_body = b64(&serde_json::to_value(&tampered).expect("claims serialise"));

    let now = jsonwebtoken::get_current_timestamp();
    let mut missing_sub = serde_json::to_value(valid).expect("claims serialise");
    missing_sub
        .as_object_mut()
        .map(|object| object.remove("sub"));

    let mut refresh_typed = access_header();
    refresh_typed.typ = Some("refresh+jwt".to_owned());
    let mut untyped = access_header();
    untyped.typ = None;
    let mut unknown_kid = access_header();
    unknown_kid.kid = Some("no-such-key".to_owned());
    let mut jku = access_header();
    jku.jku = Some(format!("{trap_url}/jwks.json"));
    let mut x5u = access_header();
    x5u.x5u = Some(format!("{trap_url}/cert.pem"));
    let mut embedded_jwk = access_header();
    embedded_jwk.jwk =
        Some(Jwk::from_encoding_key(&key(OTHER_KEY_PEM), Algorithm::RS256).expect("attacker jwk"));

    vec![
        (
            "alg none with trailing dot",
            format!("{none_header}.{body}."),
        ),
        (
            "alg none without trailing dot",
            format!("{none_header}.{body}"),
        ),
        ("HS256 signed with the public key as secret", hs256_token),
        ("stripped signature", format!("{head}.{body}.")),
        (
            "signature of another token",
            format!("{head}.{body}.{other_signature}"),
        ),
        (
            "flipped payload bit",
            format!("{head}.{tampered_body}.{}", parts[2]),
        ),
        (
            "expired beyond leeway",
            sign(&Claims {
                exp: now - 120,
                ..valid.clone()
            }),
        ),
        (
            "nbf in the future",
            sign(&Claims {
                nbf: now + 120,
                ..valid.clone()
            }),
        ),
        (
            "wrong issuer",
            sign(&Claims {
                iss: "https://evil.test".into(),
                ..valid.clone()
            }),
        ),
        (
            "wrong audience",
            sign(&Claims {
                aud: "some-other-api".into(),
                ..valid.clone()
            }),
        ),
        (
            "missing sub",
            sign_with(&access_header(), &missing_sub, SIGNING_KEY_PEM),
        ),
        (
            "exp as a string",
            sign_with(
                &access_header(),
                &with_claim(valid, "exp", (now + 900).to_string().into()),
                SIGNING_KEY_PEM,
            ),
        ),
        (
            "refresh-typed token",
            sign_with(&refresh_typed, valid, SIGNING_KEY_PEM),
        ),
        (
            "token without typ",
            sign_with(&untyped, valid, SIGNING_KEY_PEM),
        ),
        ("opaque refresh token", URL_SAFE_NO_PAD.encode([7u8; 32])),
        (
            "unknown kid",
            sign_with(&unknown_kid, valid, SIGNING_KEY_PEM),
        ),
        ("jku header", sign_with(&jku, valid, SIGNING_KEY_PEM)),
        ("x5u header", sign_with(&x5u, valid, SIGNING_KEY_PEM)),
        (
            "embedded jwk header",
            sign_with(&embedded_jwk, valid, OTHER_KEY_PEM),
        ),
        (
            "signed by a different RSA key",
            sign_with(&access_header(), valid, OTHER_KEY_PEM),
        ),
        (
            "oversized token",
            format!("{head}.{}.{}", "A".repeat(9 * 1024), parts[2]),
        ),
    ]
}
