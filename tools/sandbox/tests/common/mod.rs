//! The test harness: a sandbox without timed steps, requests sent with `oneshot`, and small
//! readers for the answers.
#![allow(dead_code)]

pub mod keycards;
pub mod mpay24;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode, header};
use base64::Engine;
use sandbox::{Sandbox, Settings};
use serde_json::Value;
use std::collections::HashMap;
use tower::ServiceExt;

/// Settings for tests: production steps only on demand, no webhook.
pub fn settings() -> Settings {
    Settings {
        keycard_step: None,
        ..Settings::default()
    }
}

/// A fresh sandbox with [`settings`] and its app.
pub fn sandbox() -> (Sandbox, Router) {
    with_settings(settings())
}

pub fn with_settings(settings: Settings) -> (Sandbox, Router) {
    let sandbox = Sandbox::new(settings);
    let app = sandbox::app(sandbox.clone());
    (sandbox, app)
}

/// What came back.
pub struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|err| panic!("not JSON ({err}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("ASCII header").to_owned())
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 16 * 1024 * 1024)
        .await
        .expect("body");
    Answer {
        status,
        headers,
        body,
    }
}

pub async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Request::get(uri).body(Body::empty()).expect("request")).await
}

/// `POST uri` with `content_type`, `body` and extra headers.
pub async fn post(
    app: &Router,
    uri: &str,
    content_type: &str,
    body: impl Into<Body>,
    headers: &[(&str, &str)],
) -> Answer {
    let request = headers
        .iter()
        .fold(Request::post(uri), |request, (name, value)| {
            request.header(*name, *value)
        })
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .expect("request");
    send(app, request).await
}

pub async fn post_json(app: &Router, uri: &str, body: &Value, headers: &[(&str, &str)]) -> Answer {
    post(app, uri, "application/json", body.to_string(), headers).await
}

/// `Basic base64(user:password)`.
pub fn basic(user: &str, password: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

/// The text of every element called `name` (any prefix), in document order.
pub fn xml_texts(document: &str, name: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(document);
    let (mut found, mut inside, mut text) = (Vec::new(), false, String::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(start) if start.local_name().as_ref() == name => {
                inside = true;
                text.clear();
            }
            Event::Text(t) if inside => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if inside => {
                let resolved = quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                    .expect("predefined entity");
                text.push_str(resolved);
            }
            Event::End(end) if end.local_name().as_ref() == name => {
                inside = false;
                found.push(text.clone());
            }
            Event::Eof => return found,
            _ => {}
        }
    }
}

pub fn xml_text(document: &str, name: &str) -> Option<String> {
    xml_texts(document, name).into_iter().next()
}

/// The `<parameter><name/><value/></parameter>` pairs of a `TransactionStatusResponse`.
pub fn xml_parameters(document: &str) -> HashMap<String, String> {
    xml_texts(document, "name")
        .into_iter()
        .zip(xml_texts(document, "value"))
        .collect()
}
