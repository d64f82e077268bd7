//! Mpay24's ETP over `shared::soap` (HTTP Basic `u<merchantID>:<password>`): `SelectPayment`
//! opens a session, `TransactionStatus` reads Mpay24's own view, `ManualCredit` refunds. An
//! answer whose `status` is not `OK` is a refusal with Mpay24's `returnCode`.

use crate::domain::{OrderId, Payment, Transaction};
use crate::ports::{Mpay24, ProviderError, Session};
use shared::outbound::{Endpoint, Outbound, Remote, Repeat};
use shared::provider::Secret;
use shared::soap::{self, Call, Element, Node, printable};

/// The namespace of ETP 1.5.
const ETP_NS: &str = "https://www.mpay24.com/soap/etp/1.5/ETP.wsdl";
/// The SOAP endpoint below the base URL.
const ENDPOINT: &str = "/app/bin/etpproxy_v15";

/// Where Mpay24 is, who we are there, and where its pages and callbacks lead.
#[derive(Debug, Clone)]
pub struct Mpay24Config {
    pub endpoint: Endpoint,
    pub merchant_id: String,
    pub password: Secret,
    /// The web shop, where the customer returns after paying (`/orders/{id}?payment=...`).
    pub shop_base_url: String,
    /// Our API, whose `/payments/confirmation` Mpay24 calls.
    pub api_base_url: String,
}

/// The Mpay24 adapter; one per container.
pub struct Mpay24Client {
    outbound: Outbound,
    url: String,
    user: String,
    config: Mpay24Config,
}

/// Cents as Mpay24's decimal price.
fn price(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

impl Mpay24Client {
    pub fn new(config: Mpay24Config) -> Result<Self, reqwest::Error> {
        let mpay24 = Remote::new(config.endpoint.clone())?;
        Ok(Self {
            url: mpay24.url(ENDPOINT),
            outbound: mpay24.outbound,
            user: format!("u{}", config.merchant_id),
            config,
        })
    }

    /// Calls `operation` with the merchant id and `body`; its answer once `status` is `OK`.
    async fn call(
        &self,
        operation: &str,
        body: Vec<Node>,
        repeat: Repeat,
    ) -> Result<Element, ProviderError> {
        let mut nodes = vec![Node::Leaf("merchantID", self.config.merchant_id.clone())];
        nodes.extend(body);
        let call = Call {
            url: &self.url,
            namespace: ETP_NS,
            operation,
            action: None,
            basic: Some((&self.user, self.config.password.expose())),
            body: &nodes,
        };
        let answer = soap::call(&self.outbound, call, repeat).await?;
        if soap::text(&answer, "status")? != "OK" {
            return Err(ProviderError::Refused {
                code: printable(answer.text_of("returnCode").unwrap_or("")),
                message: printable(answer.text_of("errText").unwrap_or("")),
            });
        }
        Ok(answer)
    }

    fn order(&self, payment: &Payment) -> Node {
        let id = payment.order_id.as_str();
        let shop = self.config.shop_base_url.trim_end_matches('/');
        let api = self.config.api_base_url.trim_end_matches('/');
        Node::Group(
            "Order",
            vec![
                Node::Leaf("Tid", id.to_owned()),
                Node::Group(
                    "ShoppingCart",
                    vec![Node::Leaf("Description", payment.description.clone())],
                ),
                Node::Leaf("Price", price(payment.price.amount_cents)),
                Node::Leaf("Currency", payment.price.currency.clone()),
                Node::Group(
                    "URL",
                    vec![
                        Node::Leaf("Success", format!("{shop}/orders/{id}?payment=success")),
                        Node::Leaf("Error", format!("{shop}/orders/{id}?payment=error")),
                        Node::Leaf("Confirmation", format!("{api}/payments/confirmation")),
                    ],
                ),
            ],
        )
    }
}

/// The `<parameter><name/><value/></parameter>` list of `TransactionStatus` as a transaction.
fn transaction(answer: &Element) -> Result<Transaction, ProviderError> {
    let value = |name: &'static str| -> Result<String, ProviderError> {
        answer
            .children
            .iter()
            .filter(|child| child.name == "parameter")
            .find(|parameter| parameter.text_of("name").ok() == Some(name))
            .and_then(|parameter| parameter.text_of("value").ok())
            .map(str::to_owned)
            .ok_or_else(|| ProviderError::Malformed(format!("no parameter {name}")))
    };
    let price_cents = value("PRICE")?
        .parse()
        .map_err(|_| ProviderError::Malformed("PRICE is not a number of cents".into()))?;
    Ok(Transaction {
        tid: value("TID")?,
        mpay_tid: value("MPAYTID")?,
        status: value("STATUS")?,
        price_cents,
        currency: value("CURRENCY")?,
    })
}

impl Mpay24 for Mpay24Client {
    async fn select_payment(&self, payment: &Payment) -> Result<Session, ProviderError> {
        let body = vec![Node::Group("mdxi", vec![self.order(payment)])];
        let answer = self.call("SelectPayment", body, Repeat::Idempotent).await?;
        Ok(Session {
            mpay_tid: soap::text(&answer, "mpayTID")?.to_owned(),
            location: soap::text(&answer, "location")?.to_owned(),
        })
    }

    async fn transaction(&self, order_id: &OrderId) -> Result<Option<Transaction>, ProviderError> {
        let body = vec![Node::Leaf("tid", order_id.to_string())];
        match self
            .call("TransactionStatus", body, Repeat::Idempotent)
            .await
        {
            Ok(answer) => transaction(&answer).map(Some),
            Err(ProviderError::Refused { code, .. }) if code == "NOT_FOUND" => Ok(None),
            Err(err) => Err(err),
        }
    }

    async fn credit(&self, mpay_tid: &str, amount_cents: i64) -> Result<(), ProviderError> {
        let body = vec![
            Node::Leaf("mpayTID", mpay_tid.to_owned()),
            Node::Leaf("amount", amount_cents.to_string()),
        ];
        self.call("ManualCredit", body, Repeat::ByMethod)
            .await
            .map(|_| ())
    }

    async fn check(&self) -> Result<(), String> {
        let probe = OrderId::parse("status-check").map_err(|err| err.to_string())?;
        self.transaction(&probe)
            .await
            .map(|_| ())
            .map_err(|err| format!("Mpay24 {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cents_are_written_as_a_decimal_price() {
        assert_eq!(price(4990), "49.90");
        assert_eq!(price(5), "0.05");
        assert_eq!(price(100), "1.00");
    }
}
