//! Splitting the flattened document text of a crawled procedure page into items. On the portal,
//! a document list is a table (name, form, quantity); flattened, the cells run together:
//! `...Tên giấy tờMẫu đơn, tờ khaiSố lượng- Giấy chứng sinh...1 bản chính- Văn bản ủy quyền...`.
//! Every item ends with its quantity, which is what the splitter keys on.

/// Column headers and section markers that are not part of any item.
const HEADERS: &[&str] = &[
    "Tên giấy tờMẫu đơn, tờ khaiSố lượng",
    "Tên giấy tờ Mẫu đơn, tờ khai Số lượng",
];

/// Splits a document list into item texts, trimmed, without bullets, quantities or form file names.
pub fn split_items(text: &str) -> Vec<String> {
    let mut text = text.to_owned();
    for header in HEADERS {
        text = text.replace(header, "\n");
    }
    let mut items = Vec::new();
    for chunk in text.split('\n') {
        // Text after the last quantity of a chunk is a section or case heading, not a document.
        let mut rest = chunk;
        while let Some((start, end)) = next_quantity(rest) {
            push(&mut items, &rest[..start]);
            rest = &rest[end..];
        }
    }
    items
}

/// Cleans one item's text as the portal API gives it (bullets, spacing).
pub fn clean_item(raw: &str) -> Option<String> {
    let mut items = Vec::new();
    push(&mut items, raw);
    items.pop()
}

fn push(items: &mut Vec<String>, raw: &str) {
    let mut text = raw.trim();
    // Drop a form file name glued before the quantity, e.g. `Mẫu số 13.docx`.
    for ext in [".docx", ".doc", ".pdf", ".xlsx", ".xls"] {
        if let Some(stripped) = text.strip_suffix(ext) {
            let cut = stripped.rfind(['.', ';', ')']).map(|i| i + 1).unwrap_or(0);
            text = stripped[..cut].trim_end();
        }
    }
    // A section heading such as `* Giấy tờ phải nộp:` may precede the first item.
    if let Some(i) = text
        .rfind(':')
        .filter(|i| text[..*i].trim_start().starts_with('*'))
    {
        text = &text[i + 1..];
    }
    let text = text
        .trim()
        .trim_start_matches(['-', '+', '•', '–'])
        .trim_start_matches("--")
        .trim()
        .trim_end_matches([';', ','])
        .trim();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
        items.push(text);
    }
}

/// Finds the next `N bản chính` / `N bản sao` (optionally `,N bản sao`) and returns its byte span.
fn next_quantity(text: &str) -> Option<(usize, usize)> {
    let mut search = 0;
    while let Some(found) = text[search..].find(" bản ").map(|i| i + search) {
        let after = &text[found + " bản ".len()..];
        let kind_len = ["chính", "sao"]
            .iter()
            .find(|k| after.starts_with(**k))
            .map(|k| k.len());
        let digits_start = text[..found]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit())
            .last()
            .map(|(i, _)| i);
        if let (Some(kind_len), Some(start)) = (kind_len, digits_start) {
            let mut end = found + " bản ".len() + kind_len;
            // `0 bản chính,1 bản sao`
            if let Some(more) = text[end..].strip_prefix(',')
                && let Some((s, e)) = next_quantity(more)
                && s <= 1
            {
                end += 1 + e;
            }
            return Some((start, end));
        }
        search = found + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_run_together_on_the_page_are_separated() {
        let text = "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản.1 bản chính- Văn bản ủy quyền theo quy định.1 bản chínhTrường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh thì không phải nộp bản giấy.0 bản chính* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Giấy tờ chứng minh nơi cư trú.1 bản chính";
        assert_eq!(
            split_items(text),
            vec![
                "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản.",
                "Văn bản ủy quyền theo quy định.",
                "Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh thì không phải nộp bản giấy.",
                "Giấy tờ chứng minh nơi cư trú.",
            ]
        );
    }

    #[test]
    fn form_files_and_copy_counts_are_not_part_of_the_item() {
        let text = "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị gia hạn theo Mẫu số 13.Mẫu số 13.docx1 bản chínhBản sao giấy phép lái xe0 bản chính,1 bản sao";
        assert_eq!(
            split_items(text),
            vec![
                "Đơn đề nghị gia hạn theo Mẫu số 13.",
                "Bản sao giấy phép lái xe"
            ]
        );
    }

    #[test]
    fn text_without_quantities_gives_no_items_and_never_panics() {
        assert!(split_items("").is_empty());
        assert!(split_items("Không có thông tin").is_empty());
        assert!(split_items("1 bản chính").is_empty());
        assert!(split_items("bản chính bản sao 9").is_empty());
        let _ = split_items("đ1 bản chínhđ 2 bản sao, bản");
    }
}
