//! The agency review: the checker over the whole national catalog, per ministry and field, as
//! figures, the procedures still asking for papers the State holds, and a CSV of every item.

use axum::Json;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::IntoResponse;
use motlan_core::api::{AskingProcedure, AuditOverview};
use motlan_core::checker::by_ministry;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::{Common, Failure, api_errors};
use crate::national_catalog::NationalEntry;

pub fn router() -> OpenApiRouter<AppState> {
    // The catalog is fixed for the server's lifetime.
    OpenApiRouter::new()
        .routes(routes!(overview))
        .routes(routes!(csv))
        .route_layer(super::cacheable(3_600))
}

api_errors! {
    /// A filter that cannot be applied.
    pub enum AuditError {
        FilterTooLong => (BAD_REQUEST, "filter_too_long",
            "Bộ lọc quá dài: bộ, ngành tối đa 100 ký tự, lĩnh vực tối đa 300 ký tự.",
            "The filter is too long: 100 characters at most for the ministry, 300 for the field."),
    }
}

/// `?ministry=&field=`: both optional, matched exactly (the values `GET /audit` lists).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    /// A ministry's slug, e.g. `bo-cong-an`.
    #[param(max_length = 100)]
    ministry: Option<String>,
    /// A field, as the catalog names it, e.g. `Hộ tịch`.
    #[param(max_length = 300)]
    field: Option<String>,
}

impl AuditFilter {
    fn check(&self) -> Result<(), Failure> {
        let long =
            |v: &Option<String>, max: usize| v.as_deref().is_some_and(|v| v.chars().count() > max);
        if long(&self.ministry, 100) || long(&self.field, 300) {
            return Err(AuditError::FilterTooLong.into());
        }
        Ok(())
    }

    fn keeps(&self, e: &NationalEntry) -> bool {
        given(&self.ministry).is_none_or(|m| e.record.ministry == m)
            && given(&self.field).is_none_or(|f| e.record.field.as_deref() == Some(f))
    }
}

/// A filter value, or `None` when absent or blank.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

#[utoipa::path(get, path = "/audit", tag = "catalog", operation_id = "audit_overview",
    summary = "The document-reuse review of the national catalog, per ministry",
    description = "Per ministry: procedures, documents, procedures still asking for papers the State holds or that were abolished, and how many such requests could go. Then those procedures, most first, with the papers and the legal basis; and every field, for the filter.",
    params(AuditFilter),
    responses((status = 200, body = AuditOverview), AuditError, Common))]
async fn overview(
    State(state): State<AppState>,
    Query(filter): Query<AuditFilter>,
) -> Result<Json<AuditOverview>, Failure> {
    filter.check()?;
    let catalog = &state.national_catalog;
    let kept: Vec<&NationalEntry> = catalog
        .entries()
        .iter()
        .filter(|e| filter.keeps(e))
        .collect();
    let ministries = by_ministry(
        kept.iter()
            .map(|e| (e.record.ministry.as_str(), &e.documents[..])),
    );
    let mut asking: Vec<AskingProcedure> = kept
        .iter()
        .filter(|e| e.avoidable > 0)
        .map(|e| AskingProcedure {
            code: e.code.clone(),
            name: e.record.name.clone(),
            ministry: e.record.ministry.clone(),
            field: e.record.field.clone(),
            avoidable: e
                .documents
                .iter()
                .filter(|d| d.class.not_to_request())
                .cloned()
                .collect(),
        })
        .collect();
    asking.sort_by(|a, b| {
        b.avoidable
            .len()
            .cmp(&a.avoidable.len())
            .then_with(|| a.code.as_str().cmp(b.code.as_str()))
    });
    Ok(Json(AuditOverview {
        ministries,
        asking,
        fields: catalog.fields().to_vec(),
        unreadable: catalog.problems.len(),
    }))
}

#[utoipa::path(get, path = "/audit.csv", tag = "catalog", operation_id = "audit_csv",
    summary = "Every document item of the filtered procedures, classified, as CSV",
    params(AuditFilter),
    responses((status = 200, content_type = "text/csv", body = String,
        description = "Columns: code, name, ministry, field, document, class, source, rule, basis"), AuditError, Common))]
async fn csv(
    State(state): State<AppState>,
    Query(filter): Query<AuditFilter>,
) -> Result<impl IntoResponse, Failure> {
    filter.check()?;
    let mut out = String::from("code,name,ministry,field,document,class,source,rule,basis\r\n");
    for e in state
        .national_catalog
        .entries()
        .iter()
        .filter(|e| filter.keeps(e))
    {
        for d in &e.documents {
            let source = d
                .source
                .and_then(|s| serde_json::to_value(s).ok())
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let row = [
                e.code.as_str(),
                &e.record.name,
                &e.record.ministry,
                e.record.field.as_deref().unwrap_or(""),
                &d.text,
                d.class.as_str(),
                &source,
                d.rule.as_deref().unwrap_or(""),
                d.basis.as_deref().unwrap_or(""),
            ];
            out += &row.map(cell).join(",");
            out += "\r\n";
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"ra-soat-giay-to.csv\"",
            ),
        ],
        // A byte-order mark so spreadsheet programs read Vietnamese as UTF-8.
        format!("\u{feff}{out}"),
    ))
}

/// One CSV cell (RFC 4180); a leading `=`, `+`, `-` or `@` is quoted with an apostrophe so a
/// spreadsheet never runs a record's text as a formula.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("- Giấy tờ"), "'- Giấy tờ");
    }
}
