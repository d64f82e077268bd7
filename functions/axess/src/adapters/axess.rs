//! Axess DCI4WTP: a session from `login` kept per credentials for the container's life and
//! renewed once when Axess reports it expired; tariffs (not retried: a listing asks for up to
//! 30 of them), ticket issue and cancellation.

use super::soap::{self, name, number};
use crate::domain::{
    CredentialsRef, Day, ExternalOrderId, IssuedTicket, Money, ProductKey, Tariff, TicketItem,
};
use crate::ports::{Axess, ProviderError};
use shared::outbound::{Outbound, Repeat};
use shared::provider::{Login, ProviderConfig};
use shared::soap::{Element, Node};
use std::collections::HashMap;
use std::fmt;
use tokio::sync::Mutex;

/// The `NERRORNO` with which Axess says the session expired or is unknown.
pub const SESSION_EXPIRED: &str = "102";

/// Where Axess is (its SOAP endpoint itself: every operation is posted to the base URL) and
/// the credentials of each reference.
pub type AxessClientConfig = ProviderConfig<Login>;

#[derive(Debug, Clone, Copy)]
struct Session {
    id: i64,
    pos_no: i64,
}

/// The Axess client and its sessions; built once per container in `main`.
pub struct AxessClient {
    outbound: Outbound,
    url: String,
    credentials: HashMap<String, Login>,
    sessions: Mutex<HashMap<String, Session>>,
}

fn malformed(detail: impl fmt::Display) -> ProviderError {
    ProviderError::Malformed(detail.to_string())
}

fn positive(element: &Element, field: &'static str) -> Result<i64, ProviderError> {
    let value = number(element, field)?;
    if value > 0 {
        Ok(value)
    } else {
        Err(malformed(format!("{field} is not positive")))
    }
}

fn product(key: ProductKey, day: Day) -> Node {
    Node::Group(
        "CTPRODUCT",
        vec![
            Node::Leaf("NPOOLNO", key.pool_no.to_string()),
            Node::Leaf("NTICKETTYPENO", key.ticket_type_no.to_string()),
            Node::Leaf("NPERSONTYPNO", key.person_type_no.to_string()),
            Node::Leaf("SZVALIDFROM", day.to_string()),
        ],
    )
}

impl AxessClient {
    pub fn new(config: AxessClientConfig) -> Result<Self, reqwest::Error> {
        Ok(Self {
            outbound: Outbound::new(config.endpoint.outbound)?,
            url: config.endpoint.base_url,
            credentials: config.credentials,
            sessions: Mutex::new(HashMap::new()),
        })
    }

    async fn login(&self, credentials: &str) -> Result<Session, ProviderError> {
        let found = self
            .credentials
            .get(credentials)
            .ok_or_else(|| ProviderError::UnknownCredentials(credentials.to_owned()))?;
        let body = [
            Node::Leaf("SZUSERNAME", found.username.clone()),
            Node::Leaf("SZPASSWORD", found.password.expose().to_owned()),
        ];
        let answer = soap::call(
            &self.outbound,
            &self.url,
            "login",
            &body,
            Repeat::Idempotent,
        )
        .await?;
        let session = Session {
            id: positive(&answer, "NSESSIONID")?,
            pos_no: positive(&answer, "NPOSNO")?,
        };
        tracing::info!(
            event = "axess.logged_in",
            credentials,
            pos_no = session.pos_no
        );
        Ok(session)
    }

    async fn session(&self, credentials: &str) -> Result<Session, ProviderError> {
        let mut sessions = self.sessions.lock().await;
        if let Some(session) = sessions.get(credentials) {
            return Ok(*session);
        }
        let session = self.login(credentials).await?;
        sessions.insert(credentials.to_owned(), session);
        Ok(session)
    }

    /// Calls `operation` with the body `body` makes for the session of `credentials`; when
    /// Axess says the session expired, logs in again and calls once more (the refused call
    /// did nothing).
    async fn in_session(
        &self,
        credentials: &CredentialsRef,
        operation: &str,
        repeat: Repeat,
        body: impl Fn(Session) -> Vec<Node> + Send + Sync,
    ) -> Result<Element, ProviderError> {
        let session = self.session(credentials.as_str()).await?;
        match self.call(operation, &body(session), repeat).await {
            Err(ProviderError::Refused { code, .. }) if code == SESSION_EXPIRED => {
                {
                    let mut sessions = self.sessions.lock().await;
                    if sessions
                        .get(credentials.as_str())
                        .is_some_and(|s| s.id == session.id)
                    {
                        sessions.remove(credentials.as_str());
                    }
                }
                tracing::info!(event = "axess.session_expired", credentials = %credentials);
                let renewed = self.session(credentials.as_str()).await?;
                self.call(operation, &body(renewed), repeat).await
            }
            other => other,
        }
    }

    async fn call(
        &self,
        operation: &str,
        body: &[Node],
        repeat: Repeat,
    ) -> Result<Element, ProviderError> {
        soap::call(&self.outbound, &self.url, operation, body, repeat).await
    }
}

impl Axess for AxessClient {
    async fn tariff(
        &self,
        credentials: &CredentialsRef,
        key: ProductKey,
        day: Day,
    ) -> Result<Tariff, ProviderError> {
        let answer = self
            .in_session(credentials, "getTariff", Repeat::ByMethod, |session| {
                vec![
                    Node::Leaf("NSESSIONID", session.id.to_string()),
                    product(key, day),
                ]
            })
            .await?;
        let validity_days = number(&answer, "NVALIDDAYS")?;
        Ok(Tariff {
            pool_no: key.pool_no,
            ticket_type_no: key.ticket_type_no,
            person_type_no: key.person_type_no,
            name: name(&answer, "SZTICKETTYPENAME")?,
            person_type_name: name(&answer, "SZPERSONTYPENAME")?,
            validity_days: u16::try_from(validity_days)
                .ok()
                .filter(|days| (1..=366).contains(days))
                .ok_or_else(|| malformed("NVALIDDAYS is not 1 to 366"))?,
            price: Money::from_decimal(
                answer.text_of("FTARIFF").map_err(malformed)?,
                answer.text_of("SZCURRENCY").map_err(malformed)?,
            )
            .map_err(malformed)?,
        })
    }

    async fn issue(
        &self,
        credentials: &CredentialsRef,
        order: &ExternalOrderId,
        index: usize,
        item: &TicketItem,
    ) -> Result<IssuedTicket, ProviderError> {
        let answer = self
            .in_session(credentials, "issueTicket", Repeat::ByMethod, |session| {
                vec![
                    Node::Leaf("NSESSIONID", session.id.to_string()),
                    Node::Leaf("NPOSNO", session.pos_no.to_string()),
                    product(item.key(), item.valid_from),
                    Node::Group(
                        "CTCHIP",
                        vec![
                            Node::Leaf("SZCHIPID", item.keycard.chip_id.clone()),
                            Node::Leaf("SZSERIALNO", item.keycard.serial_number.clone()),
                            Node::Leaf("SZLUHNNO", item.keycard.luhn_number.clone()),
                        ],
                    ),
                    Node::Leaf("SZEXTORDERNO", order.to_string()),
                ]
            })
            .await?;
        Ok(IssuedTicket {
            item: index,
            project_no: positive(&answer, "NPROJECTNO")?,
            pos_no: positive(&answer, "NPOSNO")?,
            serial_no: positive(&answer, "NSERIALNO")?,
            journal_no: positive(&answer, "NJOURNALNO")?,
            cancelled: false,
        })
    }

    async fn cancel(
        &self,
        credentials: &CredentialsRef,
        ticket: &IssuedTicket,
    ) -> Result<(), ProviderError> {
        let answer = self
            .in_session(credentials, "cancelTicket", Repeat::ByMethod, |session| {
                vec![
                    Node::Leaf("NSESSIONID", session.id.to_string()),
                    Node::Leaf("NPROJECTNO", ticket.project_no.to_string()),
                    Node::Leaf("NPOSNO", ticket.pos_no.to_string()),
                    Node::Leaf("NSERIALNO", ticket.serial_no.to_string()),
                ]
            })
            .await?;
        positive(&answer, "NJOURNALNO").map(|_| ())
    }

    /// Whether Axess answers at all, without logging in: a status check opens no session and
    /// is not retried.
    async fn check(&self) -> Result<(), String> {
        if self.credentials.is_empty() {
            return Err("no Axess credentials are configured".into());
        }
        match self.outbound.client().get(&self.url).send().await {
            Ok(answer) if answer.status().is_server_error() => {
                Err(format!("Axess answered {}", answer.status()))
            }
            Ok(_) => Ok(()),
            Err(err) => Err(shared::http::cause_chain(&err)),
        }
    }
}
