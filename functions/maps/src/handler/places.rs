//! Where an operator is, and the trip there: kept per operator, mode and rounded origin while
//! fresh, else searched by Google, else the last answer kept, marked stale.

use super::App;
use crate::domain::{Mode, Origin, Travel, TravelKey, TravelView, google_maps_link};
use crate::error::{MapsError, MapsFailure};
use crate::ports::{Routes, TravelStore};
use http::StatusCode;
use serde_json::json;
use shared::http::{Body, Request, Response, optional_query, path_param, query_param};

type Answer = Result<Response<Body>, MapsFailure>;

impl<S: TravelStore + Sync, P: Routes + Sync> App<S, P> {
    /// `GET /maps/{operator_id}`.
    pub(super) async fn place(&self, request: &Request) -> Answer {
        let operator = self
            .registry
            .active(&path_param(request, "operator_id")?)
            .await?;
        let body = json!({
            "operator_id": operator.id,
            "name": operator.name,
            "location": operator.location,
            "links": {"google_maps": google_maps_link(operator.location)},
        });
        Ok(shared::http::json(StatusCode::OK, &body))
    }

    /// `GET /maps/{operator_id}/travel?from=<lat>,<lng>&mode=driving|transit`.
    pub(super) async fn travel(&self, request: &Request) -> Answer {
        let operator_id = path_param(request, "operator_id")?;
        let from = Origin::parse(query_param(request, "from")?)?;
        let mode = Mode::parse(optional_query(request, "mode"))?;
        let operator = self.registry.active(&operator_id).await?;
        let key = TravelKey {
            operator_id: operator.id.clone(),
            destination: operator.location,
            mode,
            from,
        };
        let search = self.routes.travel(from.location(), operator.location, mode);
        let search = self.store.read_through(&key, &self.config.travel, search);
        let (found, stale) = search.await?.answer("Google", "travel_unavailable")?;
        let (distance_m, duration_s, duration_in_traffic_s) = match found.value {
            Travel::Route {
                distance_m,
                duration_s,
                duration_in_traffic_s,
            } => (distance_m, duration_s, duration_in_traffic_s),
            Travel::NoRoute { status } => return Err(MapsError::NoRoute(status).into()),
        };
        let view = TravelView {
            operator_id: &operator.id,
            from: from.location(),
            mode,
            distance_m,
            duration_s,
            duration_in_traffic_s,
            fetched_at: found.fetched_at,
            stale,
        };
        Ok(shared::http::json(StatusCode::OK, &view))
    }
}
