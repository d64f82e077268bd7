use super::*;
use crate::testing::tokens;
use wiremock::MockServer;

const SERVICE: &str = "liftoperator";

fn verifier() -> TokenVerifier {
    TokenVerifier::new(&tokens::jwks(), tokens::ISSUER, &[API_AUDIENCE, SERVICE]).unwrap()
}

#[test]
fn a_valid_customer_token_yields_its_claims() {
    let claims = tokens::claims("user-1", API_AUDIENCE, &[Role::Customer]);
    assert_eq!(verifier().verify(&tokens::sign(&claims)).unwrap(), claims);
}

#[test]
fn a_service_token_for_this_service_is_accepted_and_one_for_another_is_not() {
    let mine = tokens::claims("order", SERVICE, &[Role::Service]);
    assert!(verifier().verify(&tokens::sign(&mine)).is_ok());
    let theirs = tokens::claims("order", "payment", &[Role::Service]);
    assert!(verifier().verify(&tokens::sign(&theirs)).is_err());
}

#[test]
fn a_token_expired_within_the_leeway_is_still_accepted() {
    let now = jsonwebtoken::get_current_timestamp();
    let claims = Claims {
        exp: now - 10,
        ..tokens::claims("user-1", API_AUDIENCE, &[])
    };
    assert!(verifier().verify(&tokens::sign(&claims)).is_ok());
}

#[tokio::test]
async fn every_hostile_token_is_refused_without_any_outbound_request() {
    let trap = MockServer::start().await;
    let valid = tokens::claims("user-1", API_AUDIENCE, &[Role::Customer]);
    let verifier = verifier();
    for (attack, token) in tokens::hostile_tokens(&valid, &trap.uri()) {
        assert!(verifier.verify(&token).is_err(), "{attack} was accepted");
    }
    assert!(
        trap.received_requests()
            .await
            .unwrap_or_default()
            .is_empty()
    );
}

#[test]
fn a_jwks_key_without_kid_is_a_configuration_error() {
    let mut jwks = tokens::jwks();
    jwks.keys[0].common.key_id = None;
    let err = TokenVerifier::new(&jwks, tokens::ISSUER, &[API_AUDIENCE])
        .err()
        .unwrap();
    assert!(matches!(err, VerifierConfigError::MissingKid));
}

fn caller_of(claims: &Claims) -> Result<Caller, crate::http::ApiError> {
    let bearer = format!("Bearer {}", tokens::sign(claims));
    let request =
        crate::testing::events::http_request("auth/me.json", None, &[("authorization", &bearer)]);
    verifier().authenticate(&request)
}

#[test]
fn a_service_token_addressed_to_the_customer_audience_grants_no_service_role() {
    let caller = caller_of(&tokens::claims("order", API_AUDIENCE, &[Role::Service])).unwrap();
    assert!(!caller.has(Role::Service));
    assert_eq!(caller.require(Role::Service).unwrap_err().status(), 403);
}

#[test]
fn a_service_token_addressed_to_this_service_grants_only_the_service_role() {
    let roles = [Role::Service, Role::Admin, Role::Customer];
    let caller = caller_of(&tokens::claims("order", SERVICE, &roles)).unwrap();
    assert_eq!(caller.roles, vec![Role::Service]);
}
