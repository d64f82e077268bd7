//! Mailgun: `POST /mailgun/v3/{domain}/messages` with Basic `api:KEY` and the message as form
//! fields (URL-encoded or multipart), kept as a `mail` record.

use crate::credentials;
use crate::derive;
use crate::state::Sandbox;
use axum::Router;
use axum::extract::{Form, FromRequest, Multipart, Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Map, Value, json};

pub(crate) fn routes() -> Router<Sandbox> {
    Router::new().route("/mailgun/v3/{domain}/messages", post(send))
}

/// One form field: text, or an attached file (kept by name and size only).
enum Field {
    Text(String, String),
    File {
        name: String,
        file_name: String,
        size: usize,
    },
}

async fn send(
    State(sandbox): State<Sandbox>,
    Path(domain): Path<String>,
    request: Request,
) -> Response {
    if !credentials::basic_matches(request.headers(), "api", &sandbox.settings().mailgun_key) {
        return (StatusCode::UNAUTHORIZED, "Forbidden").into_response();
    }
    let fields = match read_fields(request).await {
        Ok(fields) => fields,
        Err(message) => return bad_request(&message),
    };
    let mail = match Mail::from_fields(&fields) {
        Ok(mail) => mail,
        Err(message) => return bad_request(&message),
    };
    let id = format!(
        "<sandbox.{}@{domain}>",
        derive::hex(&derive::digest(&[&domain, &mail.fingerprint()])[..10])
    );
    let mut data = mail.data;
    data.insert("domain".into(), json!(domain));
    data.insert("id".into(), json!(id));
    sandbox.record("mail", Value::Object(data));
    (
        StatusCode::OK,
        axum::Json(json!({ "id": id, "message": "Queued. Thank you." })),
    )
        .into_response()
}

/// The message as the record keeps it.
struct Mail {
    data: Map<String, Value>,
}

impl Mail {
    fn from_fields(fields: &[Field]) -> Result<Self, String> {
        let texts = |wanted: &str| -> Vec<&str> {
            fields
                .iter()
                .filter_map(|field| match field {
                    Field::Text(name, value) if name == wanted => Some(value.as_str()),
                    _ => None,
                })
                .collect()
        };
        let first = |name: &str| texts(name).first().map(|v| v.to_string());
        let addresses = |name: &str| -> Vec<String> {
            texts(name)
                .iter()
                .flat_map(|value| value.split(','))
                .map(|address| address.trim().to_owned())
                .filter(|address| !address.is_empty())
                .collect()
        };
        let from = first("from").filter(|v| !v.trim().is_empty());
        let from = from.ok_or("'from' parameter is missing")?;
        let to = addresses("to");
        if to.is_empty() {
            return Err("'to' parameter is missing".into());
        }
        if let Some(bad) = to.iter().find(|address| !address.contains('@')) {
            return Err(format!("'to' parameter is not a valid address: {bad}"));
        }
        let subject = first("subject").ok_or("'subject' parameter is missing")?;
        let (text, html) = (first("text"), first("html"));
        if text.is_none() && html.is_none() && first("template").is_none() {
            return Err(
                "Need at least one of 'text', 'html' or 'template' parameters specified".into(),
            );
        }
        let prefixed = |prefix: &str| -> Map<String, Value> {
            fields
                .iter()
                .filter_map(|field| match field {
                    Field::Text(name, value) => name
                        .strip_prefix(prefix)
                        .filter(|_| name != "o:tag")
                        .map(|key| (key.to_owned(), json!(value))),
                    Field::File { .. } => None,
                })
                .collect()
        };
        let attachments: Vec<Value> = fields
            .iter()
            .filter_map(|field| match field {
                Field::File {
                    name,
                    file_name,
                    size,
                } => Some(json!({ "field": name, "filename": file_name, "size": size })),
                Field::Text(..) => None,
            })
            .collect();
        let data = Map::from_iter(
            [
                ("from", json!(from)),
                ("to", json!(to)),
                ("cc", json!(addresses("cc"))),
                ("bcc", json!(addresses("bcc"))),
                ("subject", json!(subject)),
                ("text", json!(text)),
                ("html", json!(html)),
                ("template", json!(first("template"))),
                ("tags", json!(texts("o:tag"))),
                ("variables", Value::Object(prefixed("v:"))),
                ("headers", Value::Object(prefixed("h:"))),
                ("options", Value::Object(prefixed("o:"))),
                ("attachments", Value::Array(attachments)),
            ]
            .map(|(key, value)| (key.to_owned(), value)),
        );
        Ok(Self { data })
    }

    /// What makes two messages the same message.
    fn fingerprint(&self) -> String {
        Value::Object(self.data.clone()).to_string()
    }
}

async fn read_fields(request: Request) -> Result<Vec<Field>, String> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let mut multipart = Multipart::from_request(request, &())
            .await
            .map_err(|err| format!("bad multipart body: {}", err.body_text()))?;
        let mut fields = Vec::new();
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|err| format!("bad multipart body: {}", err.body_text()))?
        {
            let name = field.name().unwrap_or_default().to_owned();
            match field.file_name().map(str::to_owned) {
                Some(file_name) => {
                    let bytes = field.bytes().await.map_err(|err| err.body_text())?;
                    fields.push(Field::File {
                        name,
                        file_name,
                        size: bytes.len(),
                    });
                }
                None => {
                    let value = field.text().await.map_err(|err| err.body_text())?;
                    fields.push(Field::Text(name, value));
                }
            }
        }
        Ok(fields)
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        let Form(pairs) = Form::<Vec<(String, String)>>::from_request(request, &())
            .await
            .map_err(|err| format!("bad form body: {}", err.body_text()))?;
        Ok(pairs
            .into_iter()
            .map(|(name, value)| Field::Text(name, value))
            .collect())
    } else {
        Err("the message must be form fields (x-www-form-urlencoded or multipart/form-data)".into())
    }
}

fn bad_request(message: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        axum::Json(json!({ "message": message })),
    )
        .into_response()
}
