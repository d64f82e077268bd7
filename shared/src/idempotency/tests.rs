use super::*;
use crate::testing::dynamo;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};

struct Fixture {
    store: IdempotencyStore,
    now_ms: Arc<AtomicI64>,
}

impl Fixture {
    async fn new() -> Self {
        let (client, table) = dynamo::table_with_hash_key("id").await;
        let now_ms = Arc::new(AtomicI64::new(1_800_000_000_000));
        let clock_source = now_ms.clone();
        let clock: Clock = Arc::new(move || clock_source.load(Ordering::SeqCst));
        let config = IdempotencyConfig {
            in_progress_timeout: Duration::from_secs(30),
            retention: Duration::from_secs(3600),
        };
        Self {
            store: IdempotencyStore::with_clock(client, table, config, clock),
            now_ms,
        }
    }

    fn advance(&self, by: Duration) {
        self.now_ms
            .fetch_add(by.as_millis() as i64, Ordering::SeqCst);
    }

    async fn claim_new(&self, key: &str, payload: &impl serde::Serialize) -> Lease {
        match self.store.claim(key, payload).await.unwrap() {
            Claim::New(lease) => lease,
            other => panic!("expected a new claim, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_completed_key_answers_later_deliveries_with_the_stored_result() {
    let fx = Fixture::new().await;
    let lease = fx.claim_new("k", &"payload").await;
    fx.store
        .complete(&lease, &serde_json::json!({"booking": "b-1"}))
        .await
        .unwrap();
    let again = fx.store.claim("k", &"payload").await.unwrap();
    assert_eq!(
        again,
        Claim::Completed(serde_json::json!({"booking": "b-1"}))
    );
}

#[tokio::test]
async fn a_concurrent_duplicate_gets_a_retryable_in_progress_error() {
    let fx = Fixture::new().await;
    fx.claim_new("k", &1).await;
    let err = fx.store.claim("k", &1).await.unwrap_err();
    assert!(matches!(err, IdempotencyError::InProgress(_)));
    assert!(err.is_retryable());
}

#[tokio::test]
async fn the_same_key_with_a_different_payload_is_rejected_even_while_in_progress() {
    let fx = Fixture::new().await;
    let lease = fx.claim_new("k", &"first").await;
    let err = fx.store.claim("k", &"second").await.unwrap_err();
    assert!(matches!(err, IdempotencyError::PayloadMismatch(_)));
    fx.store.complete(&lease, &()).await.unwrap();
    let err = fx.store.claim("k", &"second").await.unwrap_err();
    assert!(matches!(err, IdempotencyError::PayloadMismatch(_)));
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn a_claim_whose_lease_ran_out_is_taken_over_by_a_delivery_that_learns_it_resumes() {
    let fx = Fixture::new().await;
    let first = fx.claim_new("k", &1).await;
    fx.advance(Duration::from_secs(31));
    let Claim::Resumed(second) = fx.store.claim("k", &1).await.unwrap() else {
        panic!("a takeover must say that it resumes");
    };
    assert_ne!(first, second);
    assert_eq!(second.key(), "k");
}

#[tokio::test]
async fn the_owner_whose_lease_was_taken_over_can_neither_complete_nor_release_it() {
    let fx = Fixture::new().await;
    let first = fx.claim_new("k", &1).await;
    fx.advance(Duration::from_secs(31));
    let Claim::Resumed(second) = fx.store.claim("k", &1).await.unwrap() else {
        panic!("expected a takeover");
    };
    let complete = fx.store.complete(&first, &"stale").await.unwrap_err();
    assert!(matches!(complete, IdempotencyError::LeaseLost(_)));
    let release = fx.store.release(&first).await.unwrap_err();
    assert!(matches!(release, IdempotencyError::LeaseLost(_)));
    assert!(matches!(
        fx.store.claim("k", &1).await,
        Err(IdempotencyError::InProgress(_))
    ));
    fx.store.complete(&second, &"fresh").await.unwrap();
    assert_eq!(
        fx.store.claim("k", &1).await.unwrap(),
        Claim::Completed("fresh".into())
    );
}

#[tokio::test]
async fn a_completed_claim_cannot_be_released_by_its_owner() {
    let fx = Fixture::new().await;
    let lease = fx.claim_new("k", &1).await;
    fx.store.complete(&lease, &"done").await.unwrap();
    assert!(matches!(
        fx.store.release(&lease).await,
        Err(IdempotencyError::LeaseLost(_))
    ));
    assert_eq!(
        fx.store.claim("k", &1).await.unwrap(),
        Claim::Completed("done".into())
    );
}

#[tokio::test]
async fn a_suspended_claim_is_resumed_by_the_next_delivery_at_once() {
    let fx = Fixture::new().await;
    let lease = fx.claim_new("k", &1).await;
    fx.store.suspend(&lease).await.unwrap();
    assert!(matches!(
        fx.store.claim("k", &1).await.unwrap(),
        Claim::Resumed(_)
    ));
}

#[tokio::test]
async fn a_released_key_is_claimed_anew_by_the_next_delivery() {
    let fx = Fixture::new().await;
    let lease = fx.claim_new("k", &1).await;
    fx.store.release(&lease).await.unwrap();
    fx.claim_new("k", &1).await;
}

#[tokio::test]
async fn an_expired_result_no_longer_counts_even_if_ttl_has_not_deleted_it() {
    let fx = Fixture::new().await;
    let lease = fx.claim_new("k", &1).await;
    fx.store.complete(&lease, &"old").await.unwrap();
    fx.advance(Duration::from_secs(3601));
    fx.claim_new("k", &1).await;
}

#[tokio::test]
async fn claims_can_live_in_a_table_keyed_by_another_attribute() {
    let (client, table) = dynamo::table_with_hash_key("pk").await;
    let store = IdempotencyStore::new(client, table, IdempotencyConfig::default()).keyed_by("pk");
    let Claim::New(lease) = store.claim("CLAIM#1", &1).await.unwrap() else {
        panic!("expected a new claim");
    };
    store.complete(&lease, &7).await.unwrap();
    assert_eq!(
        store.claim("CLAIM#1", &1).await.unwrap(),
        Claim::Completed(7.into())
    );
}

#[tokio::test]
async fn run_does_the_work_once_and_a_failure_releases_the_key() {
    let fx = Fixture::new().await;
    let calls = AtomicU32::new(0);
    let failing = fx
        .store
        .run("k", &"p", || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err::<u32, _>(std::io::Error::other("provider down"))
        })
        .await;
    assert!(matches!(failing, Err(RunError::Operation(_))));
    for _ in 0..2 {
        let result = fx
            .store
            .run("k", &"p", || async {
                calls.fetch_add(1, Ordering::SeqCst);
                Ok::<u32, std::io::Error>(42)
            })
            .await;
        assert_eq!(result.unwrap(), 42);
    }
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}
