//! Purposes a citizen consents to, one by one, before national data is read, and what each lets
//! the service read. The text has a version; a consent counts only for the current version.

use motlan_core::Localized;
use motlan_core::citizen::CitizenData;
pub use motlan_core::consent::Purpose;

/// The version of the consent texts below; changing a text means a new version.
pub const TEXT_VERSION: &str = "2026-11-30";

/// What the citizen reads before ticking the box.
pub use motlan_core::api::ConsentText as PurposeText;

fn text(vi: &str, en: &str) -> Localized {
    Localized {
        vi: vi.to_owned(),
        en: en.to_owned(),
    }
}

pub fn texts() -> Vec<PurposeText> {
    let who = "Ủy ban nhân dân hoặc cơ quan công an nơi bạn nộp hồ sơ xử lý dữ liệu này, chỉ để giải quyết hồ sơ của bạn.";
    let who_en = "The People's Committee or police office you file with processes this data, only to handle your dossier.";
    vec![
        PurposeText {
            purpose: Purpose::Identity.as_str().to_owned(),
            version: TEXT_VERSION.to_owned(),
            title: text(
                "Thông tin cá nhân từ Cơ sở dữ liệu quốc gia về dân cư",
                "Personal data from the national population database",
            ),
            data: text(
                "Họ tên, ngày sinh, giới tính, số định danh cá nhân và thẻ căn cước, quê quán, dân tộc, tôn giáo, quốc tịch, nơi cư trú; họ tên, năm sinh, số định danh của cha, mẹ, vợ hoặc chồng, chủ hộ. Dân tộc và tôn giáo là dữ liệu nhạy cảm, chỉ được đọc khi tờ khai hỏi đến.",
                "Name, date of birth, sex, personal ID number and card, home town, ethnicity, religion, nationality, residence; names, birth years and ID numbers of your parents, spouse and household head. Ethnicity and religion are sensitive and are read only when the form asks for them.",
            ),
            why: text(
                &format!(
                    "Để điền sẵn tờ khai, bạn không phải nhập lại và không phải nộp bản sao giấy tờ tùy thân, giấy tờ cư trú. {who}"
                ),
                &format!(
                    "To pre-fill the form, so you do not type it again or upload copies of identity or residence papers. {who_en}"
                ),
            ),
        },
        PurposeText {
            purpose: Purpose::CivilStatus.as_str().to_owned(),
            version: TEXT_VERSION.to_owned(),
            title: text(
                "Hộ tịch và giấy chứng sinh, giấy báo tử điện tử",
                "Civil status and electronic birth and death notices",
            ),
            data: text(
                "Các việc khai sinh, kết hôn, ly hôn, khai tử đã đăng ký; giấy chứng sinh và giấy báo tử điện tử do cơ sở y tế gửi.",
                "Registered births, marriages, divorces and deaths; electronic birth and death notices sent by health facilities.",
            ),
            why: text(
                &format!(
                    "Để không phải nộp giấy chứng sinh, giấy chứng nhận kết hôn hay trích lục đã có trong cơ sở dữ liệu. {who}"
                ),
                &format!(
                    "So you need not upload birth notices, marriage certificates or extracts the databases hold. {who_en}"
                ),
            ),
        },
        PurposeText {
            purpose: Purpose::Papers.as_str().to_owned(),
            version: TEXT_VERSION.to_owned(),
            title: text(
                "Giấy tờ trên VNeID và kho dữ liệu điện tử",
                "Papers in VNeID and your electronic data warehouse",
            ),
            data: text(
                "Giấy phép lái xe, thẻ bảo hiểm y tế và giấy tờ khác tích hợp trên VNeID; kết quả thủ tục trước đây và bản sao điện tử có chứng thực trong kho dữ liệu của bạn; phiếu kiểm tra chất lượng xuất xưởng, hóa đơn điện tử và chứng từ lệ phí trước bạ của xe bạn mua (cơ sở dữ liệu đăng kiểm và thuế).",
                "Driving licence, health-insurance card and other papers in VNeID; results of earlier procedures and e-certified copies in your data warehouse; the factory inspection slip, e-invoice and registration-tax payment of a vehicle you bought (inspection and tax databases).",
            ),
            why: text(
                &format!("Để dùng lại giấy tờ bạn đã có thay vì tải lên. {who}"),
                &format!("To reuse papers you already have instead of uploading them. {who_en}"),
            ),
        },
    ]
}

/// Only the national data the given purposes allow. Without `identity` nothing is read at all:
/// every other record hangs off the population record.
pub fn allowed(data: CitizenData, purposes: &[Purpose]) -> Option<CitizenData> {
    if !purposes.contains(&Purpose::Identity) {
        return None;
    }
    let mut data = data;
    if !purposes.contains(&Purpose::CivilStatus) {
        data.civil_status.clear();
        data.birth_notices.clear();
        data.death_notices.clear();
    }
    if !purposes.contains(&Purpose::Papers) {
        data.vneid_papers.clear();
        data.warehouse.clear();
        data.vehicle_papers.clear();
    }
    Some(data)
}
