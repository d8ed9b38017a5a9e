//! One procedure record of the national procedure database, as a crawl of the national portal
//! prints it (one JSON object per line, cells run together). Reading never panics: a record
//! without a code is an error naming what is missing; every other cell may be absent.

use serde::Deserialize;
use serde_json::Value;

use super::split::split_items;
pub use super::ways::{Channel, LegalText, Way};
use super::ways::{clean, comma_list, legal_texts, results, ways};

/// A national procedure, read from one crawled page record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalRecord {
    pub code: String,
    pub name: String,
    /// The decision that announced it (`163/QĐ-BTP`).
    pub decision: Option<String>,
    /// `Cấp bộ`, `Cấp tỉnh`, `Cấp xã`, `Cơ quan khác`.
    pub levels: Vec<String>,
    pub field: Option<String>,
    /// The ministry or sector's slug in the crawl (`bo-cong-an`).
    pub ministry: String,
    pub audiences: Vec<String>,
    pub ways: Vec<Way>,
    pub legal_basis: Vec<LegalText>,
    pub results: Vec<String>,
    /// The document list split into items, in the record's order.
    pub documents: Vec<String>,
    /// The procedure's page on the national portal.
    pub portal_url: Option<String>,
}

#[derive(Deserialize)]
struct Line {
    ma_thu_tuc: Option<Value>,
    ten_thu_tuc: Option<Value>,
    so_quyet_dinh: Option<Value>,
    cap_thuc_hien: Option<Value>,
    linh_vuc: Option<Value>,
    doi_tuong_thuc_hien: Option<Value>,
    cach_thuc_thuc_hien: Option<Value>,
    thanh_phan_ho_so: Option<Value>,
    can_cu_phap_ly: Option<Value>,
    ket_qua_xu_ly: Option<Value>,
    detail_url: Option<Value>,
    bo: Option<Value>,
}

/// A cell's text, or `None` when absent, empty, "Không có thông tin" or not text.
fn text(cell: &Option<Value>) -> Option<&str> {
    cell.as_ref()
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "Không có thông tin")
}

impl NationalRecord {
    /// Reads one line of a crawl.
    pub fn parse(line: &str) -> Result<Self, String> {
        let raw: Line =
            serde_json::from_str(line).map_err(|e| format!("not a JSON record: {e}"))?;
        let code = text(&raw.ma_thu_tuc).ok_or("no procedure code (ma_thu_tuc)")?;
        if code.len() > 40 || code.contains(char::is_whitespace) {
            return Err(format!("{code:.40}: not a procedure code"));
        }
        if raw
            .thanh_phan_ho_so
            .as_ref()
            .is_some_and(|v| !v.is_string() && !v.is_null())
        {
            return Err(format!(
                "{code}: the document list (thanh_phan_ho_so) is not text"
            ));
        }
        let portal_url = text(&raw.detail_url)
            .filter(|u| u.starts_with("https://dichvucong.gov.vn/"))
            .map(str::to_owned);
        Ok(Self {
            code: code.to_owned(),
            name: text(&raw.ten_thu_tuc)
                .map(clean)
                .unwrap_or_else(|| "(không có tên)".to_owned()),
            decision: text(&raw.so_quyet_dinh).map(clean),
            levels: text(&raw.cap_thuc_hien).map(comma_list).unwrap_or_default(),
            field: text(&raw.linh_vuc).map(clean),
            ministry: text(&raw.bo).unwrap_or("khac").to_owned(),
            audiences: text(&raw.doi_tuong_thuc_hien)
                .map(comma_list)
                .unwrap_or_default(),
            ways: text(&raw.cach_thuc_thuc_hien).map(ways).unwrap_or_default(),
            legal_basis: text(&raw.can_cu_phap_ly)
                .map(legal_texts)
                .unwrap_or_default(),
            results: text(&raw.ket_qua_xu_ly).map(results).unwrap_or_default(),
            documents: text(&raw.thanh_phan_ho_so)
                .map(split_items)
                .unwrap_or_default(),
            portal_url,
        })
    }

    /// Reads every line of a crawl; blank lines are skipped, bad ones reported with their
    /// 1-based line number.
    pub fn parse_all(text: &str) -> (Vec<Self>, Vec<(usize, String)>) {
        let (mut records, mut problems) = (Vec::new(), Vec::new());
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match Self::parse(line) {
                Ok(r) => records.push(r),
                Err(e) => problems.push((i + 1, e)),
            }
        }
        (records, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_record_gives_every_fact() {
        let line = r#"{"ma_thu_tuc": "1.001193", "ten_thu_tuc": "Thủ tục đăng ký khai sinh", "so_quyet_dinh": "163/QĐ-BTP", "cap_thuc_hien": "Cấp xã", "linh_vuc": "Hộ tịch", "doi_tuong_thuc_hien": "Công dân Việt Nam, Người Việt Nam định cư ở nước ngoài", "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phí", "thanh_phan_ho_so": "Tên giấy tờMẫu đơn, tờ khaiSố lượng- Giấy chứng sinh1 bản chính", "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnNghị định 87/2020/NĐ-CP87/2020/NĐ-CP", "ket_qua_xu_ly": "Giấy khai sinhMã: KQ.G15.000001Từ khóa", "detail_url": "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x", "bo": "bo-tu-phap"}"#;
        let r = NationalRecord::parse(line).unwrap();
        assert_eq!(r.code, "1.001193");
        assert_eq!(r.levels, ["Cấp xã"]);
        assert_eq!(r.audiences.len(), 2);
        assert_eq!(r.ways.len(), 1);
        assert_eq!(r.documents, ["Giấy chứng sinh"]);
        assert_eq!(r.legal_basis[0].number, "87/2020/NĐ-CP");
        assert_eq!(r.results, ["Giấy khai sinh"]);
        assert_eq!(r.ministry, "bo-tu-phap");
        assert!(r.portal_url.is_some());
    }

    #[test]
    fn bad_lines_are_reported_and_foreign_links_dropped() {
        let text = "{\"ma_thu_tuc\": \"1.2\", \"detail_url\": \"https://evil.example/\"}\n\n{broken\n{\"ten_thu_tuc\": \"B\"}\n{\"ma_thu_tuc\": \"1.3\", \"thanh_phan_ho_so\": 7}\n{\"ma_thu_tuc\": \"a b\"}\n";
        let (records, problems) = NationalRecord::parse_all(text);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].portal_url, None);
        assert_eq!(records[0].name, "(không có tên)");
        let lines: Vec<usize> = problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, [3, 4, 5, 6]);
        assert!(problems[1].1.contains("ma_thu_tuc"));
    }
}
