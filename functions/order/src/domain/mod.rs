//! The order rules, free of AWS and HTTP: what a customer may order, how an order moves from
//! payment to completion or refund, and the invoice number of a year.

mod invoice;
mod order;
mod request;

pub use invoice::{Invoice, InvoiceLine, InvoiceNumber, Seller, invoiced};
pub use order::{Order, OrderId, OrderItem, OrderStatus, Ticket};
pub use request::{ItemRequest, OrderRequest, vienna_today};
pub use shared::values::{Day, Invalid, Money};
