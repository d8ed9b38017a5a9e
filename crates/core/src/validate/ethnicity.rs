//! The 54 ethnic groups of Viet Nam (Danh mục các dân tộc Việt Nam, Quyết định 121-TCTK/PPCĐ),
//! for the ethnicity questions of civil-status forms. Ethnicity is sensitive personal data.

use crate::text::fold;

pub const ETHNIC_GROUPS: [&str; 54] = [
    "Kinh",
    "Tày",
    "Thái",
    "Mường",
    "Khmer",
    "Hoa",
    "Nùng",
    "Mông",
    "Dao",
    "Gia Rai",
    "Ê Đê",
    "Ba Na",
    "Xơ Đăng",
    "Sán Chay",
    "Cơ Ho",
    "Chăm",
    "Sán Dìu",
    "Hrê",
    "Ra Glai",
    "Mnông",
    "Thổ",
    "Xtiêng",
    "Khơ Mú",
    "Bru Vân Kiều",
    "Cơ Tu",
    "Giáy",
    "Tà Ôi",
    "Mạ",
    "Giẻ Triêng",
    "Co",
    "Chơ Ro",
    "Xinh Mun",
    "Hà Nhì",
    "Chu Ru",
    "Lào",
    "Kháng",
    "La Chí",
    "Phù Lá",
    "La Hủ",
    "La Ha",
    "Pà Thẻn",
    "Chứt",
    "Lự",
    "Lô Lô",
    "Mảng",
    "Cờ Lao",
    "Bố Y",
    "Cống",
    "Ngái",
    "Si La",
    "Pu Péo",
    "Rơ Măm",
    "Brâu",
    "Ơ Đu",
];

/// For a person who is not Vietnamese.
pub const FOREIGNER: &str = "Người nước ngoài";

/// The official spelling of an ethnic group typed with or without diacritics, spaces or hyphens.
pub fn canonical_ethnicity(text: &str) -> Option<&'static str> {
    let key = |s: &str| {
        fold(s)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let wanted = key(text);
    if wanted.is_empty() {
        return None;
    }
    ETHNIC_GROUPS
        .iter()
        .chain(std::iter::once(&FOREIGNER))
        .find(|name| key(name) == wanted)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ethnic_groups_are_found_however_they_are_typed() {
        assert_eq!(canonical_ethnicity("kinh"), Some("Kinh"));
        assert_eq!(canonical_ethnicity("e de"), Some("Ê Đê"));
        assert_eq!(canonical_ethnicity("Ê-đê"), Some("Ê Đê"));
        assert_eq!(canonical_ethnicity("bru van kieu"), Some("Bru Vân Kiều"));
        assert_eq!(canonical_ethnicity("Martian"), None);
        assert_eq!(canonical_ethnicity(""), None);
        let mut keys: Vec<String> = ETHNIC_GROUPS.iter().map(|n| fold(n)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 54, "no two groups fold to the same text");
    }
}
