use super::*;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn outbound(timeout: Duration) -> Outbound {
    Outbound::new(OutboundConfig {
        connect_timeout: Duration::from_millis(500),
        timeout,
        max_attempts: 3,
        base_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
    })
    .unwrap()
}

async fn requests_received(server: &MockServer) -> usize {
    server.received_requests().await.unwrap_or_default().len()
}

#[tokio::test]
async fn a_read_that_fails_transiently_is_retried_until_it_succeeds() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = outbound(Duration::from_secs(2));
    let request = client.client().get(server.uri()).build().unwrap();
    let response = client.send(request, Repeat::ByMethod).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(requests_received(&server).await, 3);
}

#[tokio::test]
async fn retries_stop_after_the_configured_attempts_and_return_the_last_answer() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let client = outbound(Duration::from_secs(2));
    let request = client.client().get(server.uri()).build().unwrap();
    assert_eq!(
        client
            .send(request, Repeat::ByMethod)
            .await
            .unwrap()
            .status(),
        503
    );
    assert_eq!(requests_received(&server).await, 3);
}

#[tokio::test]
async fn a_post_is_not_repeated_unless_the_receiver_deduplicates() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let client = outbound(Duration::from_secs(2));
    let request = client
        .client()
        .post(server.uri())
        .body("{}")
        .build()
        .unwrap();
    client.send(request, Repeat::ByMethod).await.unwrap();
    assert_eq!(requests_received(&server).await, 1);
    let request = client
        .client()
        .post(server.uri())
        .body("{}")
        .build()
        .unwrap();
    client.send(request, Repeat::Idempotent).await.unwrap();
    assert_eq!(requests_received(&server).await, 4);
}

#[tokio::test]
async fn a_client_error_is_answered_at_once_without_retry() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    let client = outbound(Duration::from_secs(2));
    let request = client.client().get(server.uri()).build().unwrap();
    assert_eq!(
        client
            .send(request, Repeat::ByMethod)
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(requests_received(&server).await, 1);
}

#[tokio::test]
async fn a_slow_answer_ends_in_a_timeout_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(5)))
        .mount(&server)
        .await;
    let client = outbound(Duration::from_millis(100));
    let request = client.client().post(server.uri()).build().unwrap();
    let err = client.send(request, Repeat::ByMethod).await.unwrap_err();
    assert!(err.is_timeout());
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let server = MockServer::start().await;
    Mock::given(path("/"))
        .respond_with(
            ResponseTemplate::new(302).insert_header("location", "http://127.0.0.1:9/elsewhere"),
        )
        .mount(&server)
        .await;
    let client = outbound(Duration::from_secs(2));
    let request = client.client().get(server.uri()).build().unwrap();
    assert_eq!(
        client
            .send(request, Repeat::ByMethod)
            .await
            .unwrap()
            .status(),
        302
    );
}

#[tokio::test]
async fn the_current_correlation_id_is_passed_on() {
    let server = MockServer::start().await;
    Mock::given(header("x-correlation-id", "corr-9"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = outbound(Duration::from_secs(2));
    let request = client.client().get(server.uri()).build().unwrap();
    let id = CorrelationId::parse("corr-9").unwrap();
    let response = id
        .scope(client.send(request, Repeat::ByMethod))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn a_body_within_the_cap_is_read_whole() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("0123456789"))
        .mount(&server)
        .await;
    let client = outbound(Duration::from_secs(2));
    let request = client.client().get(server.uri()).build().unwrap();
    let response = client.send(request, Repeat::ByMethod).await.unwrap();
    assert_eq!(body_capped(response, 10).await.unwrap(), b"0123456789");
}

#[tokio::test]
async fn a_body_beyond_the_cap_is_refused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string("x".repeat(11)))
        .mount(&server)
        .await;
    let client = outbound(Duration::from_secs(2));
    let request = client.client().get(server.uri()).build().unwrap();
    let response = client.send(request, Repeat::ByMethod).await.unwrap();
    assert!(matches!(
        body_capped(response, 10).await,
        Err(BodyError::TooLarge(10))
    ));
}
