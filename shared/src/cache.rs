//! A small in-memory cache whose entries expire, kept for a container's life: for answers that
//! may be a little stale and are expensive to fetch for every caller.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Values by key, each for `ttl` after it was stored; at most `capacity` entries.
pub struct TtlCache<K, V> {
    ttl: Duration,
    capacity: usize,
    entries: Mutex<HashMap<K, (Instant, V)>>,
}

impl<K: Eq + Hash, V: Clone> TtlCache<K, V> {
    /// An empty cache; a zero `ttl` keeps nothing.
    pub fn new(ttl: Duration, capacity: usize) -> Self {
        Self {
            ttl,
            capacity,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The value stored under `key`, unless it expired.
    pub fn get(&self, key: &K) -> Option<V> {
        let entries = self.entries.lock().ok()?;
        let (stored, value) = entries.get(key)?;
        (stored.elapsed() < self.ttl).then(|| value.clone())
    }

    /// Stores `value` under `key`; expired entries go first when the cache is full, and all of
    /// them if it is still full.
    pub fn insert(&self, key: K, value: V) {
        if self.ttl.is_zero() {
            return;
        }
        let Ok(mut entries) = self.entries.lock() else {
            return;
        };
        if entries.len() >= self.capacity {
            entries.retain(|_, (stored, _)| stored.elapsed() < self.ttl);
        }
        if entries.len() >= self.capacity {
            entries.clear();
        }
        entries.insert(key, (Instant::now(), value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_value_is_answered_until_it_expires() {
        let cache = TtlCache::new(Duration::from_secs(60), 10);
        assert_eq!(cache.get(&"k"), None);
        cache.insert("k", 1);
        assert_eq!(cache.get(&"k"), Some(1));
        let expired = TtlCache::new(Duration::from_millis(1), 10);
        expired.insert("k", 1);
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(expired.get(&"k"), None);
    }

    #[test]
    fn a_zero_ttl_keeps_nothing_and_a_full_cache_makes_room() {
        let off = TtlCache::new(Duration::ZERO, 10);
        off.insert("k", 1);
        assert_eq!(off.get(&"k"), None);
        let small = TtlCache::new(Duration::from_secs(60), 2);
        for key in ["a", "b", "c"] {
            small.insert(key, 1);
        }
        assert_eq!(small.get(&"c"), Some(1));
        assert!(small.entries.lock().unwrap().len() <= 2);
    }
}
