//! Users and refresh tokens in the auth table (string hash key `pk`):
//! `USER#<id>`, `EMAIL#<email>` (uniqueness), `REFRESH#<sha256>`, `FAMILY#<id>`, the
//! `ADMIN_BOOTSTRAP` marker, and `LOGIN#<account>` (attempts, in `attempts.rs`). Uniqueness and
//! rotation are conditional transactions.

use crate::domain::{Email, Family, FamilyId, RefreshRecord, RefreshStatus, User, UserId};
use crate::ports::{HealthCheck, RefreshStore, StoreError, UserStore, WriteError};
use aws_sdk_dynamodb::types::{AttributeValue, ConditionCheck, Put, TransactWriteItem, Update};
use serde::{Deserialize, Serialize};
use shared::table::{Guard, Item, Table, attribute};

const BOOTSTRAP_KEY: &str = "ADMIN_BOOTSTRAP";

/// The DynamoDB adapter; cheap to clone.
#[derive(Clone)]
pub struct DynamoStore {
    pub(super) table: Table,
}

fn s(value: impl Into<String>) -> AttributeValue {
    AttributeValue::S(value.into())
}

/// What `EMAIL#<email>` and the bootstrap marker hold: the user they belong to.
#[derive(Serialize, Deserialize)]
struct Link {
    user_id: String,
}

fn put_new(table: &str, item: Item) -> Result<TransactWriteItem, StoreError> {
    let put = Put::builder()
        .table_name(table)
        .set_item(Some(item))
        .condition_expression("attribute_not_exists(pk)")
        .build()
        .map_err(StoreError::new)?;
    Ok(TransactWriteItem::builder().put(put).build())
}

impl DynamoStore {
    pub fn new(table: Table) -> Self {
        Self { table }
    }

    fn link(&self, pk: &str, user: &User) -> Result<TransactWriteItem, StoreError> {
        let link = Link {
            user_id: user.id.as_str().to_owned(),
        };
        put_new(self.table.name(), Table::item(pk, &link)?)
    }

    fn user_items(&self, user: &User) -> Result<Vec<TransactWriteItem>, StoreError> {
        let record = Table::item(&format!("USER#{}", user.id), user)?;
        Ok(vec![
            put_new(self.table.name(), record)?,
            self.link(&format!("EMAIL#{}", user.email), user)?,
        ])
    }
}

impl UserStore for DynamoStore {
    async fn create_user(&self, user: &User) -> Result<(), WriteError> {
        if self.table.transact(self.user_items(user)?).await? {
            Ok(())
        } else {
            Err(WriteError::EmailTaken)
        }
    }

    async fn create_first_admin(&self, user: &User) -> Result<(), WriteError> {
        let mut items = vec![self.link(BOOTSTRAP_KEY, user)?];
        items.extend(self.user_items(user)?);
        if self.table.transact(items).await? {
            Ok(())
        } else if self.table.get::<Link>(BOOTSTRAP_KEY).await?.is_some() {
            Err(WriteError::AdminExists)
        } else {
            Err(WriteError::EmailTaken)
        }
    }

    async fn user_by_email(&self, email: &Email) -> Result<Option<User>, StoreError> {
        let link: Option<Link> = self.table.get(&format!("EMAIL#{email}")).await?;
        match link {
            Some(link) => self.user_by_id(&UserId::from_subject(&link.user_id)).await,
            None => Ok(None),
        }
    }

    async fn user_by_id(&self, id: &UserId) -> Result<Option<User>, StoreError> {
        self.table.get(&format!("USER#{id}")).await
    }
}

impl RefreshStore for DynamoStore {
    async fn start_family(&self, first: &RefreshRecord) -> Result<(), StoreError> {
        let family = Family::started_by(first);
        let table = self.table.name();
        let family_pk = format!("FAMILY#{}", first.family_id.as_str());
        let items = vec![
            put_new(table, Table::item(&family_pk, &family)?)?,
            put_new(
                table,
                Table::item(&format!("REFRESH#{}", first.token_hash), first)?,
            )?,
        ];
        if self.table.transact(items).await? {
            Ok(())
        } else {
            Err(StoreError::because(
                "a new refresh-token family collided with a stored one",
            ))
        }
    }

    async fn refresh_token(&self, hash: &str) -> Result<Option<RefreshRecord>, StoreError> {
        self.table.get(&format!("REFRESH#{hash}")).await
    }

    async fn family(&self, family: &FamilyId) -> Result<Option<Family>, StoreError> {
        self.table.get(&format!("FAMILY#{}", family.as_str())).await
    }

    async fn rotate(&self, old: &RefreshRecord, new: &RefreshRecord) -> Result<(), WriteError> {
        let status = |value: RefreshStatus| attribute(&value);
        let retire = Update::builder()
            .table_name(self.table.name())
            .key("pk", s(format!("REFRESH#{}", old.token_hash)))
            .update_expression("SET #status = :rotated")
            .condition_expression("#status = :active")
            .expression_attribute_names("#status", "status")
            .expression_attribute_values(":rotated", status(RefreshStatus::Rotated)?)
            .expression_attribute_values(":active", status(RefreshStatus::Active)?)
            .build()
            .map_err(StoreError::new)?;
        let family_live = ConditionCheck::builder()
            .table_name(self.table.name())
            .key("pk", s(format!("FAMILY#{}", old.family_id.as_str())))
            .condition_expression("revoked = :false")
            .expression_attribute_values(":false", AttributeValue::Bool(false))
            .build()
            .map_err(StoreError::new)?;
        let next = Table::item(&format!("REFRESH#{}", new.token_hash), new)?;
        let items = vec![
            TransactWriteItem::builder().update(retire).build(),
            TransactWriteItem::builder()
                .condition_check(family_live)
                .build(),
            put_new(self.table.name(), next)?,
        ];
        if self.table.transact(items).await? {
            Ok(())
        } else {
            Err(WriteError::Conflict)
        }
    }

    /// Revokes a family; one that does not exist (any more) stays so.
    async fn revoke_family(&self, family: &FamilyId) -> Result<(), StoreError> {
        let pk = format!("FAMILY#{}", family.as_str());
        let revoked = [("revoked", AttributeValue::Bool(true))];
        self.table
            .update(&pk, &revoked, Guard::Present)
            .await
            .map(|_| ())
    }
}

impl HealthCheck for DynamoStore {
    async fn check(&self) -> Result<(), String> {
        self.table.check().await
    }
}
