use super::store::Clock;
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
}

#[tokio::test]
async fn a_completed_key_answers_later_deliveries_with_the_stored_result() {
    let fx = Fixture::new().await;
    assert_eq!(fx.store.claim("k", &"payload").await.unwrap(), Claim::New);
    fx.store
        .complete("k", &serde_json::json!({"booking": "b-1"}))
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
    fx.store.claim("k", &1).await.unwrap();
    let err = fx.store.claim("k", &1).await.unwrap_err();
    assert!(matches!(err, IdempotencyError::InProgress(_)));
    assert!(err.is_retryable());
}

#[tokio::test]
async fn the_same_key_with_a_different_payload_is_rejected() {
    let fx = Fixture::new().await;
    fx.store.claim("k", &"first").await.unwrap();
    fx.store.complete("k", &()).await.unwrap();
    let err = fx.store.claim("k", &"second").await.unwrap_err();
    assert!(matches!(err, IdempotencyError::PayloadMismatch(_)));
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn a_claim_whose_owner_died_can_be_taken_over_after_its_timeout() {
    let fx = Fixture::new().await;
    fx.store.claim("k", &1).await.unwrap();
    fx.advance(Duration::from_secs(31));
    assert_eq!(fx.store.claim("k", &1).await.unwrap(), Claim::New);
}

#[tokio::test]
async fn an_expired_result_no_longer_counts_even_if_ttl_has_not_deleted_it() {
    let fx = Fixture::new().await;
    fx.store.claim("k", &1).await.unwrap();
    fx.store.complete("k", &"old").await.unwrap();
    fx.advance(Duration::from_secs(3601));
    assert_eq!(fx.store.claim("k", &1).await.unwrap(), Claim::New);
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
