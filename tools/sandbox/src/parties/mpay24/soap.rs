//! `POST /mpay24/app/bin/etpproxy_v15`: the ETP operations, SOAP 1.1 with Basic auth
//! (`u<merchantID>:<password>`).

use super::mdxi::read_order;
use super::{PARTY, Status, Transaction, amount_text, mpay_tid};
use crate::credentials;
use crate::state::Sandbox;
use crate::xml::{self, Element, Node};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

const SOAP_ENV: &str = "http://schemas.xmlsoap.org/soap/envelope/";
const ETP: &str = "https://www.mpay24.com/soap/etp/1.5/ETP.wsdl";

/// The endpoint: checks the credentials, reads the envelope, runs the operation.
pub(super) async fn endpoint(
    State(sandbox): State<Sandbox>,
    headers: HeaderMap,
    body: String,
) -> Response {
    let settings = sandbox.settings();
    let user = format!("u{}", settings.mpay24_merchant_id);
    if !credentials::basic_matches(&headers, &user, &settings.mpay24_password) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Basic realm=\"mPAY24\"")],
            "Unauthorized",
        )
            .into_response();
    }
    let envelope = match xml::parse(&body) {
        Ok(envelope) => envelope,
        Err(err) => return fault(&err.0),
    };
    let Some(operation) = envelope
        .find(&["Body"])
        .and_then(|body| body.children.first())
    else {
        return fault("the envelope has no Body with an operation");
    };
    let name = operation.name.as_str();
    if operation.text_at(&["merchantID"]) != Some(settings.mpay24_merchant_id.as_str()) {
        return answer(name, error("ACCESS_DENIED", "unknown merchantID"));
    }
    let children = match name {
        "SelectPayment" => select_payment(&sandbox, operation),
        "TransactionStatus" => transaction_status(&sandbox, operation),
        "ManualCredit" => manual_credit(&sandbox, operation),
        other => return fault(&format!("operation {other} is not offered by the sandbox")),
    };
    answer(name, children)
}

fn select_payment(sandbox: &Sandbox, operation: &Element) -> Vec<Node> {
    let order = match read_order(operation) {
        Ok(order) => order,
        Err(message) => return error("INVALID_MDXI", &message),
    };
    let merchant = &sandbox.settings().mpay24_merchant_id;
    let mpay_tid = mpay_tid(merchant, &order.tid);
    let location = format!("{}/mpay24/pay/{mpay_tid}", sandbox.settings().public_url);
    let fresh = Transaction {
        mpay_tid: mpay_tid.clone(),
        status: Status::Init,
        credited_cents: 0,
        ..order
    };
    let kept = sandbox.update(PARTY, &mpay_tid, |stored| {
        let current: Option<Transaction> =
            stored.clone().and_then(|v| serde_json::from_value(v).ok());
        match current {
            Some(current) if current.status != Status::Init => current,
            _ => {
                *stored = serde_json::to_value(&fresh).ok();
                fresh
            }
        }
    });
    sandbox.record(
        "payment.select",
        json!({
            "mpayTID": mpay_tid, "tid": kept.tid, "priceCents": kept.price_cents,
            "currency": kept.currency, "description": kept.description, "location": location,
            "successUrl": kept.success_url, "errorUrl": kept.error_url,
            "confirmationUrl": kept.confirmation_url, "status": kept.status,
        }),
    );
    vec![
        Node::leaf("status", "OK"),
        Node::leaf("returnCode", "REDIRECT"),
        Node::leaf("mpayTID", mpay_tid),
        Node::leaf("location", location),
    ]
}

fn transaction_status(sandbox: &Sandbox, operation: &Element) -> Vec<Node> {
    let mpay_tid = match (operation.text_at(&["mpayTID"]), operation.text_at(&["tid"])) {
        (Some(mpay_tid), _) => mpay_tid.to_owned(),
        (None, Some(tid)) => mpay_tid(&sandbox.settings().mpay24_merchant_id, tid),
        (None, None) => return error("NOT_FOUND", "give mpayTID or tid"),
    };
    match Transaction::load(sandbox, &mpay_tid).filter(|t| t.status != Status::Init) {
        Some(transaction) => [Node::leaf("status", "OK"), Node::leaf("returnCode", "OK")]
            .into_iter()
            .chain(transaction.parameters().into_iter().map(|(name, value)| {
                Node::new("parameter")
                    .child(Node::leaf("name", name))
                    .child(Node::leaf("value", value))
            }))
            .collect(),
        None => error("NOT_FOUND", "no such transaction"),
    }
}

fn manual_credit(sandbox: &Sandbox, operation: &Element) -> Vec<Node> {
    let Some(mpay_tid) = operation.text_at(&["mpayTID"]) else {
        return error("NOT_FOUND", "give mpayTID");
    };
    let asked = match operation
        .text_at(&["amount"])
        .or_else(|| operation.text_at(&["price"]))
    {
        Some(raw) => match raw.parse::<u64>() {
            Ok(cents) if cents > 0 => Some(cents),
            _ => return error("INVALID_AMOUNT", "the amount is a positive number of cents"),
        },
        None => None,
    };
    let outcome = Transaction::update(sandbox, mpay_tid, |t| {
        let remaining = t.price_cents.saturating_sub(t.credited_cents);
        if !matches!(t.status, Status::Billed | Status::Credited) || remaining == 0 {
            return Err(("NOT_ALLOWED", "only a billed, not fully credited payment"));
        }
        let cents = asked.unwrap_or(remaining);
        if cents > remaining {
            return Err(("INVALID_AMOUNT", "more than is left to credit"));
        }
        t.credited_cents += cents;
        t.status = Status::Credited;
        Ok((cents, t.clone()))
    });
    match outcome {
        None => error("NOT_FOUND", "no such transaction"),
        Some(Err((code, message))) => error(code, message),
        Some(Ok((cents, t))) => {
            sandbox.record(
                "payment.refund",
                json!({
                    "mpayTID": t.mpay_tid, "tid": t.tid, "amountCents": cents,
                    "amount": amount_text(cents), "creditedCents": t.credited_cents,
                    "currency": t.currency,
                }),
            );
            vec![
                Node::leaf("status", "OK"),
                Node::leaf("returnCode", "OK"),
                Node::new("transaction")
                    .child(Node::leaf("mpayTID", t.mpay_tid))
                    .child(Node::leaf("tStatus", "CREDITED"))
                    .child(Node::leaf("tid", t.tid)),
            ]
        }
    }
}

fn error(code: &str, message: &str) -> Vec<Node> {
    vec![
        Node::leaf("status", "ERROR"),
        Node::leaf("returnCode", code),
        Node::leaf("errText", message),
    ]
}

fn answer(operation: &str, children: Vec<Node>) -> Response {
    let response = Node::new(&format!("etp:{operation}Response")).children(children);
    envelope(StatusCode::OK, response)
}

/// A SOAP 1.1 Fault (HTTP 500), for requests that are not a usable ETP call.
fn fault(message: &str) -> Response {
    let fault = Node::new("SOAP-ENV:Fault")
        .child(Node::leaf("faultcode", "SOAP-ENV:Client"))
        .child(Node::leaf("faultstring", message));
    envelope(StatusCode::INTERNAL_SERVER_ERROR, fault)
}

fn envelope(status: StatusCode, content: Node) -> Response {
    let document = Node::new("SOAP-ENV:Envelope")
        .attribute("xmlns:SOAP-ENV", SOAP_ENV)
        .attribute("xmlns:etp", ETP)
        .child(Node::new("SOAP-ENV:Body").child(content))
        .to_document();
    match document {
        Ok(document) => (
            status,
            [(header::CONTENT_TYPE, "text/xml; charset=utf-8")],
            document,
        )
            .into_response(),
        Err(err) => {
            tracing::error!(event = "sandbox.mpay24_write_failed", error = %err);
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
