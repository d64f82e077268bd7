//! Stubs of our own API as a service under test sees it (wiremock): auth's service tokens and
//! user lookups, a passing outage of any stub, and what a stub was asked.

use serde_json::json;
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// Every request `server` received, oldest first.
pub async fn requests(server: &MockServer) -> Vec<Request> {
    server.received_requests().await.unwrap_or_default()
}

/// `server` answers the next `verb` request with `status`, and only that one: a passing outage.
pub async fn fails_once(server: &MockServer, verb: &str, status: u16) {
    Mock::given(method(verb))
        .respond_with(ResponseTemplate::new(status))
        .up_to_n_times(1)
        .mount(server)
        .await;
}

/// Auth on `api`: a service token (`service-token`) for any client and audience, and every
/// user at `GET /auth/users/{id}` with `email` and `name`.
pub async fn auth(api: &MockServer, email: &str, name: &str) {
    Mock::given(method("POST"))
        .and(path("/auth/token"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"access_token": "service-token", "token_type": "Bearer", "expires_in": 900}),
        ))
        .mount(api)
        .await;
    let (email, name) = (email.to_owned(), name.to_owned());
    Mock::given(method("GET"))
        .and(path_regex("^/auth/users/[^/]+$"))
        .respond_with(move |request: &Request| {
            let id = request.url.path().rsplit('/').next().unwrap_or_default();
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": id, "email": email, "name": name}))
        })
        .mount(api)
        .await;
}
