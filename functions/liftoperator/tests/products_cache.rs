//! Anonymous product reads are answered from the container's cache per operator and day, so
//! they do not each reach the adapter (and its provider).

mod common;

use common::{Facade, dta_products};
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

async fn dta_product_reads(facade: &Facade) -> usize {
    facade
        .adapter_requests()
        .await
        .iter()
        .filter(|r| r.url.path() == "/dta/products")
        .count()
}

#[tokio::test]
async fn repeated_product_reads_of_one_operator_and_day_reach_the_adapter_once() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .respond_with(ResponseTemplate::new(200).set_body_json(dta_products()))
        .mount(&facade.api)
        .await;
    let first = facade.call("products", "hochalm", None, None).await;
    first.assert_status(200);
    for _ in 0..3 {
        let again = facade.call("products", "hochalm", None, None).await;
        assert_eq!(again.body, first.body);
    }
    assert_eq!(dta_product_reads(&facade).await, 1);
}

#[tokio::test]
async fn a_failed_product_read_is_not_kept() {
    let facade = Facade::start().await;
    facade.with_demo_operators().await;
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&facade.api)
        .await;
    Mock::given(method("GET"))
        .and(path("/dta/products"))
        .respond_with(ResponseTemplate::new(200).set_body_json(dta_products()))
        .mount(&facade.api)
        .await;
    assert_ne!(
        facade.call("products", "hochalm", None, None).await.status,
        200
    );
    facade
        .call("products", "hochalm", None, None)
        .await
        .assert_status(200);
    assert_eq!(dta_product_reads(&facade).await, 2);
}
