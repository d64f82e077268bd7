//! The SDK operations a function's binary can call, derived from its sources: its main, the
//! builders and adapters of its crate it names, and the `shared` modules those name; and the
//! IAM actions each needs.

use super::common;
use std::collections::BTreeSet;
use std::path::Path;

/// SDK fluent operations (called without arguments) and the IAM actions they need.
const OPERATIONS: &[(&str, &[&str])] = &[
    (".get_item()", &["dynamodb:GetItem"]),
    (".put_item()", &["dynamodb:PutItem"]),
    (".update_item()", &["dynamodb:UpdateItem"]),
    (".delete_item()", &["dynamodb:DeleteItem"]),
    (".query()", &["dynamodb:Query"]),
    (".scan()", &["dynamodb:Scan"]),
    (".batch_get_item()", &["dynamodb:BatchGetItem"]),
    (".batch_write_item()", &["dynamodb:BatchWriteItem"]),
    (".transact_get_items()", &["dynamodb:GetItem"]),
    (".describe_table()", &["dynamodb:DescribeTable"]),
    (".put_object()", &["s3:PutObject"]),
    (".get_object()", &["s3:GetObject"]),
    (".send_message()", &["sqs:SendMessage"]),
    (".send_message_batch()", &["sqs:SendMessage"]),
    (".receive_message()", &["sqs:ReceiveMessage"]),
    (".delete_message()", &["sqs:DeleteMessage"]),
    (".delete_message_batch()", &["sqs:DeleteMessage"]),
    (".get_queue_attributes()", &["sqs:GetQueueAttributes"]),
    (".put_log_events()", &["logs:PutLogEvents"]),
    (".create_log_stream()", &["logs:CreateLogStream"]),
    (".describe_log_groups()", &["logs:DescribeLogGroups"]),
    (".filter_log_events()", &["logs:FilterLogEvents"]),
    (".start_query()", &["logs:StartQuery"]),
    (".get_query_results()", &["logs:GetQueryResults"]),
    (
        ".batch_get_secret_value()",
        &[
            "secretsmanager:BatchGetSecretValue",
            "secretsmanager:GetSecretValue",
        ],
    ),
];

/// Calls of `shared::table::Table` (on the table itself, inside `impl ... for Table`, or on a
/// `table` field) and the IAM actions they need. The table module's own file is not read: it
/// holds every operation, and a function needs only those it calls.
const TABLE_METHODS: &[(&str, &[&str])] = &[
    ("get(", &["dynamodb:GetItem"]),
    ("get::<", &["dynamodb:GetItem"]),
    ("get_item(", &["dynamodb:GetItem"]),
    ("put(", &["dynamodb:PutItem"]),
    ("create(", &["dynamodb:PutItem", "dynamodb:GetItem"]),
    ("update(", &["dynamodb:UpdateItem"]),
    ("delete(", &["dynamodb:DeleteItem"]),
    ("scan_prefix(", &["dynamodb:Scan"]),
    ("check(", &["dynamodb:DescribeTable"]),
];

/// How a crate's files call a table: `self.` inside `impl ... for Table`, `self.table.`, or
/// `Table::` naming the method.
const TABLE_CALLERS: &[&str] = &["self.", "self.table.", "Table::"];

/// The items of a `TransactWriteItems` call: each needs its own action (there is no
/// `dynamodb:TransactWriteItems` action).
const TRANSACT_ITEMS: &[(&str, &str)] = &[
    ("Put::builder()", "dynamodb:PutItem"),
    ("Update::builder()", "dynamodb:UpdateItem"),
    ("Delete::builder()", "dynamodb:DeleteItem"),
    ("ConditionCheck::builder()", "dynamodb:ConditionCheckItem"),
];

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The files a binary's calls come from: its own, the adapters it names, the shared modules.
pub fn sources(crate_dir: &Path, binary: &str) -> Vec<String> {
    let main = read(&crate_dir.join(format!("src/bin/{binary}.rs")));
    assert!(!main.is_empty(), "{binary} has src/bin/{binary}.rs");
    // What builds the function's App: its main, and the builders in the crate's `adapters` it
    // calls (`adapters::deployed` in `deployed.rs`, or one in a file of its own that builds on
    // `deployed`).
    let mut wiring = main.clone();
    for builder in main.split("adapters::").skip(1) {
        let name = builder.split('(').next().unwrap_or_default();
        let text = read(&crate_dir.join(format!("src/adapters/{name}.rs")));
        if name != "deployed" && text.contains("deployed(") {
            wiring.push_str(&read(&crate_dir.join("src/adapters/deployed.rs")));
        }
        wiring.push_str(&text);
    }
    let mut files = vec![wiring.clone()];
    for entry in std::fs::read_dir(crate_dir.join("src/adapters"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let text = read(&entry.path());
        let named = text.lines().filter_map(|l| {
            l.trim().strip_prefix("pub struct ").map(|rest| {
                rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
        });
        let table_store = text.contains(" for Table {") && wiring.contains("Table::");
        if table_store
            || named
                .into_iter()
                .any(|name| !name.is_empty() && wiring.contains(&name))
        {
            files.push(text);
        }
    }
    let shared_dir = common::workspace().join("shared/src");
    let claims = files.iter().any(|text| text.contains(".claims("));
    let mut modules: BTreeSet<String> = files
        .iter()
        .flat_map(|text| {
            text.split("shared::").skip(1).map(|rest| {
                rest.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
        })
        .collect();
    if claims {
        modules.insert("idempotency".to_owned());
    }
    modules.remove("table");
    for module in modules {
        files.push(read(&shared_dir.join(format!("{module}.rs"))));
        for entry in std::fs::read_dir(shared_dir.join(&module))
            .into_iter()
            .flatten()
            .flatten()
        {
            if entry.file_name() != "tests.rs" {
                files.push(read(&entry.path()));
            }
        }
    }
    files
}

pub fn needed(files: &[String]) -> BTreeSet<&'static str> {
    let mut actions = BTreeSet::new();
    for text in files.iter().filter(|text| text.contains("Table")) {
        for (method, needs) in TABLE_METHODS {
            if TABLE_CALLERS
                .iter()
                .any(|caller| text.contains(&format!("{caller}{method}")))
            {
                actions.extend(needs.iter().copied());
            }
        }
    }
    for text in files {
        for (call, needs) in OPERATIONS {
            if text.contains(call) {
                actions.extend(needs.iter().copied());
            }
        }
        let transacts = text.contains(".transact_write_items()")
            || TABLE_CALLERS
                .iter()
                .any(|caller| text.contains(&format!("{caller}transact(")));
        if transacts {
            for (builder, action) in TRANSACT_ITEMS {
                if text.contains(builder) {
                    actions.insert(*action);
                }
            }
        }
    }
    actions
}
