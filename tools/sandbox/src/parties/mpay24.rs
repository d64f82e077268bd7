//! Mpay24 ETP: the SOAP 1.1 endpoint (`SelectPayment`, `TransactionStatus`, `ManualCredit`)
//! and the payment page a person pays or declines on, which calls the merchant's
//! confirmation URL as Mpay24 does.

mod mdxi;
mod pay;
mod soap;

use crate::derive;
use crate::state::Sandbox;
use axum::Router;
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};

/// The party's name in the sandbox state; objects are keyed by mpayTID.
const PARTY: &str = "mpay24";

pub(crate) fn routes() -> Router<Sandbox> {
    Router::new()
        .route("/mpay24/app/bin/etpproxy_v15", post(soap::endpoint))
        .route("/mpay24/pay/{mpay_tid}", get(pay::page))
        .route("/mpay24/pay/{mpay_tid}/confirm", post(pay::confirm))
        .route("/mpay24/pay/{mpay_tid}/decline", post(pay::decline))
}

/// Where a transaction stands. `Init` is a session nobody has paid or declined yet; Mpay24
/// reports it as not found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Status {
    Init,
    Billed,
    Error,
    Credited,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Self::Init => "INIT",
            Self::Billed => "BILLED",
            Self::Error => "ERROR",
            Self::Credited => "CREDITED",
        }
    }
}

/// One payment session, as kept in the sandbox state.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Transaction {
    mpay_tid: String,
    tid: String,
    price_cents: u64,
    currency: String,
    description: Option<String>,
    success_url: String,
    error_url: String,
    confirmation_url: String,
    status: Status,
    credited_cents: u64,
}

impl Transaction {
    fn load(sandbox: &Sandbox, mpay_tid: &str) -> Option<Self> {
        serde_json::from_value(sandbox.get(PARTY, mpay_tid)?).ok()
    }

    /// Applies `change` to the stored transaction atomically; `None` if there is none.
    fn update<R>(
        sandbox: &Sandbox,
        mpay_tid: &str,
        change: impl FnOnce(&mut Transaction) -> R,
    ) -> Option<R> {
        sandbox.update(PARTY, mpay_tid, |stored| {
            let mut transaction: Transaction =
                serde_json::from_value(stored.as_ref()?.clone()).ok()?;
            let result = change(&mut transaction);
            *stored = serde_json::to_value(&transaction).ok();
            Some(result)
        })
    }

    /// The approval code a card acquirer would have given this payment.
    fn approval_code(&self) -> String {
        derive::digits(&["appr", &self.mpay_tid], 6)
    }

    /// The transaction's parameters as Mpay24 names them (confirmation and `TransactionStatus`).
    fn parameters(&self) -> Vec<(&'static str, String)> {
        let mut parameters = vec![
            ("OPERATION", "CONFIRMATION".to_owned()),
            ("TID", self.tid.clone()),
            ("STATUS", self.status.as_str().to_owned()),
            ("PRICE", self.price_cents.to_string()),
            ("CURRENCY", self.currency.clone()),
            ("MPAYTID", self.mpay_tid.clone()),
            ("P_TYPE", "CC".to_owned()),
            ("BRAND", "VISA".to_owned()),
        ];
        if matches!(self.status, Status::Billed | Status::Credited) {
            parameters.push(("APPR_CODE", self.approval_code()));
        }
        if let Some(description) = &self.description {
            parameters.push(("ORDERDESC", description.clone()));
        }
        parameters
    }
}

/// The mpayTID of merchant `merchant_id`'s order `tid`: ten digits, the same for the same order.
fn mpay_tid(merchant_id: &str, tid: &str) -> String {
    (1_000_000_000 + derive::number(&["mpaytid", merchant_id, tid], 9_000_000_000)).to_string()
}

/// `12.50` for 1250 cents.
fn amount_text(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}
