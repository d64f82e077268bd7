//! Route throttling as API Gateway applies it: a token bucket per route, refilled at the
//! steady rate up to the burst.

use std::sync::Mutex;
use std::time::Instant;

/// `ThrottlingRateLimit` (requests per second) and `ThrottlingBurstLimit` of a route.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub rate: f64,
    pub burst: u32,
}

/// One route's bucket.
#[derive(Debug)]
pub struct Bucket {
    limits: Limits,
    state: Mutex<(f64, Instant)>,
}

impl Bucket {
    /// A full bucket.
    pub fn new(limits: Limits) -> Self {
        Self {
            limits,
            state: Mutex::new((f64::from(limits.burst), Instant::now())),
        }
    }

    /// Takes a token if one is left; false means the request is throttled.
    pub fn take(&self) -> bool {
        self.take_at(Instant::now())
    }

    fn take_at(&self, now: Instant) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let (tokens, last) = *state;
        let elapsed = now.saturating_duration_since(last).as_secs_f64();
        let tokens = (tokens + elapsed * self.limits.rate).min(f64::from(self.limits.burst));
        if tokens >= 1.0 {
            *state = (tokens - 1.0, now);
            true
        } else {
            *state = (tokens, now);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_burst_passes_at_once_and_then_tokens_come_back_at_the_rate() {
        let bucket = Bucket::new(Limits {
            rate: 2.0,
            burst: 3,
        });
        let start = Instant::now();
        assert!((0..3).all(|_| bucket.take_at(start)));
        assert!(!bucket.take_at(start));
        assert!(bucket.take_at(start + Duration::from_millis(500)));
        assert!(!bucket.take_at(start + Duration::from_millis(600)));
    }

    #[test]
    fn a_zero_burst_throttles_every_request() {
        let bucket = Bucket::new(Limits {
            rate: 100.0,
            burst: 0,
        });
        assert!(!bucket.take_at(Instant::now() + Duration::from_secs(1)));
    }
}
