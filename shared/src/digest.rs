//! SHA-256 fingerprints of secrets and payloads, as lowercase hex.

use aws_lc_rs::digest::{SHA256, digest};

/// The SHA-256 of `bytes` in lowercase hex (64 characters).
pub fn sha256_hex(bytes: &[u8]) -> String {
    digest(&SHA256, bytes)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_hash_of_a_known_text_matches_its_published_value() {
        assert_eq!(
            super::sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
