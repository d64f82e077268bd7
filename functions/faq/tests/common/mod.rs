//! A fresh faq function per test, with its own table in moto.
#![allow(dead_code)]

use faq::adapters::{Deployed, deployed};
use serde_json::{Value, json};
use shared::testing::dynamo;
use shared::testing::function::{self, Answer, Settings};

pub use function::{admin, customer};

pub struct Faq {
    pub app: Deployed,
}

/// An entry as an admin sends it.
pub fn entry(id: &str, locale: &str, category: &str, position: u32, question: &str) -> Value {
    json!({"id": id, "locale": locale, "category": category, "position": position,
           "question": question, "answer": format!("The answer to: {question}")})
}

impl Faq {
    pub async fn start() -> Self {
        let (_, table) = dynamo::table_from_template("FaqTable").await;
        let app = Settings::new(&table).deploy(deployed).await;
        Self { app }
    }

    async fn send(&self, request: lambda_http::Request) -> Answer {
        function::call(|request| self.app.handle(request), request).await
    }

    /// `GET /faq?locale=`.
    pub async fn list(&self, locale: &str) -> Answer {
        let pair = [("locale", locale)];
        let query = if locale.is_empty() {
            &pair[..0]
        } else {
            &pair[..]
        };
        self.send(function::request_query("faq/list.json", &[], query, None))
            .await
    }

    /// `POST /faq` with `body` as the bearer of `token`.
    pub async fn create(&self, body: &Value, token: Option<&str>) -> Answer {
        self.send(function::request("faq/create.json", Some(body), token))
            .await
    }

    /// `PUT /faq/{id}`.
    pub async fn update(&self, id: &str, body: &Value, token: Option<&str>) -> Answer {
        let request = function::request_at("faq/update.json", &[("id", id)], Some(body), token);
        self.send(request).await
    }

    /// `DELETE /faq/{id}`.
    pub async fn delete(&self, id: &str, token: Option<&str>) -> Answer {
        let request = function::request_at("faq/delete.json", &[("id", id)], None, token);
        self.send(request).await
    }

    /// The ids a reader of `locale` sees, in order.
    pub async fn ids(&self, locale: &str) -> Vec<String> {
        let answer = self.list(locale).await;
        answer.assert_status(200);
        let ids = answer.each("entries", "id");
        ids.iter()
            .map(|id| id.as_str().unwrap_or_default().to_owned())
            .collect()
    }
}
