//! S3 buckets on moto's server for tests and the local cloud.

use aws_sdk_s3::types::{BucketLocationConstraint, CreateBucketConfiguration};

/// Creates bucket `name` in the client's region unless it exists.
pub async fn ensure(client: &aws_sdk_s3::Client, name: &str) -> Result<(), aws_sdk_s3::Error> {
    if client.head_bucket().bucket(name).send().await.is_ok() {
        return Ok(());
    }
    let mut create = client.create_bucket().bucket(name);
    let region = client.config().region().map(|r| r.as_ref().to_owned());
    if let Some(region) = region.filter(|region| region != "us-east-1") {
        let location = CreateBucketConfiguration::builder()
            .location_constraint(BucketLocationConstraint::from(region.as_str()))
            .build();
        create = create.create_bucket_configuration(location);
    }
    create.send().await?;
    Ok(())
}

/// A fresh, uniquely named bucket on moto, and its client.
pub async fn fresh() -> (aws_sdk_s3::Client, String) {
    let client = crate::aws::s3(&crate::aws::load().await);
    let name = format!("test-{}", uuid::Uuid::new_v4().simple());
    ensure(&client, &name)
        .await
        .expect("creating the test bucket on moto");
    (client, name)
}
