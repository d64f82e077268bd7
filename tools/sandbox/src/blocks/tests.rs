use super::*;
use serde_json::json;

#[test]
fn mrkdwn_formatting_links_and_mentions_become_html() {
    assert_eq!(
        mrkdwn(
            "*Service*\nauth · _late_ ~gone~ `a*b*c` <https://x.example/?a=1&amp;b=2|Log stream> <!here> <@U1>"
        ),
        "<strong>Service</strong><br>auth · <em>late</em> <s>gone</s> <code>a*b*c</code> \
         <a href=\"https://x.example/?a=1&amp;b=2\">Log stream</a> <span class=\"mention\">@here</span> <span class=\"mention\">@U1</span>"
    );
}

#[test]
fn escaped_control_sequences_and_markup_stay_text() {
    assert_eq!(
        mrkdwn("```&lt;!channel&gt; <script>x</script> &amp;```"),
        "<pre>&lt;!channel&gt; &lt;script&gt;x&lt;/script&gt; &amp;</pre>"
    );
    assert_eq!(
        mrkdwn("<javascript:alert(1)|click>"),
        "&lt;javascript:alert(1)|click&gt;"
    );
    assert_eq!(mrkdwn("a &lt;b&gt; \"c\""), "a &lt;b&gt; &quot;c&quot;");
}

#[test]
fn blocks_render_as_header_section_fields_and_context() {
    let html = render(&[
        json!({"type": "header", "text": {"type": "plain_text", "text": ":red_circle: ERROR · <auth>"}}),
        json!({"type": "section", "fields": [{"type": "mrkdwn", "text": "*Level*\nERROR"}]}),
        json!({"type": "context", "elements": [{"type": "mrkdwn", "text": "<!date^1795774542^{date_short_pretty}|2026-11-27 10:15>"}]}),
        json!({"type": "divider"}),
    ]);
    assert_eq!(
        html,
        "<div class=\"slack-header\">🔴 ERROR · &lt;auth&gt;</div>\
         <div class=\"slack-section\"><div class=\"slack-fields\"><div><strong>Level</strong><br>ERROR</div></div></div>\
         <div class=\"slack-context\"><time>2026-11-27 10:15:42 UTC</time></div><hr>"
    );
}
