//! Invoice PDFs in the invoice bucket (`invoices/<number>.pdf`), written once per number.

use crate::ports::{Invoices, StoreError};

/// The invoice bucket; cheap to clone.
#[derive(Clone, Debug)]
pub struct InvoiceBucket {
    client: aws_sdk_s3::Client,
    bucket: String,
}

fn key(number: &str) -> String {
    format!("invoices/{number}.pdf")
}

impl InvoiceBucket {
    pub fn new(client: aws_sdk_s3::Client, bucket: impl Into<String>) -> Self {
        Self {
            client,
            bucket: bucket.into(),
        }
    }
}

/// How long a mailed invoice link works.
const LINK_LIFETIME: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

impl Invoices for InvoiceBucket {
    async fn link(&self, number: &str) -> Result<String, StoreError> {
        let presigning = aws_sdk_s3::presigning::PresigningConfig::expires_in(LINK_LIFETIME)
            .map_err(StoreError::new)?;
        let request = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key(number))
            .presigned(presigning)
            .await
            .map_err(StoreError::new)?;
        Ok(request.uri().to_owned())
    }

    async fn put(&self, number: &str, pdf: Vec<u8>) -> Result<(), StoreError> {
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(key(number))
            .content_type("application/pdf")
            .body(pdf.into())
            .send()
            .await
            .map_err(StoreError::new)?;
        Ok(())
    }

    async fn get(&self, number: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let found = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key(number))
            .send()
            .await;
        let object = match found {
            Ok(object) => object,
            Err(err) if err.as_service_error().is_some_and(|e| e.is_no_such_key()) => {
                return Ok(None);
            }
            Err(err) => return Err(StoreError::new(err)),
        };
        let bytes = object.body.collect().await.map_err(StoreError::new)?;
        Ok(Some(bytes.into_bytes().to_vec()))
    }
}
