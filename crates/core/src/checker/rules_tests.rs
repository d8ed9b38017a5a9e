//! The built-in rules on the usual papers, and what a bad rules file is told.

use super::rules::normalise;
use super::{Class, RuleSet};
use crate::kinds::DataSource;

fn verdict(text: &str) -> (Class, Option<String>, Option<DataSource>) {
    let rules = RuleSet::builtin();
    let v = rules.classify(text);
    (v.class, v.rule_id().map(str::to_owned), v.source())
}

#[test]
fn the_builtin_rules_classify_the_usual_papers() {
    let rule = |text: &str| verdict(text).1.unwrap_or_default();
    assert_eq!(verdict("Bản sao Sổ hộ khẩu").0, Class::Abolished);
    assert_eq!(
        verdict("Bản sao Thẻ Căn cước hoặc Hộ chiếu"),
        (
            Class::Reusable,
            Some("identity-paper".into()),
            Some(DataSource::PopulationDb)
        )
    );
    assert_eq!(
        verdict("Giấy chứng sinh").2,
        Some(DataSource::HealthFacility)
    );
    assert_eq!(
        verdict("Bản sao Giấy chứng nhận kết hôn").2,
        Some(DataSource::CivilStatusDb)
    );
    assert_eq!(rule("Văn bản ủy quyền"), "citizen-document");
    assert_eq!(rule("Tờ khai theo mẫu"), "form-to-fill");
    assert_eq!(
        verdict(
            "Trường hợp giấy tờ tùy thân là thẻ căn cước thì chỉ cần cung cấp số định danh cá nhân"
        )
        .0,
        Class::NotADocument
    );
    assert_eq!(
        verdict("Kết quả sát hạch đạt yêu cầu còn hiệu lực").0,
        Class::Unclear
    );
}

#[test]
fn papers_from_abroad_photos_and_company_papers_are_never_reusable() {
    for text in [
        "Bản sao hộ chiếu của người nước ngoài",
        "Giấy chứng nhận đăng ký tàu biển mang cờ quốc tịch nước ngoài",
        "Giấy tờ đã được hợp pháp hóa lãnh sự",
        "Bản dịch Giấy khai sinh sang tiếng Việt",
        "02 ảnh màu cỡ 4x6 kiểu thẻ căn cước",
        "Báo cáo của cổ đông về căn cước của người đại diện",
    ] {
        let (class, rule, _) = verdict(text);
        assert_eq!(class, Class::Upload, "{text}: {rule:?}");
    }
    // Foreign because of the procedure, not the words of the item.
    let rules = RuleSet::builtin();
    let v = rules.classify_in("Bản sao hộ chiếu", "Cấp thẻ tạm trú cho người nước ngoài");
    assert_eq!(v.class, Class::Upload);
}

#[test]
fn a_paper_is_named_by_its_head_not_by_papers_in_its_conditions() {
    let (class, _, _) = verdict(
        "Văn bản thỏa thuận của cha mẹ về việc đăng ký thường trú cho con, kèm theo danh sách và các giấy tờ liên quan, trong trường hợp cha mẹ đã có giấy khai sinh cho con",
    );
    assert_ne!(class, Class::Reusable);
    assert_eq!(verdict("Một trong các giấy tờ sau:").0, Class::NotADocument);
}

#[test]
fn matching_is_on_whole_words() {
    assert_eq!(normalise("Ảnh (3x4): MÀU"), " ảnh ( 3x4 ) : màu ");
    assert_eq!(
        normalise("Uỷ quyền, hoá đơn"),
        normalise("Ủy quyền, hóa đơn")
    );
    // "anh" (a brother) is not "ảnh màu" (a photo); "cư trú" is not "cũ".
    assert_ne!(
        verdict("Anh, chị, em ruột của người ủy quyền").1.as_deref(),
        Some("photo")
    );
}

#[test]
fn agency_rules_come_first_within_their_phase_and_bad_rules_are_explained() {
    let extra = RuleSet::parse(
        "agency.toml",
        "[[upload]]\nid = \"flegt\"\nany = [\"FLEGT\"]\n[[reusable]]\nid = \"x\"\nsource = \"vneid\"\nbasis = \"b\"\nany = [\"ảnh màu\"]\n",
    )
    .unwrap();
    let rules = RuleSet::builtin().extended_by(extra);
    assert_eq!(rules.classify("Giấy phép FLEGT").rule_id(), Some("flegt"));
    // An agency's reusable rule cannot overrule the never phase.
    assert_eq!(rules.classify("02 ảnh màu").rule_id(), Some("photo"));
    let e = RuleSet::parse(
        "x.toml",
        "[[reusable]]\nid = \"a\"\nbasis = \"b\"\nany = [\"b\"]\n",
    )
    .unwrap_err();
    assert!(e.contains("source"), "{e}");
    let e = RuleSet::parse("x.toml", "[[abolished]]\nid = \"a\"\nany = [\"b\"]\n").unwrap_err();
    assert!(e.contains("legal basis"), "{e}");
    let e = RuleSet::parse("x.toml", "[[upload]]\nid = \"a\"\n").unwrap_err();
    assert!(e.contains("matches nothing"), "{e}");
    let e = RuleSet::parse("x.toml", "[[maybe]]\nid = \"a\"\nany = [\"b\"]\n").unwrap_err();
    assert!(e.starts_with("x.toml:"), "{e}");
    let e = RuleSet::parse("x.toml", "[[upload]]\nid = \"a\"\nany = [\" , \"]\n").unwrap_err();
    assert!(e.contains("empty phrase"), "{e}");
}

#[test]
fn a_vehicles_electronic_papers_and_its_owners_identity_are_reusable() {
    assert_eq!(
        verdict(
            "Giấy tờ của xe (sử dụng dữ liệu điện tử của Phiếu kiểm tra chất lượng xuất xưởng; Hóa đơn điện tử; Lệ phí trước bạ)."
        ),
        (
            Class::Reusable,
            Some("vehicle-electronic-papers".into()),
            Some(DataSource::SectorDb)
        )
    );
    assert_eq!(
        verdict("Giấy tờ của chủ xe (sử dụng tài khoản định danh mức độ 2)").2,
        Some(DataSource::PopulationDb)
    );
    // Paper invoices and ownership papers are still a dossier the owner brings.
    assert_eq!(
        verdict("Giấy tờ của xe: Chứng nhận nguồn gốc xe; Chứng nhận quyền sở hữu hợp pháp; Chứng từ hoàn thành nghĩa vụ tài chính").1.as_deref(),
        Some("technical-dossier")
    );
    assert_eq!(verdict("Giấy tờ của chủ xe theo quy định").0, Class::Upload);
}
