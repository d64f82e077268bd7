//! A third party's answers kept in the service's DynamoDB table with an explicit expiry, and
//! refreshed by one caller at a time: the read-through cache of weather and travel times.
//!
//! An entry holds the last value, when it was fetched and until when it is fresh, compared
//! with the clock on every read (DynamoDB's TTL deletion, `expires_at`, only clears entries
//! nobody asked for in a long while). A caller who finds no fresh value claims a short lease on
//! the entry with a conditional write, and only the holder asks the third party; the others
//! answer the last value as stale, or, with none, wait for the holder's value. A failed fetch
//! keeps the lease for `retry_after`, so a failing third party is asked once per interval
//! rather than once per request.

use crate::config::{ConfigError, Env};
use crate::outbound::OutboundConfig;
use crate::table::{Guard, StoreError, Table, attribute};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::time::Duration;
use time::OffsetDateTime;

mod outcome;
pub use outcome::{Fetched, Outcome, Unavailable};

/// How long values stay fresh and how refreshing is shared out.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// How long a fetched value is answered as fresh.
    pub fresh_for: Duration,
    /// How long the refresher may take before another caller may try.
    pub lease: Duration,
    /// How long, after a failed fetch, the last value is answered before the next try.
    pub retry_after: Duration,
    /// How long a caller with nothing to answer waits for another caller's fetch.
    pub wait: Duration,
    /// How long an entry is kept for stale answers before TTL deletion may clear it.
    pub keep_for: Duration,
}

impl Policy {
    /// Values fresh for `<PREFIX>_FRESH_FOR_MS` (`fresh_ms` unless set), a failing provider
    /// asked again after `<PREFIX>_RETRY_AFTER_MS` (30 s), and a lease and wait long enough
    /// for a fetch through `fetch` (every attempt at its timeout).
    pub fn from_env(
        env: &Env,
        prefix: &str,
        fresh_ms: u64,
        keep_for: Duration,
        fetch: &OutboundConfig,
    ) -> Result<Self, ConfigError> {
        let fetching = fetch.timeout * fetch.max_attempts.max(1);
        Ok(Self {
            fresh_for: env.millis_or(&format!("{prefix}_FRESH_FOR_MS"), fresh_ms)?,
            lease: fetching + fetch.max_delay + Duration::from_secs(1),
            retry_after: env.millis_or(&format!("{prefix}_RETRY_AFTER_MS"), 30_000)?,
            wait: fetching + fetch.max_delay,
            keep_for,
        })
    }
}

/// An entry as stored: the last value, if any was fetched, and its times in Unix milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry<T> {
    pub value: Option<T>,
    pub fetched_at_ms: i64,
    pub fresh_until_ms: i64,
    /// Until when one caller holds the right to fetch.
    pub lease_until_ms: i64,
    /// Whether the lease is held because the last fetch failed (nobody is fetching).
    pub failed: bool,
    /// Unix seconds after which DynamoDB may delete the entry.
    pub expires_at: i64,
}

const LEASE: &str = "lease_until_ms";

fn now_ms() -> i64 {
    (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

fn millis(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX / 2)
}

impl<T> Entry<T> {
    fn fetched(&self) -> Option<Fetched<T>>
    where
        T: Clone,
    {
        let value = self.value.clone()?;
        let fetched_at =
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.fetched_at_ms) * 1_000_000)
                .unwrap_or(OffsetDateTime::UNIX_EPOCH);
        Some(Fetched { value, fetched_at })
    }
}

/// The cache entries under keys of one table.
pub struct Expiring<'a> {
    table: &'a Table,
    policy: Policy,
}

impl<'a> Expiring<'a> {
    pub fn new(table: &'a Table, policy: Policy) -> Self {
        Self { table, policy }
    }

    /// The value under `key`: fresh from the table, else fetched by `fetch` (not started
    /// otherwise) if this caller wins the lease, else the last value (stale) or, with none, another caller's fetch.
    pub async fn read_through<T, E>(
        &self,
        key: &str,
        fetch: impl Future<Output = Result<T, E>>,
    ) -> Result<Outcome<T, E>, StoreError>
    where
        T: Serialize + DeserializeOwned + Clone,
    {
        let give_up = tokio::time::Instant::now() + self.policy.wait;
        loop {
            let seen: Option<Entry<T>> = self.table.get(key).await?;
            let now = now_ms();
            if let Some(entry) = &seen
                && now < entry.fresh_until_ms
                && let Some(fetched) = entry.fetched()
            {
                return Ok(Outcome::Fresh(fetched));
            }
            let leased = seen.as_ref().is_some_and(|e| now < e.lease_until_ms);
            if !leased && self.claim(key, seen.as_ref(), now).await? {
                return self.fetch(key, seen, fetch).await;
            }
            let last = seen.as_ref().and_then(Entry::fetched);
            if let Some(last) = last {
                return Ok(Outcome::Stale(last, None));
            }
            let failed = seen.as_ref().is_some_and(|e| e.failed);
            if failed || tokio::time::Instant::now() >= give_up {
                return Ok(Outcome::Unavailable(None));
            }
            let pause = Duration::from_millis(50 + fastrand::u64(0..100));
            tokio::time::sleep_until(give_up.min(tokio::time::Instant::now() + pause)).await;
        }
    }

    /// Takes the lease on `key` if nobody took it since `seen` was read.
    async fn claim<T: Serialize>(
        &self,
        key: &str,
        seen: Option<&Entry<T>>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let until = now + millis(self.policy.lease);
        match seen {
            None => {
                let entry: Entry<T> = Entry {
                    value: None,
                    fetched_at_ms: 0,
                    fresh_until_ms: 0,
                    lease_until_ms: until,
                    failed: false,
                    expires_at: self.expires_at(now),
                };
                self.table.put(key, &entry, Guard::Absent).await
            }
            Some(entry) => {
                let fields = [(LEASE, attribute(&until)?), ("failed", attribute(&false)?)];
                let unchanged = Guard::equals(LEASE, &entry.lease_until_ms)?;
                self.table.update(key, &fields, unchanged).await
            }
        }
    }

    /// Fetches under the lease: stores a value, or keeps the lease for `retry_after` after a
    /// failure and answers the last value, if any.
    async fn fetch<T, E>(
        &self,
        key: &str,
        seen: Option<Entry<T>>,
        fetch: impl Future<Output = Result<T, E>>,
    ) -> Result<Outcome<T, E>, StoreError>
    where
        T: Serialize + DeserializeOwned + Clone,
    {
        match fetch.await {
            Ok(value) => {
                let now = now_ms();
                let entry = Entry {
                    value: Some(value),
                    fetched_at_ms: now,
                    fresh_until_ms: now + millis(self.policy.fresh_for),
                    lease_until_ms: 0,
                    failed: false,
                    expires_at: self.expires_at(now),
                };
                self.table.put(key, &entry, Guard::Always).await?;
                let fetched = entry.fetched().ok_or_else(|| {
                    StoreError::because("a fetched entry lost its value while being stored")
                })?;
                Ok(Outcome::Fresh(fetched))
            }
            Err(err) => {
                let until = now_ms() + millis(self.policy.retry_after);
                let fields = [(LEASE, attribute(&until)?), ("failed", attribute(&true)?)];
                self.table.update(key, &fields, Guard::Present).await?;
                Ok(match seen.as_ref().and_then(Entry::fetched) {
                    Some(last) => Outcome::Stale(last, Some(err)),
                    None => Outcome::Unavailable(Some(err)),
                })
            }
        }
    }

    fn expires_at(&self, now_ms: i64) -> i64 {
        (now_ms + millis(self.policy.keep_for)) / 1000
    }
}

/// What a cache entry stands for, as its key in the table.
pub trait EntryKey {
    fn entry_key(&self) -> String;
}

/// Entries of `T` under keys `K`: the port a service's read-through cache is.
pub trait EntryStore<K, T> {
    /// [`Expiring::read_through`] under `key`'s entry.
    fn read_through<E: Send>(
        &self,
        key: &K,
        policy: &Policy,
        fetch: impl Future<Output = Result<T, E>> + Send,
    ) -> impl Future<Output = Result<Outcome<T, E>, StoreError>> + Send;
    /// The status check of the store.
    fn check(&self) -> impl Future<Output = Result<(), String>> + Send;
}

impl<K, T> EntryStore<K, T> for Table
where
    K: EntryKey + Sync,
    T: Serialize + DeserializeOwned + Clone + Send + Sync,
{
    async fn read_through<E: Send>(
        &self,
        key: &K,
        policy: &Policy,
        fetch: impl Future<Output = Result<T, E>> + Send,
    ) -> Result<Outcome<T, E>, StoreError> {
        let entry_key = key.entry_key();
        Expiring::new(self, *policy)
            .read_through(&entry_key, fetch)
            .await
    }

    async fn check(&self) -> Result<(), String> {
        Table::check(self).await
    }
}

#[cfg(test)]
mod tests;
