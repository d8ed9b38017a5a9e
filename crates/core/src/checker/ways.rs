//! Reading the run-together cells of a crawled procedure page: the ways to file (channel, time,
//! fee, description), the legal texts (title and number), the results and the comma lists.

pub use crate::api::{Channel, LegalText, Way};

const CHANNELS: [(&str, Channel); 3] = [
    ("Trực tuyến", Channel::Online),
    ("Dịch vụ bưu chính", Channel::Postal),
    ("Trực tiếp", Channel::InPerson),
];

const UNITS: [&str; 6] = [
    " Ngày làm việc",
    " Ngày",
    " Giờ làm việc",
    " Giờ",
    " Tháng",
    " Năm",
];
const NO_INFORMATION: &str = "Không có thông tin";

/// Splits `Hình thức nộp…Mô tảTrực tuyến10 Ngày làm việcMiễn phí…Trực tiếp…` into ways.
pub fn ways(cell: &str) -> Vec<Way> {
    let body = cell
        .strip_prefix("Hình thức nộpThời gianPhí, lệ phíMô tả")
        .unwrap_or(cell);
    // A channel starts a way when a time (a digit) or the fee follows it directly.
    let mut starts: Vec<(usize, usize, Channel)> = Vec::new();
    for (name, channel) in CHANNELS {
        for (at, _) in body.match_indices(name) {
            let after = &body[at + name.len()..];
            let opens_a_way = after.starts_with(|c: char| c.is_ascii_digit())
                || after.starts_with("Miễn phí")
                || after.starts_with(NO_INFORMATION);
            if opens_a_way {
                starts.push((at, at + name.len(), channel));
            }
        }
    }
    starts.sort_by_key(|s| s.0);
    let mut out = Vec::new();
    for (i, &(_, from, channel)) in starts.iter().enumerate() {
        let to = starts.get(i + 1).map(|s| s.0).unwrap_or(body.len());
        out.push(way(channel, &body[from..to]));
    }
    out
}

fn way(channel: Channel, cell: &str) -> Way {
    let digits = cell
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(cell.len());
    let (mut time, mut rest) = (None, cell);
    if let Some(after) = cell.strip_prefix(NO_INFORMATION) {
        // The time cell says nothing; the fee follows.
        rest = after;
    } else if digits > 0 {
        let number = &cell[..digits];
        let after = &cell[digits..];
        let unit = UNITS.iter().find(|u| after.starts_with(**u));
        let unit_len = unit.map(|u| u.len()).unwrap_or(0);
        time = Some(format!("{number}{}", unit.copied().unwrap_or("")));
        rest = &after[unit_len..];
    }
    let (fee, free, note) = if let Some(note) = rest.strip_prefix("Miễn phí") {
        (Some("Miễn phí".to_owned()), true, note)
    } else if let Some(note) = rest.strip_prefix(NO_INFORMATION) {
        (None, false, note)
    } else {
        // An amount: `100,000 Việt Nam Đồng`, `20 VNĐ`, `Phí: 50.000 đồng`.
        let end = ["Việt Nam Đồng", "VNĐ", "Đồng", "đồng"]
            .iter()
            .filter_map(|unit| rest.find(unit).map(|at| at + unit.len()))
            .min()
            .filter(|end| *end <= 120)
            .unwrap_or(0);
        let amount = rest[..end].trim();
        (
            (!amount.is_empty()).then(|| amount.to_owned()),
            false,
            &rest[end..],
        )
    };
    let note = clean(note);
    Way {
        channel,
        time,
        fee,
        free,
        note: (!note.is_empty()).then_some(note),
    }
}

/// Reads `Tên văn bản pháp lýMã văn bảnLuật 54/2014/QH1354/2014/QH13Thuế …107/2016/QH13`: pairs
/// of a title and a number run together. A title may mention numbers itself (`Thông tư số
/// 53/2025/TT-BCA ngày 01/7/2025 sửa đổi Thông tư 55/2021/TT-BCA`); the number of the pair is the
/// one the next title or the end follows directly (an upper-case letter, or nothing), not a
/// space, a lower-case word or another number. Each number once.
pub fn legal_texts(cell: &str) -> Vec<LegalText> {
    let body = cell
        .strip_prefix("Tên văn bản pháp lýMã văn bản")
        .unwrap_or(cell);
    let mut out: Vec<LegalText> = Vec::new();
    let mut last = 0;
    let mut at = 0;
    // Where the last number read ended: the pair's own number may follow a mention directly.
    let mut after_number = usize::MAX;
    while at < body.len() {
        let starts_number = body[at..].starts_with(|c: char| c.is_ascii_digit())
            && (at == after_number
                || !body[..at].ends_with(|c: char| c.is_ascii_digit() || c == '.'));
        if starts_number && let Some(len) = number_at(&body[at..]) {
            let after = body[at + len..].chars().next();
            let ends_pair = after.is_none_or(char::is_uppercase);
            if !ends_pair {
                // A mention inside a title: read on.
                at += len;
                after_number = at;
                continue;
            }
            let number = body[at..at + len].to_owned();
            let title = title_of(&body[last..at], &number);
            if !out.iter().any(|t| t.number == number) {
                out.push(LegalText { number, title });
            }
            at += len;
            last = at;
            continue;
        }
        at += body[at..].chars().next().map(char::len_utf8).unwrap_or(1);
    }
    out
}

/// A pair's title: the text before its number, less a prefix of the number column glued to it
/// (`Luật Các tổ chức tín dụngLuật số` → `Luật Các tổ chức tín dụng`); a bare document type gets
/// the number (`Luật` → `Luật 54/2014/QH13`).
fn title_of(raw: &str, number: &str) -> String {
    let mut title = clean(raw);
    // The last place a lower-case letter runs into an upper-case one, if what follows is short.
    let glued = title
        .char_indices()
        .zip(title.chars().skip(1))
        .filter(|((_, a), b)| a.is_lowercase() && b.is_uppercase())
        .map(|((i, a), _)| i + a.len_utf8())
        .last();
    if let Some(cut) = glued
        && title.len() - cut <= 16
        && cut > 12
    {
        title.truncate(cut);
    }
    let title = title
        .trim_end_matches(['.', ',', ';', ':'])
        .trim()
        .to_owned();
    if title.chars().filter(|c| c.is_alphabetic()).count() <= 12 && !title.contains(number) {
        format!("{title} {number}").trim().to_owned()
    } else {
        title
    }
}

/// Issuers that end a legal text's number (`…/TT-BCA`), to tell `BCAngày` (the number, then a
/// lower-case title) from `CPNghị` (the number `CP`, then `Nghị định`).
const AGENCIES: [&str; 30] = [
    "CP", "BCA", "BTC", "BTP", "BXD", "BYT", "BCT", "NHNN", "BNNMT", "BKHCN", "BGTVT", "BTNMT",
    "BNV", "BQP", "HĐND", "UBND", "VPCP", "BGDĐT", "BTTTT", "BLĐTBXH", "BKHĐT", "BVHTTDL",
    "TANDTC", "VKSNDTC", "BNNPTNT", "BNG", "BTP", "UBTVQH", "QH", "BTNMT",
];

/// The length of a number such as `104/2022/NĐ-CP`, `66.7/2025/NQ-CP`, `54/2014/QH13`,
/// `53/2010/QĐ-TTg` or `72/2011/TTLT-BTC-BGTVT` at the start of `text`. On the portal the next
/// title follows without a space (`NĐ-CPNghị định…`): an upper-case letter followed by a lower-case
/// one starts that title, except the `g` of `TTg`.
fn number_at(text: &str) -> Option<usize> {
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let mut first = digits(text);
    if !(1..=4).contains(&first) {
        return None;
    }
    // `66.7/2025/NQ-CP`
    if text[first..].starts_with('.') {
        let more = digits(&text[first + 1..]);
        if more > 0 {
            first += 1 + more;
        }
    }
    if !text[first..].starts_with('/') {
        return None;
    }
    let year_at = first + 1;
    if digits(&text[year_at..]) != 4 || !text[year_at + 4..].starts_with('/') {
        return None;
    }
    let kind_at = year_at + 5;
    let chars: Vec<(usize, char)> = text[kind_at..].char_indices().collect();
    let mut end = kind_at;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let next = chars.get(i + 1).map(|(_, c)| *c);
        if c == '-' && next.is_some_and(char::is_uppercase) {
            end = kind_at + at + 1;
        } else if c.is_uppercase() {
            if next.is_some_and(char::is_lowercase) {
                let so_far = &text[kind_at..kind_at + at + c.len_utf8()];
                let group = so_far.rsplit('-').next().unwrap_or(so_far);
                if so_far.ends_with("TT") && next == Some('g') {
                    end = kind_at + at + c.len_utf8() + 1;
                } else if AGENCIES.contains(&group) {
                    // `TT-BCAngày…`: the letter ends a known issuer, the title starts lower-case.
                    end = kind_at + at + c.len_utf8();
                }
                break;
            }
            end = kind_at + at + c.len_utf8();
        } else {
            break;
        }
        i += 1;
    }
    if end == kind_at {
        return None;
    }
    // `QH13`: a law carries the legislature's number, two digits (the next number may follow).
    let tail = if text[kind_at..end].ends_with("QH") {
        digits(&text[end..]).min(2)
    } else {
        0
    };
    Some(end + tail)
}

/// The results a procedure gives: the names before each `Mã: KQ…`.
pub fn results(cell: &str) -> Vec<String> {
    let body = cell.split("Từ khóa").next().unwrap_or(cell);
    let mut out = Vec::new();
    for (i, part) in body.split("Mã: KQ.").enumerate() {
        // Each part after the first starts with the previous result's code (`G12.001222`).
        let name = if i == 0 { part } else { skip_code(part) };
        let name = clean(name.trim_start_matches(['-', ' ']));
        if name.chars().filter(|c| c.is_alphabetic()).count() >= 3 && name.len() < 400 {
            out.push(name);
        }
    }
    out
}

/// `G12.001222Văn bản` → `Văn bản`: one letter, digits, a dot, digits.
fn skip_code(part: &str) -> &str {
    let mut rest = part;
    if rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        rest = &rest[1..];
    }
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    rest.trim_start_matches(|c: char| c.is_ascii_digit())
}

/// Splits `A, B (c, d), E` at top-level commas.
pub fn comma_list(cell: &str) -> Vec<String> {
    let (mut out, mut depth, mut from) = (Vec::new(), 0i32, 0);
    for (i, c) in cell.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => {
                out.push(clean(&cell[from..i]));
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(clean(&cell[from..]));
    out.retain(|s| !s.is_empty() && s != NO_INFORMATION);
    out
}

/// Trims and joins whitespace.
pub fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ways_are_split_with_times_fees_and_notes() {
        let w = ways(
            "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến10 Ngày làm việcMiễn phí10 ngày kể từ ngày nhận hồ sơ.Dịch vụ bưu chính2 Ngày làm việc100,000 Việt Nam ĐồngTrực tiếp1Không có thông tin",
        );
        assert_eq!(w.len(), 3);
        assert_eq!(w[0].channel, Channel::Online);
        assert_eq!(w[0].time.as_deref(), Some("10 Ngày làm việc"));
        assert!(w[0].free);
        assert_eq!(w[0].note.as_deref(), Some("10 ngày kể từ ngày nhận hồ sơ."));
        assert_eq!(w[1].fee.as_deref(), Some("100,000 Việt Nam Đồng"));
        assert_eq!(w[2].channel, Channel::InPerson);
        assert_eq!(w[2].time.as_deref(), Some("1"));
        assert_eq!(w[2].fee, None);
        // A channel named inside a note does not open a way.
        let w = ways("Trực tiếp2 GiờMiễn phíNộp Trực tiếp tại bộ phận một cửa");
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].time.as_deref(), Some("2 Giờ"));
        assert!(ways("").is_empty());
        // No time given: the fee still is.
        let w = ways("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyếnKhông có thông tin8,000 VNĐ");
        assert_eq!(
            (w[0].time.as_deref(), w[0].fee.as_deref()),
            (None, Some("8,000 VNĐ"))
        );
    }

    #[test]
    fn legal_texts_are_read_once_each_with_their_titles() {
        let t = legal_texts(
            "Tên văn bản pháp lýMã văn bảnLuật 54/2014/QH1354/2014/QH13Thuế xuất khẩu, thuế nhập khẩu107/2016/QH13Quy định chi tiết Luật thuế134/2016/NĐ-CP",
        );
        let numbers: Vec<&str> = t.iter().map(|t| t.number.as_str()).collect();
        assert_eq!(numbers, ["54/2014/QH13", "107/2016/QH13", "134/2016/NĐ-CP"]);
        assert_eq!(t[0].title, "Luật 54/2014/QH13");
        assert_eq!(t[1].title, "Thuế xuất khẩu, thuế nhập khẩu");
        assert!(legal_texts("Không có thông tin").is_empty());
        let t = legal_texts("Thông tư liên tịch 72/2011/TTLT-BTC-BGTVT");
        assert_eq!(t[0].number, "72/2011/TTLT-BTC-BGTVT");
        let numbers = |cell: &str| -> Vec<String> {
            legal_texts(cell).into_iter().map(|t| t.number).collect()
        };
        assert_eq!(
            numbers(
                "Nghị định 104/2022/NĐ-CPNghị định sửa đổi104/2022/NĐ-CPThông tư 53/2025/TT-BCAThông tư"
            ),
            ["104/2022/NĐ-CP", "53/2025/TT-BCA"]
        );
        // A title that mentions numbers: the pair's number is the one the next title follows.
        let t = legal_texts(
            "Thông tư số 53/2025/TT-BCAngày 01/7/2025 sửa đổi Thông tư 55/2021/TT-BCA53/2025/TT-BCALuật Các tổ chức tín dụngLuật số 32/2024/QH15",
        );
        let numbers: Vec<&str> = t.iter().map(|t| t.number.as_str()).collect();
        assert_eq!(numbers, ["53/2025/TT-BCA", "32/2024/QH15"]);
        assert!(t[0].title.starts_with("Thông tư số 53/2025/TT-BCAngày"));
        assert_eq!(t[1].title, "Luật Các tổ chức tín dụng");
        assert_eq!(
            legal_texts("Nghị quyết số 66.7/2025/NQ-CP của Chính phủ66.7/2025/NQ-CPQuyết định 53/2010/QĐ-TTg53/2010/QĐ-TTg")
                .into_iter()
                .map(|t| t.number)
                .collect::<Vec<_>>(),
            ["66.7/2025/NQ-CP", "53/2010/QĐ-TTg"]
        );
    }

    #[test]
    fn results_and_lists_are_split() {
        assert_eq!(
            results(
                "Thư bảo lãnhMã: KQ.G12.000693Văn bản từ chốiMã: KQ.G12.000694Từ khóaKhông có thông tin"
            ),
            ["Thư bảo lãnh", "Văn bản từ chối"]
        );
        assert_eq!(
            comma_list(
                "Doanh nghiệp, Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam"
            ),
            [
                "Doanh nghiệp",
                "Tổ chức (không bao gồm doanh nghiệp, HTX)",
                "Công dân Việt Nam"
            ]
        );
    }
}
