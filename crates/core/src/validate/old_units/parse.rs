//! Reading the two official lists shipped in `admin-units/` (gzip-compressed CSV).

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Conversion, ConversionBasis, OldCommune, OldDistrict, OldProvince, OldUnits, Successor,
};
use crate::text::fold;

pub(super) const UNITS_GZ: &[u8] =
    include_bytes!("../../../admin-units/units-before-2025-07.csv.gz");
pub(super) const CONVERSION_GZ: &[u8] =
    include_bytes!("../../../admin-units/conversion-2025-07.csv.gz");

fn gunzip(bytes: &[u8]) -> Result<String, String> {
    use std::io::Read as _;
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot decompress the unit list: {e}"))?;
    Ok(text)
}

/// Names with their spaces tidied (the sources have doubled spaces and line breaks).
fn tidy(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Quận Ba Đình (001)" → ("Quận Ba Đình", 1).
fn name_and_code(cell: &str) -> Option<(String, u32)> {
    let cell = tidy(cell);
    let (name, rest) = cell.rsplit_once(" (")?;
    let code = rest.strip_suffix(')')?.parse().ok()?;
    Some((name.to_owned(), code))
}

struct Row {
    successor: Successor,
    old_code: Option<u32>,
    old_name: String,
    old_district: u16,
}

impl OldUnits {
    /// The lists shipped with the core.
    pub fn embedded() -> Result<Self, String> {
        Self::parse(&gunzip(UNITS_GZ)?, &gunzip(CONVERSION_GZ)?)
    }

    /// Reads the pre-July-2025 list (province, code, district, code, commune, code, level, English
    /// name) and the conversion table (new province (code), new commune, code, old commune, code,
    /// note, old district (code), old province (code)).
    pub fn parse(units_csv: &str, conversion_csv: &str) -> Result<Self, String> {
        let rows = conversion_rows(conversion_csv)?;
        let mut provinces: Vec<OldProvince> = Vec::new();
        let mut units = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(units_csv.as_bytes());
        for (line, record) in units.records().enumerate() {
            let record = record.map_err(|e| format!("old unit list: {e}"))?;
            let cell = |i: usize| tidy(record.get(i).unwrap_or_default());
            let number = |i: usize| {
                cell(i).parse::<u32>().map_err(|_| {
                    format!("old unit list, line {}: column {i} is not a code", line + 2)
                })
            };
            let (province_code, district_code) = (number(1)?, number(3)?);
            let province_code = u16::try_from(province_code).map_err(|e| e.to_string())?;
            let district_code = u16::try_from(district_code).map_err(|e| e.to_string())?;
            if provinces.last().is_none_or(|p| p.code != province_code) {
                provinces.push(OldProvince {
                    code: province_code,
                    name: cell(0),
                    districts: Vec::new(),
                });
            }
            let province = provinces.last_mut().ok_or("no province")?;
            if province
                .districts
                .last()
                .is_none_or(|d| d.code != district_code)
            {
                province.districts.push(OldDistrict {
                    code: district_code,
                    name: cell(2),
                    communes: Vec::new(),
                });
            }
            let district = province.districts.last_mut().ok_or("no district")?;
            if !cell(5).is_empty() {
                district.communes.push(OldCommune {
                    code: number(5)?,
                    name: cell(4),
                });
            }
        }

        let mut by_code: BTreeMap<u32, Vec<&Row>> = BTreeMap::new();
        let mut by_name: BTreeMap<(u16, String), Vec<&Row>> = BTreeMap::new();
        let mut by_district: BTreeMap<u16, Vec<&Row>> = BTreeMap::new();
        for row in &rows {
            if let Some(code) = row.old_code {
                by_code.entry(code).or_default().push(row);
            }
            by_name
                .entry((row.old_district, fold(&row.old_name)))
                .or_default()
                .push(row);
            by_district.entry(row.old_district).or_default().push(row);
        }
        let conversion = |found: &[&Row], basis| {
            let mut seen = BTreeSet::new();
            let successors: Vec<Successor> = found
                .iter()
                .filter(|r| seen.insert(r.successor.ward_code))
                .map(|r| r.successor.clone())
                .collect();
            (!successors.is_empty()).then_some(Conversion { successors, basis })
        };
        let mut communes = BTreeMap::new();
        let mut districts = BTreeMap::new();
        for province in &provinces {
            for district in &province.districts {
                let in_district = by_district
                    .get(&district.code)
                    .map_or(&[][..], Vec::as_slice);
                if district.communes.is_empty() {
                    if let Some(c) = conversion(in_district, ConversionBasis::Table) {
                        districts.insert(district.code, c);
                    }
                    continue;
                }
                for commune in &district.communes {
                    let found = by_code
                        .get(&commune.code)
                        .and_then(|r| conversion(r, ConversionBasis::Table))
                        .or_else(|| {
                            by_name
                                .get(&(district.code, fold(&commune.name)))
                                .and_then(|r| conversion(r, ConversionBasis::TableByName))
                        })
                        .or_else(|| conversion(in_district, ConversionBasis::District))
                        .ok_or_else(|| {
                            format!("old commune {} has no successor at all", commune.code)
                        })?;
                    communes.insert(commune.code, found);
                }
            }
        }
        Ok(Self {
            provinces,
            communes,
            districts,
        })
    }
}

fn conversion_rows(text: &str) -> Result<Vec<Row>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("conversion table: {e}"))?;
        let cell = |i: usize| record.get(i).unwrap_or_default();
        // Title rows, headers and a province's heading row have no new commune code.
        let Ok(ward_code) = tidy(cell(2)).parse::<u32>() else {
            continue;
        };
        let (province_name, province_code) = name_and_code(cell(0))
            .ok_or_else(|| format!("conversion table: no province code in {:?}", cell(0)))?;
        let (_, old_district) = name_and_code(cell(6))
            .ok_or_else(|| format!("conversion table: no district code in {:?}", cell(6)))?;
        rows.push(Row {
            successor: Successor {
                province_code: u16::try_from(province_code).map_err(|e| e.to_string())?,
                province_name,
                ward_code,
                ward_name: tidy(cell(1)),
                note: tidy(cell(5)),
            },
            old_code: tidy(cell(4)).parse().ok(),
            old_name: tidy(cell(3)),
            old_district: u16::try_from(old_district).map_err(|e| e.to_string())?,
        });
    }
    Ok(rows)
}
