use super::*;
use crate::outbound::OutboundConfig;
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn tokens(server: &MockServer) -> ServiceTokens {
    let outbound = Outbound::new(OutboundConfig {
        timeout: Duration::from_millis(500),
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
        ..OutboundConfig::default()
    })
    .unwrap();
    ServiceTokens::new(outbound, &server.uri(), "liftoperator", "s3cret")
}

fn issued(token: &str, expires_in: u64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(
        serde_json::json!({"access_token": token, "token_type": "Bearer", "expires_in": expires_in}),
    )
}

#[tokio::test]
async fn a_token_is_fetched_once_per_audience_and_then_served_from_the_cache() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/token"))
        .and(body_partial_json(serde_json::json!({
            "grant_type": "client_credentials", "client_id": "liftoperator",
            "client_secret": "s3cret", "audience": "dta"})))
        .respond_with(issued("token-dta", 900))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(body_partial_json(serde_json::json!({"audience": "axess"})))
        .respond_with(issued("token-axess", 900))
        .expect(1)
        .mount(&server)
        .await;
    let tokens = tokens(&server);
    assert_eq!(tokens.token("dta").await.unwrap(), "token-dta");
    assert_eq!(tokens.token("dta").await.unwrap(), "token-dta");
    assert_eq!(tokens.token("axess").await.unwrap(), "token-axess");
}

#[tokio::test]
async fn a_token_close_to_its_expiry_is_fetched_anew() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(issued("short-lived", 0))
        .expect(2)
        .mount(&server)
        .await;
    let tokens = tokens(&server);
    tokens.token("dta").await.unwrap();
    tokens.token("dta").await.unwrap();
}

#[tokio::test]
async fn an_invalidated_token_is_fetched_anew() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(issued("t", 900))
        .expect(2)
        .mount(&server)
        .await;
    let tokens = tokens(&server);
    tokens.token("dta").await.unwrap();
    tokens.invalidate("dta").await;
    tokens.token("dta").await.unwrap();
}

#[tokio::test]
async fn refused_credentials_are_an_error_naming_the_status() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&server)
        .await;
    let err = tokens(&server).token("dta").await.unwrap_err();
    assert!(matches!(err, ServiceTokenError::Refused(401)));
}

#[tokio::test]
async fn a_malformed_token_answer_is_an_error_and_is_not_cached() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{\"access_token\": 7"))
        .expect(2)
        .mount(&server)
        .await;
    let tokens = tokens(&server);
    assert!(matches!(
        tokens.token("dta").await,
        Err(ServiceTokenError::Malformed(_))
    ));
    assert!(tokens.token("dta").await.is_err());
}

#[tokio::test]
async fn a_call_refused_with_401_is_sent_once_more_with_a_fresh_token() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/token"))
        .respond_with(issued("token", 900))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/auth/users/u-1"))
        .respond_with(ResponseTemplate::new(401))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/auth/users/u-1"))
        .and(wiremock::matchers::header("authorization", "Bearer token"))
        .respond_with(ResponseTemplate::new(200))
        .expect(1)
        .mount(&server)
        .await;
    let tokens = tokens(&server);
    let outbound = Outbound::new(OutboundConfig::default()).unwrap();
    let url = format!("{}/auth/users/u-1", server.uri());
    let response = tokens
        .send(
            &outbound,
            "auth",
            crate::outbound::Repeat::ByMethod,
            |token| outbound.client().get(&url).bearer_auth(token).build(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}
