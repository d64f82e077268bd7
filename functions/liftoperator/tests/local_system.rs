//! The facade, both adapters and the sandbox's providers in one process, joined by a small
//! stand-in for API Gateway and auth's token endpoint: the demo operators' products and
//! bookings go all the way through the real code and wire formats.

mod common;

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use common::{Facade, admin, keycard, order_service};
use serde_json::{Value, json};
use shared::testing::function::Settings;
use shared::testing::{dynamo, tokens};
use shared::token::Role;
use std::collections::HashMap;
use std::sync::Arc;

async fn serve(router: axum::Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    format!("http://{address}")
}

async fn adapters(sandbox: &str) -> (dta::adapters::Deployed, axess::adapters::Deployed) {
    let (_, table) = dynamo::table_from_template("DtaTable").await;
    let credentials = json!({"demo-dta": {"username": "starjack", "password": "sandbox-dta", "contractor_id": "C-HOCHALM"}});
    let dta = Settings::new(&table)
        .set("SKIDATA_BASE_URL", format!("{sandbox}/skidata"))
        .set("DTA_CREDENTIALS", credentials.to_string())
        .set("DTA_POLL_INTERVAL_MS", "50")
        .deploy(dta::adapters::deployed)
        .await;
    let (_, table) = dynamo::table_from_template("AxessTable").await;
    let credentials = json!({"demo-axess": {"username": "starjack", "password": "sandbox-axess"}});
    let axess = Settings::new(&table)
        .set("AXESS_BASE_URL", format!("{sandbox}/axess"))
        .set("AXESS_CREDENTIALS", credentials.to_string())
        .deploy(axess::adapters::deployed)
        .await;
    (dta, axess)
}

/// The route key and path parameters API Gateway would find for `path`.
fn route(method: &str, path: &str) -> Option<(String, Value)> {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        [service @ ("dta" | "axess"), "products"] => {
            Some((format!("{method} /{service}/products"), json!({})))
        }
        [service @ ("dta" | "axess"), "bookings"] => {
            Some((format!("{method} /{service}/bookings"), json!({})))
        }
        [service @ ("dta" | "axess"), "bookings", id] => Some((
            format!("{method} /{service}/bookings/{{externalOrderId}}"),
            json!({"externalOrderId": id}),
        )),
        [service @ ("dta" | "axess"), "status"] => {
            Some((format!("{method} /{service}/status"), json!({})))
        }
        _ => None,
    }
}

/// An API Gateway HTTP API v2.0 event for `request`.
async fn event(request: Request) -> Option<(String, lambda_http::Request)> {
    let (parts, body) = request.into_parts();
    let (route_key, path_parameters) = route(parts.method.as_str(), parts.uri.path())?;
    let query = parts.uri.query().unwrap_or_default().to_owned();
    let params: HashMap<String, String> = axum::extract::Query::try_from_uri(&parts.uri).ok()?.0;
    let headers: serde_json::Map<String, Value> = parts
        .headers
        .iter()
        .filter_map(|(name, value)| Some((name.to_string(), Value::from(value.to_str().ok()?))))
        .collect();
    let body = String::from_utf8(to_bytes(body, 1 << 20).await.ok()?.to_vec()).ok()?;
    let event = json!({
        "version": "2.0", "routeKey": route_key, "rawPath": parts.uri.path(), "rawQueryString": query,
        "headers": headers, "queryStringParameters": params, "pathParameters": path_parameters,
        "requestContext": {"routeKey": route_key, "stage": "$default", "requestId": "local",
            "http": {"method": parts.method.as_str(), "path": parts.uri.path(), "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1", "userAgent": "test"}},
        "body": body, "isBase64Encoded": false,
    });
    let service = route_key.split('/').nth(1).unwrap_or_default().to_owned();
    Some((
        service,
        lambda_http::request::from_str(&event.to_string()).ok()?,
    ))
}

async fn gateway(
    dta: Arc<dta::adapters::Deployed>,
    axess: Arc<axess::adapters::Deployed>,
    request: Request,
) -> Response {
    if request.uri().path() == "/auth/token" {
        let body: Value = serde_json::from_slice(
            &to_bytes(request.into_body(), 1 << 16)
                .await
                .unwrap_or_default(),
        )
        .unwrap_or_default();
        let audience = body["audience"].as_str().unwrap_or_default();
        let token = tokens::sign(&tokens::claims("liftoperator", audience, &[Role::Service]));
        return axum::Json(
            json!({"access_token": token, "token_type": "Bearer", "expires_in": 900}),
        )
        .into_response();
    }
    let Some((service, event)) = event(request).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let answer = match service.as_str() {
        "dta" => shared::http::serve(&|request| dta.handle(request), event).await,
        _ => shared::http::serve(&|request| axess.handle(request), event).await,
    };
    let (parts, body) = answer.into_parts();
    Response::from_parts(parts, Body::from(body.as_ref().to_vec()))
}

async fn local_system() -> Facade {
    let sandbox = sandbox::spawn(sandbox::Sandbox::default())
        .await
        .expect("sandbox");
    let (dta, axess) = adapters(&sandbox).await;
    let (dta, axess) = (Arc::new(dta), Arc::new(axess));
    let api = serve(
        axum::Router::new()
            .fallback(move |request: Request| gateway(dta.clone(), axess.clone(), request)),
    )
    .await;
    let facade = Facade::start_at(&api).await;
    let seed = include_str!("../../../scripts/seed/liftoperators.json");
    for operator in serde_json::from_str::<Vec<Value>>(seed).expect("seed") {
        facade
            .call("create-operator", "", Some(operator), Some(&admin()))
            .await
            .assert_status(201);
    }
    facade
}

#[tokio::test]
async fn both_demo_operators_show_their_products_and_prices_from_the_sandbox() {
    let facade = local_system().await;
    let dta = facade.call("products", "hochalm", None, None).await;
    dta.assert_status(200);
    let adult = &dta.body["products"][0];
    assert_eq!(
        (adult["product_id"].as_str(), adult["category"].as_str()),
        (Some("DAY~ADULT"), Some("adult"))
    );
    assert_eq!(
        adult["price"],
        json!({"amount_cents": 5950, "currency": "EUR"})
    );
    let axess = facade.call("products", "gipfelbahn", None, None).await;
    axess.assert_status(200);
    assert_eq!(axess.body["products"].as_array().map(Vec::len), Some(6));
    let senior = &axess.body["products"][2];
    assert_eq!(
        (senior["product_id"].as_str(), senior["category"].as_str()),
        (Some("1-10-3"), Some("senior"))
    );
    assert_eq!(
        senior["price"],
        json!({"amount_cents": 4850, "currency": "EUR"})
    );
}

#[tokio::test]
async fn a_ticket_is_booked_read_and_cancelled_at_each_demo_operator() {
    let facade = local_system().await;
    for (operator, product) in [("hochalm", "TWO_DAY~CHILD"), ("gipfelbahn", "1-11-2")] {
        let order = format!("ord-{operator}");
        let body = json!({"external_order_id": order, "items": [{"product_id": product, "date": "2026-12-24", "keycard": keycard()}]});
        let booked = facade
            .call("book", operator, Some(body.clone()), Some(&order_service()))
            .await;
        assert_eq!(booked.status, 201, "{operator}: {}", booked.body);
        assert_eq!(booked.body["status"], "booked");
        assert!(booked.body["tickets"][0]["provider_reference"].is_string());
        let again = facade
            .call("book", operator, Some(body), Some(&order_service()))
            .await;
        assert_eq!(again.status, 200, "{operator}: {}", again.body);
        let read = facade
            .call_booking("read-booking", operator, &order, &order_service())
            .await;
        assert_eq!(
            (read.status, &read.body["status"]),
            (200, &json!("booked")),
            "{operator}"
        );
        let cancelled = facade
            .call_booking("cancel-booking", operator, &order, &order_service())
            .await;
        assert_eq!(
            cancelled.body["status"], "cancelled",
            "{operator}: {}",
            cancelled.body
        );
    }
}
