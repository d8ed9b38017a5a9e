//! Reading national procedure records in the two shapes found in the wild: the portal API's JSON
//! (`data.executionCases[].profileComponents[]`, one document each) and the flattened page records
//! of a crawl (`.jsonl`, one procedure per line, `thanh_phan_ho_so` as run-together text). A record
//! that cannot be read becomes a [`Problem`]; reading never stops at the first bad line.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use motlan_core::checker::NationalRecord;
use motlan_core::checker::split::clean_item;

/// A procedure as read from a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub code: String,
    pub name: String,
    /// The ministry or sector (a crawl's slug, e.g. `bo-cong-an`), when the source says.
    pub ministry: Option<String>,
    pub field: Option<String>,
    /// Where it came from: `file` or `file:line`.
    pub origin: String,
    pub items: Vec<String>,
}

/// A record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub origin: String,
    pub problem: String,
}

/// Reads every record of a `.json`, `.jsonl` or `.jsonl.gz` file.
pub fn read_file(path: &Path) -> (Vec<Record>, Vec<Problem>) {
    let name = path.display().to_string();
    let gzipped = name.ends_with(".gz");
    let read = if gzipped {
        std::fs::File::open(path).and_then(|file| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut text)
                .map(|_| text)
        })
    } else {
        std::fs::read_to_string(path)
    };
    let text = match read {
        Ok(text) => text,
        Err(e) => {
            return (
                Vec::new(),
                vec![Problem {
                    origin: name,
                    problem: format!("cannot read the file: {e}"),
                }],
            );
        }
    };
    if gzipped || path.extension().is_some_and(|e| e == "jsonl") {
        read_lines(&name, &text)
    } else {
        read_portal(&name, &text)
    }
}

/// One crawled page record per line.
pub fn read_lines(name: &str, text: &str) -> (Vec<Record>, Vec<Problem>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let origin = format!("{name}:{}", i + 1);
        match NationalRecord::parse(line) {
            Ok(r) => records.push(Record {
                code: r.code,
                name: r.name,
                ministry: Some(r.ministry),
                field: r.field,
                origin,
                items: r.documents,
            }),
            Err(problem) => problems.push(Problem { origin, problem }),
        }
    }
    (records, problems)
}

/// The portal API answer for one procedure (or a list of them).
pub fn read_portal(name: &str, text: &str) -> (Vec<Record>, Vec<Problem>) {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return (
                Vec::new(),
                vec![Problem {
                    origin: name.to_owned(),
                    problem: format!("not JSON: {e}"),
                }],
            );
        }
    };
    let list: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in list.into_iter().enumerate() {
        let origin = if matches!(value, Value::Array(_)) {
            format!("{name}[{i}]")
        } else {
            name.to_owned()
        };
        let procedure = item.get("data").unwrap_or(item);
        let text = |key: &str| {
            procedure
                .get(key)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let Some(code) = text("code").or_else(|| text("codeNotation")) else {
            problems.push(Problem {
                origin,
                problem: "no procedure code (data.code)".to_owned(),
            });
            continue;
        };
        let items = procedure
            .get("executionCases")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .flat_map(|case| {
                case.get("profileComponents")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
            })
            .filter_map(|component| component.get("name").and_then(Value::as_str))
            .filter_map(clean_item)
            .collect();
        records.push(Record {
            code: code.to_owned(),
            name: text("name").unwrap_or("(không có tên)").to_owned(),
            ministry: None,
            field: None,
            origin,
            items,
        });
    }
    (records, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_reported_and_good_ones_kept() {
        let text = "{\"ma_thu_tuc\": \"1.000001\", \"ten_thu_tuc\": \"A\", \"thanh_phan_ho_so\": \"Tờ khai1 bản chính\"}\n\n{broken\n{\"ten_thu_tuc\": \"B\"}\n{\"ma_thu_tuc\": \"1.000002\", \"thanh_phan_ho_so\": 7}\n";
        let (records, problems) = read_lines("x.jsonl", text);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].items, vec!["Tờ khai"]);
        assert_eq!(records[0].origin, "x.jsonl:1");
        let origins: Vec<&str> = problems.iter().map(|p| p.origin.as_str()).collect();
        assert_eq!(origins, vec!["x.jsonl:3", "x.jsonl:4", "x.jsonl:5"]);
        assert!(problems[1].problem.contains("ma_thu_tuc"));
    }

    #[test]
    fn portal_json_gives_one_item_per_component() {
        let text = r#"{"data": {"code": "1.001193", "name": "Khai sinh", "executionCases": [
            {"name": "* Giấy tờ phải nộp:", "profileComponents": [{"name": "- Giấy chứng sinh", "code": "X"}, {"name": "  "}]}]}}"#;
        let (records, problems) = read_portal("p.json", text);
        assert!(problems.is_empty());
        assert_eq!(records[0].items, vec!["Giấy chứng sinh"]);
        let (records, problems) = read_portal("p.json", "[1, {\"data\": {}}]");
        assert!(records.is_empty());
        assert_eq!(problems.len(), 2);
    }
}
