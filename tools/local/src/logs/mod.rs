//! Function output into CloudWatch Logs, and subscriptions that deliver matching events to
//! their function in the real subscription payload.

mod filter;
mod sink;
mod subscription;

pub use filter::FilterPattern;
pub use sink::Sink;
pub use subscription::{Subscription, payload};
