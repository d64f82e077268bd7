//! The root certificates every outbound TLS connection trusts: Mozilla's list, compiled in.
//!
//! Both HTTP stacks of a function (the AWS SDK's and reqwest's) otherwise read and parse the
//! system's certificate files when they are built, each on its own, in every cold start. Here
//! nothing is read from disk and both trust the same roots.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The trusted roots, DER-encoded.
pub fn roots() -> impl Iterator<Item = &'static [u8]> {
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .map(|cert| cert.as_ref())
}

/// The trusted roots as one PEM document (the AWS SDK's trust store takes PEM).
pub fn roots_pem() -> String {
    let mut pem = String::new();
    for der in roots() {
        pem.push_str("-----BEGIN CERTIFICATE-----\n");
        let encoded = STANDARD.encode(der);
        for line in encoded.as_bytes().chunks(64) {
            pem.push_str(&String::from_utf8_lossy(line));
            pem.push('\n');
        }
        pem.push_str("-----END CERTIFICATE-----\n");
    }
    pem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_roots_include_amazons_and_the_pem_holds_each_of_them() {
        let pem = roots_pem();
        assert_eq!(pem.matches("BEGIN CERTIFICATE").count(), roots().count());
        assert!(roots().count() > 100);
        let amazon_root_ca_1 = "MIIDQTCCAimgAwIBAgITBmyfz5m/jAo54vB4ikPmljZbyjANBgkqhkiG9w0BAQsF";
        assert!(
            pem.contains(amazon_root_ca_1),
            "Amazon Root CA 1 is trusted"
        );
    }
}
