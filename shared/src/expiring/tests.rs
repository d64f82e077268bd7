use super::*;
use crate::table::KEY;
use crate::testing::dynamo;
use std::sync::atomic::{AtomicUsize, Ordering};

async fn table() -> Table {
    let (client, name) = dynamo::table_with_hash_key(KEY).await;
    Table::new(client, name)
}

fn policy() -> Policy {
    Policy {
        fresh_for: Duration::from_secs(600),
        lease: Duration::from_secs(5),
        retry_after: Duration::from_secs(30),
        wait: Duration::from_secs(3),
        keep_for: Duration::from_secs(86_400),
    }
}

async fn ok(value: u32) -> Result<u32, &'static str> {
    Ok(value)
}

async fn fails() -> Result<u32, &'static str> {
    Err("provider answered 503")
}

#[tokio::test]
async fn a_fresh_value_is_answered_without_fetching_again() {
    let table = table().await;
    let cache = Expiring::new(&table, policy());
    let first = cache.read_through("K", ok(1)).await.unwrap();
    assert!(matches!(first, Outcome::Fresh(Fetched { value: 1, .. })));
    let second = cache.read_through("K", ok(2)).await.unwrap();
    assert!(matches!(second, Outcome::Fresh(Fetched { value: 1, .. })));
}

#[tokio::test]
async fn an_expired_value_is_fetched_again_whatever_ttl_deletion_did() {
    let table = table().await;
    let expired = Entry {
        value: Some(1u32),
        fetched_at_ms: now_ms() - 700_000,
        fresh_until_ms: now_ms() - 100_000,
        lease_until_ms: 0,
        failed: false,
        expires_at: now_ms() / 1000 + 86_400,
    };
    table.put("K", &expired, Guard::Always).await.unwrap();
    let cache = Expiring::new(&table, policy());
    let answer = cache.read_through("K", ok(2)).await.unwrap();
    assert!(matches!(answer, Outcome::Fresh(Fetched { value: 2, .. })));
}

#[tokio::test]
async fn a_failed_fetch_answers_the_last_value_stale_and_waits_before_asking_again() {
    let table = table().await;
    let cache = Expiring::new(
        &table,
        Policy {
            fresh_for: Duration::ZERO,
            ..policy()
        },
    );
    cache.read_through("K", ok(1)).await.unwrap();
    let failed = cache.read_through("K", fails()).await.unwrap();
    assert!(matches!(
        failed,
        Outcome::Stale(Fetched { value: 1, .. }, Some(_))
    ));
    let asked = AtomicUsize::new(0);
    let within_retry_after = cache
        .read_through("K", async {
            asked.fetch_add(1, Ordering::SeqCst);
            ok(3).await
        })
        .await
        .unwrap();
    assert!(matches!(
        within_retry_after,
        Outcome::Stale(Fetched { value: 1, .. }, None)
    ));
    assert_eq!(asked.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_failed_fetch_with_nothing_stored_is_unavailable_at_once_for_later_callers() {
    let table = table().await;
    let cache = Expiring::new(&table, policy());
    let failed = cache.read_through("K", fails()).await.unwrap();
    assert!(matches!(failed, Outcome::Unavailable(Some(_))));
    let started = std::time::Instant::now();
    let next = cache.read_through("K", ok(1)).await.unwrap();
    assert!(matches!(next, Outcome::Unavailable(None)));
    assert!(
        started.elapsed() < policy().wait,
        "no wait for a fetch nobody makes"
    );
}

#[tokio::test]
async fn concurrent_misses_fetch_once_and_all_get_the_one_value() {
    let table = table().await;
    let cache = Expiring::new(&table, policy());
    let fetches = AtomicUsize::new(0);
    let readers = (0..6).map(|n| {
        let cache = &cache;
        let fetches = &fetches;
        async move {
            cache
                .read_through("K", async move {
                    fetches.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(300)).await;
                    Ok::<_, &str>(n)
                })
                .await
                .unwrap()
        }
    });
    let outcomes = futures_util::future::join_all(readers).await;
    assert_eq!(fetches.load(Ordering::SeqCst), 1);
    let values: Vec<u32> = outcomes
        .into_iter()
        .map(|outcome| match outcome {
            Outcome::Fresh(fetched) => fetched.value,
            other => panic!("every reader gets the one value, not {other:?}"),
        })
        .collect();
    assert!(
        values.windows(2).all(|pair| pair[0] == pair[1]),
        "{values:?}"
    );
}
