//! The supplier adapter against the local sandbox's keycard supplier: both sides of the wire
//! format agree, and the sandbox's signed events pass our verification.
#![allow(clippy::unwrap_used)]

use keycards::adapters::SupplierClient;
use keycards::domain::{Signature, Status};
use keycards::ports::Supplier;
use shared::outbound::Endpoint;
use shared::provider::KeyedApi;
use shared::testing::stubs::requests;

#[tokio::test]
async fn the_sandbox_takes_an_order_once_and_reports_it_produced_with_a_valid_chip() {
    let settings = sandbox::Settings {
        keycard_step: None,
        ..Default::default()
    };
    let base = sandbox::spawn(sandbox::Sandbox::new(settings))
        .await
        .unwrap();
    let supplier = SupplierClient::new(KeyedApi {
        endpoint: Endpoint::at(format!("{base}/keycards")),
        api_key: "sandbox-keycard-key".into(),
    })
    .unwrap();
    let keycard = keycard();
    let ordered = supplier.order(&keycard).await.unwrap();
    assert_eq!(ordered.status, Status::Ordered);
    let again = supplier.order(&keycard).await.unwrap();
    assert_eq!(
        again.card_order_id, ordered.card_order_id,
        "one order per keycard"
    );
    let advance = format!(
        "{base}/_sandbox/keycards/{}/advance?to=PRODUCED",
        ordered.card_order_id
    );
    let answer = reqwest::Client::new().post(advance).send().await.unwrap();
    assert_eq!(answer.status(), 200);
    let produced = supplier.card(&ordered.card_order_id).await.unwrap();
    assert_eq!(produced.status, Status::Produced);
    assert!(produced.chip.unwrap().chip_id.starts_with("E004"));
    assert!(supplier.check().await.is_ok());
}

#[tokio::test]
async fn the_sandboxs_signed_status_events_pass_our_verification() {
    let receiver = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .respond_with(wiremock::ResponseTemplate::new(204))
        .mount(&receiver)
        .await;
    let settings = sandbox::Settings {
        keycard_step: None,
        keycard_webhook_url: Some(format!("{}/keycards/webhook", receiver.uri())),
        ..Default::default()
    };
    let base = sandbox::spawn(sandbox::Sandbox::new(settings))
        .await
        .unwrap();
    let supplier = SupplierClient::new(KeyedApi {
        endpoint: Endpoint::at(format!("{base}/keycards")),
        api_key: "sandbox-keycard-key".into(),
    })
    .unwrap();
    let keycard = keycard();
    let ordered = supplier.order(&keycard).await.unwrap();
    let advance = format!("{base}/_sandbox/keycards/{}/advance", ordered.card_order_id);
    reqwest::Client::new().post(advance).send().await.unwrap();
    let events = requests(&receiver).await;
    assert!(!events.is_empty(), "the sandbox posted its events");
    let signature = Signature::new("sandbox-webhook-secret");
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    for event in events {
        let header = |name: &str| event.headers.get(name).and_then(|v| v.to_str().ok());
        assert_eq!(
            signature.verify(
                header("x-timestamp"),
                header("x-signature"),
                &event.body,
                now
            ),
            Ok(())
        );
        let (external_id, card) = supplier.event(&event.body).unwrap();
        assert_eq!(external_id, keycard.keycard_id.as_str());
        assert_eq!(card.card_order_id, ordered.card_order_id);
    }
}

fn keycard() -> keycards::domain::Keycard {
    use keycards::domain::*;
    Keycard {
        keycard_id: KeycardId::generate(),
        owner: "user-1".into(),
        status: Status::Ordering,
        holder_name: HolderName::parse("Anna Muster").unwrap(),
        birth_date: Day::parse("birth_date", "1990-02-28").unwrap(),
        shipping_address: Address {
            name: None,
            street: "Maria-Theresien-Straße 1".into(),
            postal_code: "6020".into(),
            city: "Innsbruck".into(),
            country: "AT".into(),
        },
        locale: Locale::De,
        card_order_id: None,
        chip: None,
        created_at: now(),
        updated_at: now(),
        version: 1,
    }
}
