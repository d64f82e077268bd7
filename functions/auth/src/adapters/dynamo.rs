//! Users and refresh tokens in the auth table (string hash key `pk`):
//! `USER#<id>`, `EMAIL#<email>` (uniqueness), `REFRESH#<sha256>`, `FAMILY#<id>`, and the
//! `ADMIN_BOOTSTRAP` marker. Uniqueness and rotation are conditional transactions.

use crate::domain::{Email, FamilyId, RefreshRecord, RefreshStatus, User, UserId};
use crate::ports::{HealthCheck, RefreshStore, StoreError, UserStore};
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::error::SdkError;
use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
use aws_sdk_dynamodb::types::{AttributeValue, Put, TransactWriteItem, Update};
use std::collections::HashMap;

type Item = HashMap<String, AttributeValue>;

const BOOTSTRAP_KEY: &str = "ADMIN_BOOTSTRAP";

/// The DynamoDB adapter; cheap to clone.
#[derive(Clone)]
pub struct DynamoStore {
    client: Client,
    table: String,
}

fn unavailable(err: impl std::error::Error + Send + Sync + 'static) -> StoreError {
    StoreError::Unavailable(Box::new(err))
}

fn s(value: impl Into<String>) -> AttributeValue {
    AttributeValue::S(value.into())
}

fn item_with_key(key: String, value: &impl serde::Serialize) -> Result<Item, StoreError> {
    let mut item: Item = serde_dynamo::to_item(value).map_err(unavailable)?;
    item.insert("pk".to_owned(), s(key));
    Ok(item)
}

fn put_new(table: &str, item: Item) -> Result<TransactWriteItem, StoreError> {
    let put = Put::builder()
        .table_name(table)
        .set_item(Some(item))
        .condition_expression("attribute_not_exists(pk)")
        .build()
        .map_err(unavailable)?;
    Ok(TransactWriteItem::builder().put(put).build())
}

fn is_cancelled(err: &SdkError<TransactWriteItemsError>) -> bool {
    err.as_service_error()
        .is_some_and(|e| e.is_transaction_canceled_exception())
}

impl DynamoStore {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }

    async fn get(&self, key: String) -> Result<Option<Item>, StoreError> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("pk", s(key))
            .consistent_read(true)
            .send()
            .await
            .map_err(unavailable)?;
        Ok(output.item)
    }

    fn user_items(&self, user: &User) -> Result<Vec<TransactWriteItem>, StoreError> {
        let email_item: Item = HashMap::from([
            ("pk".to_owned(), s(format!("EMAIL#{}", user.email))),
            ("user_id".to_owned(), s(user.id.as_str())),
        ]);
        Ok(vec![
            put_new(
                &self.table,
                item_with_key(format!("USER#{}", user.id), user)?,
            )?,
            put_new(&self.table, email_item)?,
        ])
    }

    async fn transact(
        &self,
        items: Vec<TransactWriteItem>,
    ) -> Result<(), SdkError<TransactWriteItemsError>> {
        self.client
            .transact_write_items()
            .set_transact_items(Some(items))
            .send()
            .await
            .map(|_| ())
    }
}

impl UserStore for DynamoStore {
    async fn create_user(&self, user: &User) -> Result<(), StoreError> {
        match self.transact(self.user_items(user)?).await {
            Ok(()) => Ok(()),
            Err(err) if is_cancelled(&err) => Err(StoreError::EmailTaken),
            Err(err) => Err(unavailable(err)),
        }
    }

    async fn create_first_admin(&self, user: &User) -> Result<(), StoreError> {
        let marker = HashMap::from([
            ("pk".to_owned(), s(BOOTSTRAP_KEY)),
            ("user_id".to_owned(), s(user.id.as_str())),
        ]);
        let mut items = vec![put_new(&self.table, marker)?];
        items.extend(self.user_items(user)?);
        match self.transact(items).await {
            Ok(()) => Ok(()),
            Err(err) if is_cancelled(&err) => {
                if self.get(BOOTSTRAP_KEY.to_owned()).await?.is_some() {
                    Err(StoreError::AdminExists)
                } else {
                    Err(StoreError::EmailTaken)
                }
            }
            Err(err) => Err(unavailable(err)),
        }
    }

    async fn user_by_email(&self, email: &Email) -> Result<Option<User>, StoreError> {
        let Some(link) = self.get(format!("EMAIL#{email}")).await? else {
            return Ok(None);
        };
        let Some(AttributeValue::S(user_id)) = link.get("user_id") else {
            return Err(unavailable(std::io::Error::other(format!(
                "e-mail link {email} has no user_id"
            ))));
        };
        self.user_by_id(&UserId::from_subject(user_id)).await
    }

    async fn user_by_id(&self, id: &UserId) -> Result<Option<User>, StoreError> {
        match self.get(format!("USER#{id}")).await? {
            Some(item) => serde_dynamo::from_item(item).map(Some).map_err(unavailable),
            None => Ok(None),
        }
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Family {
    user_id: String,
    revoked: bool,
    expires_at: i64,
}

impl RefreshStore for DynamoStore {
    async fn start_family(&self, first: &RefreshRecord) -> Result<(), StoreError> {
        let family = Family {
            user_id: first.user_id.clone(),
            revoked: false,
            expires_at: first.expires_at,
        };
        let items = vec![
            put_new(
                &self.table,
                item_with_key(format!("FAMILY#{}", first.family_id.as_str()), &family)?,
            )?,
            put_new(
                &self.table,
                item_with_key(format!("REFRESH#{}", first.token_hash), first)?,
            )?,
        ];
        self.transact(items).await.map_err(unavailable)
    }

    async fn refresh_token(&self, hash: &str) -> Result<Option<RefreshRecord>, StoreError> {
        match self.get(format!("REFRESH#{hash}")).await? {
            Some(item) => serde_dynamo::from_item(item).map(Some).map_err(unavailable),
            None => Ok(None),
        }
    }

    async fn family_revoked(&self, family: &FamilyId) -> Result<bool, StoreError> {
        match self.get(format!("FAMILY#{}", family.as_str())).await? {
            Some(item) => serde_dynamo::from_item::<_, Family>(item)
                .map(|f| f.revoked)
                .map_err(unavailable),
            None => Ok(true),
        }
    }

    async fn rotate(&self, old: &RefreshRecord, new: &RefreshRecord) -> Result<(), StoreError> {
        let status =
            |value: RefreshStatus| serde_dynamo::to_attribute_value(value).map_err(unavailable);
        let retire = Update::builder()
            .table_name(&self.table)
            .key("pk", s(format!("REFRESH#{}", old.token_hash)))
            .update_expression("SET #status = :rotated")
            .condition_expression("#status = :active")
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":rotated", status(RefreshStatus::Rotated)?)
            .expression_attribute_values(":active", status(RefreshStatus::Active)?)
            .build()
            .map_err(unavailable)?;
        let extend_family = Update::builder()
            .table_name(&self.table)
            .key("pk", s(format!("FAMILY#{}", old.family_id.as_str())))
            .update_expression("SET expires_at = :expires_at")
            .condition_expression("revoked = :false")
            .expression_attribute_values(
                ":expires_at",
                AttributeValue::N(new.expires_at.to_string()),
            )
            .expression_attribute_values(":false", AttributeValue::Bool(false))
            .build()
            .map_err(unavailable)?;
        let items = vec![
            TransactWriteItem::builder().update(retire).build(),
            TransactWriteItem::builder().update(extend_family).build(),
            put_new(
                &self.table,
                item_with_key(format!("REFRESH#{}", new.token_hash), new)?,
            )?,
        ];
        match self.transact(items).await {
            Ok(()) => Ok(()),
            Err(err) if is_cancelled(&err) => Err(StoreError::Conflict),
            Err(err) => Err(unavailable(err)),
        }
    }

    async fn revoke_family(&self, family: &FamilyId) -> Result<(), StoreError> {
        self.client
            .update_item()
            .table_name(&self.table)
            .key("pk", s(format!("FAMILY#{}", family.as_str())))
            .update_expression("SET revoked = :true")
            .condition_expression("attribute_exists(pk)")
            .expression_attribute_values(":true", AttributeValue::Bool(true))
            .send()
            .await
            .map(|_| ())
            .or_else(|err| {
                let missing = err
                    .as_service_error()
                    .is_some_and(|e| e.is_conditional_check_failed_exception());
                if missing {
                    Ok(())
                } else {
                    Err(unavailable(err))
                }
            })
    }
}

impl HealthCheck for DynamoStore {
    async fn check(&self) -> Result<(), String> {
        shared::status::dynamodb_table(&self.client, &self.table).await
    }
}
