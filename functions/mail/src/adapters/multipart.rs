//! A `multipart/form-data` body (RFC 7578) for a mail with attachments, written by hand: the
//! workspace's HTTP client is built without its multipart feature.

/// The content type and body of a form with text `fields` and `files` (field `attachment`).
pub fn form(fields: &[(&str, &str)], files: &[(String, Vec<u8>)]) -> (String, Vec<u8>) {
    let boundary = format!("starjack-{}", uuid_like());
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(value.as_bytes());
        body.extend_from_slice(b"\r\n");
    }
    for (filename, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"attachment\"; \
                 filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// 32 random hex digits: a boundary no text of ours contains by chance.
fn uuid_like() -> String {
    (0..4)
        .map(|_| format!("{:08x}", fastrand::u32(..)))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_and_files_are_parts_between_boundaries() {
        let (content_type, body) = super::form(
            &[("to", "anna@example.com")],
            &[("a.pdf".to_owned(), b"%PDF".to_vec())],
        );
        let boundary = content_type.split("boundary=").nth(1).unwrap();
        let text = String::from_utf8(body).unwrap();
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.contains("name=\"to\"\r\n\r\nanna@example.com\r\n"));
        assert!(text.contains(
            "filename=\"a.pdf\"\r\nContent-Type: application/octet-stream\r\n\r\n%PDF\r\n"
        ));
        assert!(text.ends_with(&format!("--{boundary}--\r\n")));
    }
}
