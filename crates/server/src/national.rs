//! National data sources behind one trait: the population database, the civil-status
//! e-database, health facilities' e-notices, VNeID papers and the data warehouse. The sandbox
//! serves the invented demo citizens; a real connector implements the same trait.

use std::future::Future;
use std::pin::Pin;

use motlan_core::citizen::CitizenData;

pub type Lookup<'a> =
    Pin<Box<dyn Future<Output = anyhow::Result<Option<CitizenData>>> + Send + 'a>>;

pub trait NationalData: Send + Sync {
    /// Everything the national systems hold about the citizen with this personal ID number,
    /// stamped with the time it was retrieved (`retrieved_at`, RFC 3339).
    fn citizen<'a>(&'a self, personal_id: &'a str, retrieved_at: &'a str) -> Lookup<'a>;
}

/// The SANDBOX: invented citizens from `motlan_core::sandbox`, parsed once.
pub struct Sandbox {
    citizens: Vec<motlan_core::sandbox::DemoCitizen>,
}

impl Sandbox {
    pub fn new() -> Self {
        Self {
            citizens: motlan_core::sandbox::citizens(),
        }
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl NationalData for Sandbox {
    fn citizen<'a>(&'a self, personal_id: &'a str, retrieved_at: &'a str) -> Lookup<'a> {
        Box::pin(async move {
            Ok(self
                .citizens
                .iter()
                .find(|c| c.data.population.personal_id.as_str() == personal_id)
                .map(|c| CitizenData {
                    retrieved_at: retrieved_at.to_owned(),
                    ..c.data.clone()
                }))
        })
    }
}

use std::collections::BTreeMap;

use motlan_core::Answers;
use motlan_core::kinds::DataSource;
use motlan_core::prefill::{Prefilled, prefill_all};
use motlan_core::procedure::Procedure;
use motlan_core::reuse::{DocumentStatus, Resolution, resolve};

use crate::AppState;
use crate::consent::{self, Purpose};
use crate::storage::DataUse;

/// What national data gives one procedure for one citizen, with the purposes still missing and
/// the data-use entries to record for what was read.
pub struct Reading {
    pub answers: Answers,
    pub prefilled: Vec<Prefilled>,
    pub documents: Vec<DocumentStatus>,
    pub missing_consents: Vec<Purpose>,
    pub uses: Vec<DataUse>,
}

/// The purposes in force for `owner`, and those still missing.
async fn purposes(state: &AppState, owner: &str) -> anyhow::Result<(Vec<Purpose>, Vec<Purpose>)> {
    let consents = state.storage.consents(owner).await?;
    let purposes: Vec<Purpose> = consents
        .iter()
        .filter(|c| c.text_version == consent::TEXT_VERSION)
        .filter_map(|c| Purpose::parse(&c.purpose))
        .collect();
    let missing = Purpose::ALL
        .into_iter()
        .filter(|p| !purposes.contains(p))
        .collect();
    Ok((purposes, missing))
}

/// The citizen's national data within the consents in force (results this system issued are in
/// the data warehouse too), or `None` without the identity consent.
async fn consented_data(
    state: &AppState,
    owner: &str,
    purposes: &[Purpose],
    now: &str,
) -> anyhow::Result<Option<CitizenData>> {
    if !purposes.contains(&Purpose::Identity) {
        return Ok(None);
    }
    let mut data = state.national.citizen(owner, now).await?;
    if let Some(data) = &mut data {
        data.warehouse
            .extend(state.storage.results_of(owner).await?);
    }
    Ok(data.and_then(|d| consent::allowed(d, purposes)))
}

/// Everything the consents allow, with one data-use entry per source read.
pub async fn read_all(
    state: &AppState,
    owner: &str,
) -> anyhow::Result<(Option<CitizenData>, Vec<DataUse>)> {
    let (purposes, _) = purposes(state, owner).await?;
    let now = crate::clock::now_vietnam_rfc3339()?;
    let Some(data) = consented_data(state, owner, &purposes, &now).await? else {
        return Ok((None, Vec::new()));
    };
    let mut read: BTreeMap<DataSource, Vec<String>> = BTreeMap::new();
    for holding in data.holdings() {
        let kind = serde_json::to_value(holding.kind)?
            .as_str()
            .unwrap_or_default()
            .to_owned();
        read.entry(holding.source).or_default().push(kind);
    }
    let uses = entries(read, &now, "")?;
    Ok((Some(data), uses))
}

fn entries(
    read: BTreeMap<DataSource, Vec<String>>,
    now: &str,
    procedure_code: &str,
) -> anyhow::Result<Vec<DataUse>> {
    let mut entries = Vec::new();
    for (source, mut fields) in read {
        fields.sort();
        fields.dedup();
        entries.push(DataUse {
            id: crate::identity::random_token()?,
            at: now.to_owned(),
            purpose: Purpose::of(source).as_str().to_owned(),
            source: serde_json::to_value(source)?
                .as_str()
                .unwrap_or_default()
                .to_owned(),
            fields,
            procedure_code: procedure_code.to_owned(),
            dossier_code: None,
            helper: None,
        });
    }
    Ok(entries)
}

/// Reads national data for `procedure` within the citizen's consents, pre-fills the answers and
/// resolves the documents. The caller records `uses` in the data-use receipt (with the dossier
/// code, once there is one).
pub async fn read_for(
    state: &AppState,
    owner: &str,
    procedure: &Procedure,
    answers: &Answers,
) -> anyhow::Result<Reading> {
    let (purposes, missing_consents) = purposes(state, owner).await?;
    let now = crate::clock::now_vietnam_rfc3339()?;
    let Some(data) = consented_data(state, owner, &purposes, &now).await? else {
        return Ok(Reading {
            answers: answers.clone(),
            prefilled: Vec::new(),
            documents: resolve(procedure, answers, None),
            missing_consents,
            uses: Vec::new(),
        });
    };
    let (merged, prefilled) = prefill_all(procedure, &data, answers);
    let documents = resolve(procedure, &merged, Some(&data));

    let mut read: BTreeMap<DataSource, Vec<String>> = BTreeMap::new();
    for p in &prefilled {
        if let Some(source) = p.provenance.source {
            read.entry(source)
                .or_default()
                .push(p.provenance.field.clone());
        }
    }
    for d in &documents {
        if let Resolution::Held { source, record, .. } = &d.resolution {
            let kind = serde_json::to_value(record)?
                .as_str()
                .unwrap_or_default()
                .to_owned();
            read.entry(*source).or_default().push(kind);
        }
    }
    let entries = entries(read, &now, procedure.code.as_str())?;
    Ok(Reading {
        answers: merged,
        prefilled,
        documents,
        missing_consents,
        uses: entries,
    })
}
