//! The card supplier's REST API (`POST /v1/cards`, `GET /v1/cards/{id}`, Bearer key) and its
//! status events, read into [`SupplierCard`]s.

use crate::domain::{Chip, Keycard, Status, SupplierCard};
use crate::ports::{ProviderError, Supplier};
use http::StatusCode;
use serde::Deserialize;
use serde_json::json;
use shared::outbound::{Remote, Repeat};
use shared::provider::{KeyedApi, Secret, excerpt, exchange};

/// The largest answer read.
const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// The supplier's client, built once in `main`.
pub struct SupplierClient {
    supplier: Remote,
    api_key: Secret,
}

/// A card order on the wire: an answer, or a status event (which adds `occurredAt`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireCard {
    card_order_id: String,
    #[serde(default)]
    external_id: String,
    status: String,
    chip_id: Option<String>,
    serial_number: Option<String>,
    luhn_number: Option<String>,
}

impl WireCard {
    /// The card in our terms: its status mapped, its identifiers checked.
    fn card(self) -> Result<SupplierCard, ProviderError> {
        let status = match self.status.as_str() {
            "RECEIVED" => Status::Ordered,
            "IN_PRODUCTION" => Status::InProduction,
            "PRODUCED" => Status::Produced,
            "SHIPPED" => Status::Shipped,
            "FAILED" => Status::Failed,
            other => {
                return Err(ProviderError::Malformed(format!(
                    "unknown status {}",
                    excerpt(other.as_bytes())
                )));
            }
        };
        let chip = match (self.chip_id, self.serial_number, self.luhn_number) {
            (Some(chip_id), Some(serial_number), Some(luhn_number)) => {
                let chip = Chip {
                    chip_id,
                    serial_number,
                    luhn_number,
                };
                chip.validate()
                    .map_err(|err| ProviderError::Malformed(err.to_string()))?;
                Some(chip)
            }
            _ if status.is_produced() => {
                return Err(ProviderError::Malformed(
                    "a produced card without its identifiers".into(),
                ));
            }
            _ => None,
        };
        Ok(SupplierCard {
            card_order_id: self.card_order_id,
            status,
            chip,
        })
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    error: String,
    message: String,
}

fn answer(status: StatusCode, body: &[u8]) -> Result<SupplierCard, ProviderError> {
    if status.is_success() {
        let wire: WireCard = serde_json::from_slice(body)
            .map_err(|err| ProviderError::Malformed(err.to_string()))?;
        return wire.card();
    }
    if status == StatusCode::NOT_FOUND {
        return Err(ProviderError::NotFound);
    }
    match serde_json::from_slice::<ErrorBody>(body) {
        Ok(error) if status.is_client_error() => Err(ProviderError::Refused {
            code: error.error,
            message: error.message,
        }),
        _ => Err(ProviderError::Status {
            status: status.as_u16(),
            detail: excerpt(body),
        }),
    }
}

impl SupplierClient {
    pub fn new(config: KeyedApi) -> Result<Self, reqwest::Error> {
        Ok(Self {
            supplier: Remote::new(config.endpoint)?,
            api_key: config.api_key,
        })
    }

    async fn call(&self, request: reqwest::RequestBuilder) -> Result<SupplierCard, ProviderError> {
        let request = request.bearer_auth(self.api_key.expose());
        // Safe to repeat: the supplier keeps one order per externalId.
        let (status, body) = exchange(
            &self.supplier.outbound,
            request,
            Repeat::Idempotent,
            MAX_ANSWER_BYTES,
        )
        .await?;
        answer(status, &body)
    }
}

impl Supplier for SupplierClient {
    async fn order(&self, keycard: &Keycard) -> Result<SupplierCard, ProviderError> {
        let address = &keycard.shipping_address;
        let mut shipping = json!({
            "street": address.street, "postalCode": address.postal_code,
            "city": address.city, "country": address.country,
        });
        if let Some(name) = &address.name {
            shipping["name"] = json!(name);
        }
        let body = json!({
            "externalId": keycard.keycard_id,
            "customerName": keycard.holder_name,
            "shippingAddress": shipping,
        });
        let url = self.supplier.url("/v1/cards");
        self.call(self.supplier.outbound.client().post(url).json(&body))
            .await
    }

    async fn card(&self, card_order_id: &str) -> Result<SupplierCard, ProviderError> {
        let mut url = reqwest::Url::parse(&self.supplier.url("/v1/cards/"))
            .map_err(|err| ProviderError::Transport(err.to_string()))?;
        url.path_segments_mut()
            .map_err(|()| ProviderError::Transport("the base URL cannot take a path".into()))?
            .pop_if_empty()
            .push(card_order_id);
        self.call(self.supplier.outbound.client().get(url)).await
    }

    fn event(&self, body: &[u8]) -> Result<(String, SupplierCard), ProviderError> {
        let wire: WireCard = serde_json::from_slice(body)
            .map_err(|err| ProviderError::Malformed(err.to_string()))?;
        let external_id = wire.external_id.clone();
        Ok((external_id, wire.card()?))
    }

    async fn check(&self) -> Result<(), String> {
        match self.card("KC-STATUS-CHECK").await {
            Ok(_) | Err(ProviderError::NotFound) => Ok(()),
            Err(err) => Err(format!("the supplier {err}")),
        }
    }
}
