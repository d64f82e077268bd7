//! An invoice as a one-page PDF (A4, Helvetica, WinAnsi text) written with pdf-writer.

use crate::domain::{Invoice, Seller};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};

/// The most lines one page holds.
const MAX_LINES: usize = 40;

/// Text as WinAnsi bytes: Latin-1 characters as they are, anything else as `?`.
fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| {
            u8::try_from(u32::from(c))
                .ok()
                .filter(|b| *b >= 0x20)
                .unwrap_or(b'?')
        })
        .collect()
}

/// The invoice's text, line by line.
fn lines(invoice: &Invoice, seller: &Seller) -> Vec<String> {
    let mut lines = vec![
        seller.name.clone(),
        seller.address.clone(),
        format!("VAT ID {}", seller.vat_id),
        String::new(),
        format!("Invoice {}", invoice.number),
        format!("Date {}   Order {}", invoice.date, invoice.order_id),
        String::new(),
    ];
    for line in invoice.lines.iter().take(MAX_LINES - 12) {
        lines.push(format!("{}   {}", line.text, line.gross));
    }
    lines.push(String::new());
    lines.push(format!("Total {}", invoice.gross));
    lines.push(format!(
        "including {} % VAT {}",
        seller.vat_percent, invoice.vat
    ));
    lines
}

/// The invoice as PDF bytes.
pub fn render(invoice: &Invoice, seller: &Seller) -> Vec<u8> {
    let (catalog, tree, page_id, font, content_id) = (
        Ref::new(1),
        Ref::new(2),
        Ref::new(3),
        Ref::new(4),
        Ref::new(5),
    );
    let font_name = Name(b"F1");
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([page_id]).count(1);
    let mut page = pdf.page(page_id);
    page.media_box(Rect::new(0.0, 0.0, 595.0, 842.0));
    page.parent(tree);
    page.contents(content_id);
    page.resources().fonts().pair(font_name, font);
    page.finish();
    pdf.type1_font(font)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    let mut content = Content::new();
    content.begin_text();
    content.set_font(font_name, 11.0);
    content.next_line(56.0, 780.0);
    content.set_leading(16.0);
    for line in lines(invoice, seller) {
        content.show(Str(&latin1(&line)));
        content.next_line_using_leading();
    }
    content.end_text();
    let content = content.finish();
    pdf.stream(content_id, &content);
    pdf.finish()
}
