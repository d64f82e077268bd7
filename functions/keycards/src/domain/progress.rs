//! What a report from the supplier (its webhook, or our poll) changes on a keycard: forwards
//! only, once per status, with the mails each step sends.

use super::{Chip, Keycard, Status};

/// A card order as the supplier reports it, in our statuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplierCard {
    pub card_order_id: String,
    pub status: Status,
    /// The card's identifiers, present from `produced` on.
    pub chip: Option<Chip>,
}

/// The mails a step sends to the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    /// The supplier has the order.
    Ordered,
    /// The card is on its way, with its serial number.
    Shipped,
}

impl MailKind {
    /// The mail service's template.
    pub fn template(self) -> &'static str {
        match self {
            Self::Ordered => "keycard-ordered",
            Self::Shipped => "keycard-shipped",
        }
    }
}

/// A step forward: the keycard after it, and what it sends and announces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub keycard: Keycard,
    pub mails: Vec<MailKind>,
    /// The card exists now (the `keycard.produced` event).
    pub produced: bool,
}

impl Keycard {
    /// The step `card` makes at `now`; `None` when it moves nothing: a duplicate, a report
    /// older than what we know, one about another supplier order, or a produced card
    /// without its identifiers.
    pub fn progress(&self, card: &SupplierCard, now: &str) -> Option<Progress> {
        if self
            .card_order_id
            .as_ref()
            .is_some_and(|known| *known != card.card_order_id)
        {
            return None;
        }
        if !self.status.may_become(card.status) {
            return None;
        }
        let chip = card.chip.clone().or_else(|| self.chip.clone());
        if card.status.is_produced() && chip.is_none() {
            return None;
        }
        let mut mails = Vec::new();
        if self.status == Status::Ordering && card.status != Status::Failed {
            mails.push(MailKind::Ordered);
        }
        if card.status == Status::Shipped {
            mails.push(MailKind::Shipped);
        }
        let keycard = Keycard {
            status: card.status,
            card_order_id: Some(card.card_order_id.clone()),
            chip,
            updated_at: now.to_owned(),
            version: self.version + 1,
            ..self.clone()
        };
        Some(Progress {
            produced: card.status.is_produced() && !self.status.is_produced(),
            keycard,
            mails,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Address, Day, HolderName, KeycardId, Locale};

    fn keycard(status: Status) -> Keycard {
        Keycard {
            keycard_id: KeycardId::generate(),
            owner: "user-1".into(),
            status,
            holder_name: HolderName::parse("Anna").unwrap(),
            birth_date: Day::parse("birth_date", "1990-01-01").unwrap(),
            shipping_address: Address {
                name: None,
                street: "Main St 1".into(),
                postal_code: "6020".into(),
                city: "Innsbruck".into(),
                country: "AT".into(),
            },
            locale: Locale::En,
            card_order_id: None,
            chip: None,
            created_at: "2026-01-01T00:00:00.000Z".into(),
            updated_at: "2026-01-01T00:00:00.000Z".into(),
            version: 1,
        }
    }

    fn report(status: Status) -> SupplierCard {
        SupplierCard {
            card_order_id: "KC-1".into(),
            status,
            chip: status.is_produced().then(|| Chip {
                chip_id: "E004AA".into(),
                serial_number: "123456789012".into(),
                luhn_number: "79927398713".into(),
            }),
        }
    }

    #[test]
    fn the_supplier_receiving_the_order_sends_the_ordered_mail_once() {
        let step = keycard(Status::Ordering)
            .progress(&report(Status::Ordered), "now")
            .unwrap();
        assert_eq!(step.mails, vec![MailKind::Ordered]);
        assert_eq!(step.keycard.version, 2);
        assert_eq!(step.keycard.card_order_id.as_deref(), Some("KC-1"));
        assert_eq!(step.keycard.progress(&report(Status::Ordered), "now"), None);
    }

    #[test]
    fn a_card_shipped_before_we_heard_of_its_production_is_produced_and_shipped_at_once() {
        let step = keycard(Status::Ordered)
            .progress(&report(Status::Shipped), "now")
            .unwrap();
        assert!(step.produced);
        assert_eq!(step.mails, vec![MailKind::Shipped]);
        assert!(step.keycard.chip.is_some());
    }

    #[test]
    fn an_older_report_or_one_of_another_order_moves_nothing() {
        let mut produced = keycard(Status::Produced);
        produced.card_order_id = Some("KC-1".into());
        assert_eq!(
            produced.progress(&report(Status::InProduction), "now"),
            None
        );
        let other = SupplierCard {
            card_order_id: "KC-2".into(),
            ..report(Status::Shipped)
        };
        assert_eq!(produced.progress(&other, "now"), None);
    }
}
