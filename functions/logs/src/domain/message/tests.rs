use super::*;
use crate::domain::batch::{Occurrence, Overview};
use crate::domain::line::LogLine;

fn origin() -> Origin {
    Origin {
        log_group: "/aws/lambda/starjack-auth-api".into(),
        log_stream: "2026/11/27/[$LATEST]abc".into(),
    }
}

fn alert(count: u64) -> Alert {
    Alert {
        burst_key: "auth|request.failed|0123".into(),
        channel: "#alerts-errors".into(),
        first: Occurrence {
            event_id: "e-1".into(),
            timestamp_ms: 1_795_774_542_000,
            service: "auth".into(),
            function: Some("starjack-auth-api".into()),
            line: LogLine {
                level: Level::Error,
                kind: "request.failed".into(),
                service: Some("auth".into()),
                function: Some("starjack-auth-api".into()),
                message: "internal error <b>".into(),
                request_id: Some("r-1".into()),
                correlation_id: Some("corr-1".into()),
                route: Some("POST /auth/login".into()),
                cause: Some("storage failed".into()),
                fields: Vec::new(),
            },
        },
        count,
    }
}

fn console() -> Console {
    Console::new("eu-central-1", vec!["/aws/lambda/starjack-auth-api".into()])
}

#[test]
fn an_alert_shows_service_function_level_message_ids_and_links() {
    let message = alert_message(&alert(1), &origin(), 0, &console());
    assert_eq!(message.channel, "#alerts-errors");
    assert_eq!(
        message.text,
        "ERROR request.failed in auth: internal error &lt;b&gt;"
    );
    let blocks = message.blocks.to_string();
    for expected in [
        "ERROR · auth · request.failed",
        "```internal error &lt;b&gt;```",
        "*Function*\\nstarjack-auth-api",
        "*Request id*\\nr-1",
        "*Correlation id*\\ncorr-1",
        "*Route*\\nPOST /auth/login",
        "*Cause*",
        "|Log stream>",
        "logs-insights",
        "|This request across all services (Logs Insights)>",
    ] {
        assert!(blocks.contains(expected), "{expected} missing in {blocks}");
    }
    assert!(!blocks.contains("Occurrences"));
}

#[test]
fn counts_of_this_batch_and_of_the_last_window_are_shown() {
    let message = alert_message(&alert(37), &origin(), 12, &console());
    let blocks = message.blocks.to_string();
    assert!(blocks.contains("×37 in this batch, +12 more since the last message about this"));
}

#[test]
fn a_very_long_message_is_cut_to_what_slack_accepts() {
    let mut long = alert(1);
    long.first.line.message = "x".repeat(10_000);
    let message = alert_message(&long, &origin(), 0, &console());
    let section = message.blocks[1]["text"]["text"].as_str().unwrap();
    assert!(section.chars().count() <= 3_000);
    assert!(section.contains('…'));
}

#[test]
fn the_overview_lists_each_alert_with_its_count() {
    let overview = Overview {
        channel: "#alerts".into(),
        alerts: vec![alert(3), alert(2)],
    };
    let message = overview_message(&overview, &origin(), &console());
    assert_eq!(message.channel, "#alerts");
    assert!(
        message
            .text
            .starts_with("2 more distinct alerts (5 events)")
    );
    let blocks = message.blocks.to_string();
    assert!(blocks.contains("`request.failed` ×3"));
}

#[test]
fn slack_control_sequences_from_a_line_are_escaped_everywhere_in_the_message() {
    let mut hostile = alert(1);
    let line = &mut hostile.first.line;
    line.message = "<!channel> <!here> <@U0123> <http://evil.example|click> & co".into();
    line.route = Some("<!everyone>".into());
    line.cause = Some("<@W42>".into());
    line.fields = vec![("error".into(), "<!subteam^S1>".into())];
    let posted = serde_json::to_string(&alert_message(&hostile, &origin(), 0, &console())).unwrap();
    for control in [
        "<!channel>",
        "<!here>",
        "<@U0123>",
        "<http://evil",
        "<!everyone>",
        "<@W42>",
        "<!subteam",
    ] {
        assert!(
            !posted.contains(control),
            "{control} reached Slack in {posted}"
        );
    }
    assert!(posted.contains("&lt;!channel&gt; &lt;!here&gt; &lt;@U0123&gt;"));
    assert!(posted.contains("&amp; co"));
    let overview = Overview {
        channel: "#alerts".into(),
        alerts: vec![hostile],
    };
    let listed =
        serde_json::to_string(&overview_message(&overview, &origin(), &console())).unwrap();
    assert!(!listed.contains("<!channel>"), "{listed}");
}

#[test]
fn a_line_without_a_message_shows_its_fields_instead_of_an_empty_block() {
    let mut warn = alert(1);
    let line = &mut warn.first.line;
    line.level = Level::Warn;
    line.kind = "status.check_failed".into();
    line.message = String::new();
    line.fields = vec![
        ("check".into(), "skidata".into()),
        ("error".into(), "HTTP 503 from provider".into()),
    ];
    let message = alert_message(&warn, &origin(), 0, &console());
    let blocks = message.blocks.to_string();
    assert!(!blocks.contains("``````"), "{blocks}");
    assert!(
        blocks.contains("*Details*\\n```check=skidata\\nerror=HTTP 503 from provider```"),
        "{blocks}"
    );
    assert_eq!(
        message.text,
        "WARN status.check_failed in auth: check=skidata error=HTTP 503 from provider"
    );
}
