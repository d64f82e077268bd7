//! Axess DCI4WTP under `/axess` (SOAP 1.1, one endpoint): `login`, `getTariff`,
//! `issueTicket`, `cancelTicket`. Sessions expire after a number of calls or seconds
//! (`axess`/`config` in the sandbox state, or `SANDBOX_AXESS_SESSION_CALLS` and
//! `SANDBOX_AXESS_SESSION_SECONDS`); errors come as `NERRORNO`/`SZERRORMESSAGE` in a 200, or
//! as SOAP Faults. Wire shapes: `tools/sandbox/PROVIDERS.md`.

mod xml;

use crate::state::Sandbox;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};
use std::time::{SystemTime, UNIX_EPOCH};
use xml::{Element, answer, fault};

const PARTY: &str = "axess";
pub const DEMO_USERNAME: &str = "starjack";
pub const DEMO_PASSWORD: &str = "sandbox-axess";
/// Error numbers, as the adapter knows them.
const LOGIN_REFUSED: i64 = 5;
const SESSION_EXPIRED: i64 = 102;
const INVALID_REQUEST: i64 = 300;
const NO_TARIFF: i64 = 301;
const TICKET_UNKNOWN: i64 = 404;
const ALREADY_CANCELLED: i64 = 409;
const CHIP_BLOCKED: i64 = 410;
const PROJECT_NO: i64 = 4711;
const POS_NO: i64 = 12;

pub(crate) fn routes() -> Router<Sandbox> {
    Router::new().route("/axess", post(soap))
}

fn xml_response(status: StatusCode, body: String) -> Response {
    (status, [("content-type", "text/xml; charset=utf-8")], body).into_response()
}

fn now_s() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

/// The demo tariffs of pool 1: (ticket type, person type) → name, person, days, price.
fn tariff(
    pool: &str,
    ticket: &str,
    person: &str,
) -> Option<(&'static str, &'static str, u32, &'static str)> {
    if pool != "1" {
        return None;
    }
    let (name, days, prices) = match ticket {
        "10" => ("Day pass", 1, ["54.00", "27.00", "48.50"]),
        "11" => ("Two-day pass", 2, ["102.00", "51.00", "92.00"]),
        _ => return None,
    };
    let (person_name, price) = match person {
        "1" => ("Adult", prices[0]),
        "2" => ("Child", prices[1]),
        "3" => ("Senior", prices[2]),
        _ => return None,
    };
    Some((name, person_name, days, price))
}

fn next(sandbox: &Sandbox, counter: &str, start: i64) -> i64 {
    let value = sandbox
        .get(PARTY, counter)
        .and_then(|v| v.as_i64())
        .unwrap_or(start)
        + 1;
    sandbox.put(PARTY, counter, json!(value));
    value
}

fn limits(sandbox: &Sandbox) -> (u64, u64) {
    let config = sandbox.get(PARTY, "config").unwrap_or(Value::Null);
    let env = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    (
        config["session_calls"]
            .as_u64()
            .unwrap_or_else(|| env("SANDBOX_AXESS_SESSION_CALLS", 50)),
        config["session_seconds"]
            .as_u64()
            .unwrap_or_else(|| env("SANDBOX_AXESS_SESSION_SECONDS", 600)),
    )
}

/// Counts a call in the session; `false` once it has expired.
fn use_session(sandbox: &Sandbox, id: &str) -> bool {
    let key = format!("session:{id}");
    let Some(mut session) = sandbox.get(PARTY, &key) else {
        return false;
    };
    let (max_calls, max_seconds) = limits(sandbox);
    let calls = session["calls"].as_u64().unwrap_or(0) + 1;
    let age = now_s().saturating_sub(session["created"].as_u64().unwrap_or(0));
    session["calls"] = json!(calls);
    sandbox.put(PARTY, &key, session);
    calls <= max_calls && age <= max_seconds
}

async fn soap(State(sandbox): State<Sandbox>, body: String) -> Response {
    let request = match xml::parse(&body) {
        Ok(root) if root.name == "Envelope" => root,
        Ok(_) => {
            return xml_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                fault("Client", "not a SOAP Envelope"),
            );
        }
        Err(reason) => {
            return xml_response(StatusCode::INTERNAL_SERVER_ERROR, fault("Client", &reason));
        }
    };
    let Some(call) = request.child("Body").and_then(|body| body.children.first()) else {
        return xml_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            fault("Client", "no operation in the Body"),
        );
    };
    let operation = call.name.as_str();
    if operation != "login" && !use_session(&sandbox, call.text_of("NSESSIONID")) {
        return xml_response(
            StatusCode::OK,
            answer(
                operation,
                SESSION_EXPIRED,
                "session expired or unknown",
                &[],
            ),
        );
    }
    let reply = match operation {
        "login" => login(&sandbox, call),
        "getTariff" => get_tariff(call),
        "issueTicket" => return issue_ticket(&sandbox, call),
        "cancelTicket" => cancel_ticket(&sandbox, call),
        other => {
            return xml_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                fault("Client", &format!("unknown operation {other}")),
            );
        }
    };
    xml_response(StatusCode::OK, reply)
}

fn login(sandbox: &Sandbox, call: &Element) -> String {
    if call.text_of("SZUSERNAME") != DEMO_USERNAME || call.text_of("SZPASSWORD") != DEMO_PASSWORD {
        return answer("login", LOGIN_REFUSED, "login refused", &[]);
    }
    let session = next(sandbox, "sessions", 1000);
    sandbox.put(
        PARTY,
        &format!("session:{session}"),
        json!({"calls": 0, "created": now_s()}),
    );
    answer(
        "login",
        0,
        "",
        &[
            ("NSESSIONID", session.to_string()),
            ("NPOSNO", POS_NO.to_string()),
        ],
    )
}

fn product(call: &Element) -> Result<(String, String, String, String), String> {
    let product = call.child("CTPRODUCT").ok_or("CTPRODUCT is missing")?;
    let day = product.text_of("SZVALIDFROM");
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(day, format).map_err(|_| "SZVALIDFROM must be YYYY-MM-DD".to_owned())?;
    Ok((
        product.text_of("NPOOLNO").to_owned(),
        product.text_of("NTICKETTYPENO").to_owned(),
        product.text_of("NPERSONTYPNO").to_owned(),
        day.to_owned(),
    ))
}

fn get_tariff(call: &Element) -> String {
    let (pool, ticket, person, _) = match product(call) {
        Ok(product) => product,
        Err(reason) => return answer("getTariff", INVALID_REQUEST, &reason, &[]),
    };
    match tariff(&pool, &ticket, &person) {
        Some((name, person_name, days, price)) => answer(
            "getTariff",
            0,
            "",
            &[
                ("FTARIFF", price.to_owned()),
                ("SZCURRENCY", "EUR".to_owned()),
                ("SZTICKETTYPENAME", name.to_owned()),
                ("SZPERSONTYPENAME", person_name.to_owned()),
                ("NVALIDDAYS", days.to_string()),
            ],
        ),
        None => answer("getTariff", NO_TARIFF, "no tariff for this product", &[]),
    }
}

/// Chips named `FAULT...` get a SOAP Fault, `BLOCKED...` a refusal.
fn issue_ticket(sandbox: &Sandbox, call: &Element) -> Response {
    let reply = |body| xml_response(StatusCode::OK, body);
    let (pool, ticket, person, day) = match product(call) {
        Ok(product) => product,
        Err(reason) => return reply(answer("issueTicket", INVALID_REQUEST, &reason, &[])),
    };
    let Some((name, person_name, _, price)) = tariff(&pool, &ticket, &person) else {
        return reply(answer(
            "issueTicket",
            NO_TARIFF,
            "no tariff for this product",
            &[],
        ));
    };
    let chip = call.child("CTCHIP").cloned().unwrap_or_default();
    let chip_id = chip.text_of("SZCHIPID");
    if chip_id.is_empty()
        || chip.text_of("SZSERIALNO").is_empty()
        || chip.text_of("SZLUHNNO").is_empty()
    {
        return reply(answer(
            "issueTicket",
            INVALID_REQUEST,
            "CTCHIP needs SZCHIPID, SZSERIALNO and SZLUHNNO",
            &[],
        ));
    }
    if chip_id.starts_with("FAULT") {
        return xml_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            fault("Server", "ticket printer offline"),
        );
    }
    if chip_id.starts_with("BLOCKED") {
        return reply(answer("issueTicket", CHIP_BLOCKED, "chip is blocked", &[]));
    }
    let serial = next(sandbox, "serial", 100_000);
    let journal = next(sandbox, "journal", 5_000);
    let ticket_record = json!({"projectNo": PROJECT_NO, "posNo": POS_NO, "serialNo": serial, "journalNo": journal,
        "externalOrderNo": call.text_of("SZEXTORDERNO"), "chipId": chip_id, "product": name, "personType": person_name,
        "validFrom": day, "price": price, "cancelled": false});
    sandbox.put(PARTY, &format!("ticket:{serial}"), ticket_record.clone());
    sandbox.record("axess.ticket", ticket_record);
    reply(answer(
        "issueTicket",
        0,
        "",
        &[
            ("NPROJECTNO", PROJECT_NO.to_string()),
            ("NPOSNO", POS_NO.to_string()),
            ("NSERIALNO", serial.to_string()),
            ("NJOURNALNO", journal.to_string()),
        ],
    ))
}

fn cancel_ticket(sandbox: &Sandbox, call: &Element) -> String {
    let key = format!("ticket:{}", call.text_of("NSERIALNO"));
    let Some(mut ticket) = sandbox.get(PARTY, &key) else {
        return answer("cancelTicket", TICKET_UNKNOWN, "no such ticket", &[]);
    };
    if ticket["cancelled"] == true {
        return answer(
            "cancelTicket",
            ALREADY_CANCELLED,
            "ticket already cancelled",
            &[],
        );
    }
    let journal = next(sandbox, "journal", 5_000);
    ticket["cancelled"] = json!(true);
    sandbox.put(PARTY, &key, ticket.clone());
    sandbox.record(
        "axess.cancel",
        json!({"serialNo": ticket["serialNo"], "journalNo": journal}),
    );
    answer(
        "cancelTicket",
        0,
        "",
        &[("NJOURNALNO", journal.to_string())],
    )
}
