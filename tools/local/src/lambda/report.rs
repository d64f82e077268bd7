//! The platform's lines about one invocation, as Lambda writes them: the error line of a
//! timeout, crash or out-of-memory kill, and `REPORT` with its `Status` and `Error Type`.

use super::InvokeError;
use std::time::Duration;

/// How an invocation ended, as the platform reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    /// A result or a function error: the instance stays warm.
    Success,
    Timeout(f64),
    /// The runtime exited (`Runtime.ExitError`) or could not be reached.
    ExitError,
    OutOfMemory,
}

impl Outcome {
    pub fn of<T>(result: &Result<T, InvokeError>) -> Self {
        match result {
            Ok(_) | Err(InvokeError::Function(_)) => Self::Success,
            Err(InvokeError::Timeout(seconds)) => Self::Timeout(*seconds),
            Err(InvokeError::OutOfMemory) => Self::OutOfMemory,
            Err(InvokeError::Crashed(_) | InvokeError::Throttled | InvokeError::Start(_)) => {
                Self::ExitError
            }
        }
    }

    /// Whether the instance may serve the next invocation.
    pub fn keeps_instance(self) -> bool {
        self == Self::Success
    }

    fn error_type(self) -> Option<&'static str> {
        match self {
            Self::Success | Self::Timeout(_) => None,
            Self::ExitError => Some("Runtime.ExitError"),
            Self::OutOfMemory => Some("Runtime.OutOfMemory"),
        }
    }

    /// The line Lambda writes before `END` for a failed invocation.
    pub fn error_line(self, request_id: &str, now: &str) -> Option<String> {
        match self {
            Self::Success => None,
            Self::Timeout(seconds) => Some(format!(
                "{now} {request_id} Task timed out after {seconds:.2} seconds"
            )),
            Self::ExitError | Self::OutOfMemory => None,
        }
    }

    /// The `REPORT` line.
    pub fn report(
        self,
        request_id: &str,
        duration: Duration,
        memory_mb: u32,
        max_used_mb: u64,
        init: Option<Duration>,
    ) -> String {
        let millis = duration.as_secs_f64() * 1000.0;
        // A killed process's peak is gone with it: it reached the limit.
        let used = if self == Self::OutOfMemory {
            u64::from(memory_mb)
        } else {
            max_used_mb.min(u64::from(memory_mb))
        };
        let mut line = format!(
            "REPORT RequestId: {request_id}\tDuration: {millis:.2} ms\tBilled Duration: {} ms\tMemory Size: {memory_mb} MB\tMax Memory Used: {} MB",
            millis.ceil() as u64,
            used,
        );
        if let Some(init) = init {
            line.push_str(&format!(
                "\tInit Duration: {:.2} ms",
                init.as_secs_f64() * 1000.0
            ));
        }
        match (self, self.error_type()) {
            (Self::Timeout(_), _) => line.push_str("\tStatus: timeout"),
            (_, Some(error_type)) => {
                line.push_str(&format!("\tStatus: error\tError Type: {error_type}"))
            }
            _ => {}
        }
        line
    }
}

/// The line Lambda writes when the runtime process exits during an invocation: the exit in
/// Go's words (`exit status 1`, `signal: aborted (core dumped)`), then the error type.
pub fn exit_line(request_id: &str, error: &InvokeError) -> Option<String> {
    let (exit, error_type) = match error {
        InvokeError::Crashed(exit) => (exit.as_str(), "Runtime.ExitError"),
        InvokeError::OutOfMemory => ("signal: killed", "Runtime.OutOfMemory"),
        _ => return None,
    };
    Some(format!(
        "RequestId: {request_id} Error: Runtime exited with error: {exit}\n{error_type}"
    ))
}

/// An exit status as Go's `os.ProcessState` prints it, which is what Lambda's logs show.
pub fn describe_exit(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    if let Some(code) = status.code() {
        return format!("exit status {code}");
    }
    let name = match status.signal() {
        Some(4) => "illegal instruction".to_owned(),
        Some(6) => "aborted".to_owned(),
        Some(7) => "bus error".to_owned(),
        Some(8) => "floating point exception".to_owned(),
        Some(9) => "killed".to_owned(),
        Some(11) => "segmentation fault".to_owned(),
        Some(15) => "terminated".to_owned(),
        Some(other) => format!("signal {other}"),
        None => "unknown".to_owned(),
    };
    let dumped = if status.core_dumped() {
        " (core dumped)"
    } else {
        ""
    };
    format!("signal: {name}{dumped}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timeout_is_reported_with_status_timeout_and_a_task_timed_out_line() {
        let outcome = Outcome::of::<()>(&Err(InvokeError::Timeout(2.0)));
        let report = outcome.report("r-1", Duration::from_secs(2), 128, 20, None);
        assert!(report.ends_with("\tStatus: timeout"), "{report}");
        assert_eq!(
            outcome
                .error_line("r-1", "2026-01-01T00:00:00.000Z")
                .as_deref(),
            Some("2026-01-01T00:00:00.000Z r-1 Task timed out after 2.00 seconds")
        );
    }

    #[test]
    fn an_out_of_memory_kill_reports_its_error_type_and_caps_memory_used_at_the_size() {
        let report = Outcome::OutOfMemory.report("r-1", Duration::from_millis(5), 128, 300, None);
        assert!(report.contains("Max Memory Used: 128 MB"), "{report}");
        assert!(
            report.ends_with("\tStatus: error\tError Type: Runtime.OutOfMemory"),
            "{report}"
        );
        assert_eq!(
            exit_line("r-1", &InvokeError::OutOfMemory).as_deref(),
            Some(
                "RequestId: r-1 Error: Runtime exited with error: signal: killed\nRuntime.OutOfMemory"
            )
        );
    }

    #[test]
    fn a_function_error_keeps_the_instance_and_reports_no_status() {
        let outcome = Outcome::of::<()>(&Err(InvokeError::Function("boom".into())));
        assert!(outcome.keeps_instance());
        let report = outcome.report("r-1", Duration::from_millis(5), 128, 20, None);
        assert!(!report.contains("Status:"), "{report}");
    }
}
