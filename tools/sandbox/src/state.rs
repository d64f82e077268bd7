//! What the sandbox keeps: every record a party chose to keep (mails, Slack posts, bookings,
//! keycard orders, payments), the faults to inject, and each party's own data.

use crate::faults::Fault;
use crate::outbound::Outbound;
use crate::settings::Settings;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

/// One thing a party received or did, as shown on the page and by `GET /_sandbox/records`.
#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub id: String,
    /// What it is: `mail`, `slack`, `dta.order`, `axess.ticket`, `payment`, `keycard`, ...
    pub kind: String,
    /// RFC 3339.
    pub at: String,
    pub data: serde_json::Value,
}

#[derive(Default)]
struct Inner {
    records: Vec<Record>,
    faults: Vec<Fault>,
    /// Free-form per-party state, keyed by party then by id (orders, sessions, cards).
    parties: HashMap<String, HashMap<String, serde_json::Value>>,
}

/// The sandbox's shared state; cheap to clone.
#[derive(Clone)]
pub struct Sandbox {
    inner: Arc<Mutex<Inner>>,
    settings: Arc<Settings>,
    outbound: Arc<Outbound>,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new(Settings::default())
    }
}

impl Sandbox {
    /// An empty sandbox with these settings.
    pub fn new(settings: Settings) -> Self {
        let outbound = Arc::new(Outbound::new(&settings));
        Self {
            inner: Arc::default(),
            settings: Arc::new(settings),
            outbound,
        }
    }

    /// What the parties accept and whom they call.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub(crate) fn outbound(&self) -> &Outbound {
        &self.outbound
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Keeps `data` as a record of `kind` and returns its id.
    pub fn record(&self, kind: &str, data: serde_json::Value) -> String {
        let id = uuid::Uuid::new_v4().to_string();
        let at = time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        self.lock().records.push(Record {
            id: id.clone(),
            kind: kind.to_owned(),
            at,
            data,
        });
        id
    }

    /// The records whose kind starts with `prefix` (all for ""), oldest first.
    pub fn records(&self, prefix: &str) -> Vec<Record> {
        self.lock()
            .records
            .iter()
            .filter(|r| r.kind.starts_with(prefix))
            .cloned()
            .collect()
    }

    /// Forgets every record, fault and party state.
    pub fn reset(&self) {
        *self.lock() = Inner::default();
    }

    /// Stores a party's object `id` (an order, a session, a card).
    pub fn put(&self, party: &str, id: &str, value: serde_json::Value) {
        self.lock()
            .parties
            .entry(party.to_owned())
            .or_default()
            .insert(id.to_owned(), value);
    }

    /// A party's object `id`.
    pub fn get(&self, party: &str, id: &str) -> Option<serde_json::Value> {
        self.lock()
            .parties
            .get(party)
            .and_then(|objects| objects.get(id))
            .cloned()
    }

    /// Runs `change` on a party's object `id` (`None` if absent) under the lock and keeps
    /// what it leaves there: a read-modify-write no other request can interleave with.
    pub fn update<R>(
        &self,
        party: &str,
        id: &str,
        change: impl FnOnce(&mut Option<serde_json::Value>) -> R,
    ) -> R {
        let mut inner = self.lock();
        let objects = inner.parties.entry(party.to_owned()).or_default();
        let mut object = objects.remove(id);
        let result = change(&mut object);
        if let Some(object) = object {
            objects.insert(id.to_owned(), object);
        }
        result
    }

    /// The faults currently set, in the order they are tried.
    pub fn faults(&self) -> Vec<Fault> {
        self.lock().faults.clone()
    }

    pub(crate) fn add_fault(&self, fault: Fault) {
        self.lock().faults.push(fault);
    }

    pub(crate) fn clear_faults(&self) {
        self.lock().faults.clear();
    }

    /// The first fault matching the request, used up by one if it has a count.
    pub(crate) fn take_fault(&self, method: &str, path: &str) -> Option<Fault> {
        let mut inner = self.lock();
        let index = inner
            .faults
            .iter()
            .position(|fault| fault.matches(method, path))?;
        let fault = inner.faults[index].clone();
        if let Some(times) = inner.faults[index].times.as_mut() {
            *times = times.saturating_sub(1);
            if *times == 0 {
                inner.faults.remove(index);
            }
        }
        Some(fault)
    }
}
