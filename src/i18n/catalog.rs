//! Strings of the national catalog: searching every procedure, a procedure's information page,
//! and (in the build that has it) the agency review.

use motlan_core::api::Channel;

pub struct Catalog {
    pub more_results: &'static str,
    pub showing: fn(usize, usize) -> String,
    pub searching: &'static str,
    pub online_form_tag: &'static str,
    pub information_tag: &'static str,
    pub avoidable_summary: fn(usize, usize) -> String,
    pub who_handles: &'static str,
    pub field: &'static str,
    pub who_may_file: &'static str,
    pub ways_heading: &'static str,
    pub channel: fn(Channel) -> &'static str,
    pub time: &'static str,
    pub fee: &'static str,
    pub no_information: &'static str,
    pub results_heading: &'static str,
    pub legal_heading: &'static str,
    pub not_needed_heading: &'static str,
    pub not_needed_lead: &'static str,
    pub still_listed: fn(usize) -> String,
    pub prepare_heading: &'static str,
    pub review_heading: &'static str,
    pub review_lead: &'static str,
    pub notes_heading: &'static str,
    pub abolished: &'static str,
    pub held_in: &'static str,
    pub waived_online: &'static str,
    pub basis: &'static str,
    pub no_form_here: &'static str,
    pub portal_link: &'static str,
    pub new_tab: &'static str,
    pub checker_note: &'static str,
    pub review_link: &'static str,
}

pub static VI: Catalog = Catalog {
    more_results: "Xem thêm kết quả",
    showing: |shown, total| format!("Đang hiện {shown} trên {total} thủ tục."),
    searching: "Đang tìm…",
    online_form_tag: "Nộp trực tuyến tại đây",
    information_tag: "Thông tin thủ tục",
    avoidable_summary: |held, total| {
        format!("{held} trên {total} giấy tờ trong danh mục Nhà nước đã có: không cần nộp.")
    },
    who_handles: "Cấp thực hiện",
    field: "Lĩnh vực",
    who_may_file: "Đối tượng thực hiện",
    ways_heading: "Cách nộp, thời hạn và lệ phí",
    channel: |c| match c {
        Channel::Online => "Trực tuyến",
        Channel::Postal => "Qua bưu chính",
        Channel::InPerson => "Trực tiếp",
    },
    time: "Thời hạn giải quyết",
    fee: "Phí, lệ phí",
    no_information: "Không có thông tin",
    results_heading: "Kết quả nhận được",
    legal_heading: "Căn cứ pháp lý",
    not_needed_heading: "Không cần nộp — Nhà nước đã có",
    not_needed_lead: "Cơ quan giải quyết phải tự khai thác những giấy tờ này; bạn chỉ nộp khi được báo là không khai thác được.",
    still_listed: |n| {
        format!(
            "Danh mục của thủ tục này vẫn liệt kê {n} giấy tờ mà Nhà nước đã có hoặc đã bãi bỏ."
        )
    },
    prepare_heading: "Cần chuẩn bị",
    review_heading: "Cần xem lại",
    review_lead: "Chưa xác định được các mục này: hãy đọc kỹ hoặc hỏi cơ quan giải quyết.",
    notes_heading: "Ghi chú trong danh mục giấy tờ",
    abolished: "Đã bãi bỏ",
    held_in: "Nhà nước đã có tại",
    waived_online: "Không phải nộp khi nộp trực tuyến",
    basis: "Căn cứ",
    no_form_here: "Một Lần chưa có biểu mẫu cho thủ tục này. Bạn có thể nộp trên Cổng Dịch vụ công quốc gia.",
    portal_link: "Xem và nộp trên Cổng Dịch vụ công quốc gia",
    new_tab: "(mở thẻ mới)",
    checker_note: "Phân loại giấy tờ do bộ kiểm tra tái sử dụng của Một Lần thực hiện trên dữ liệu Cổng Dịch vụ công quốc gia (tháng 6/2026).",
    review_link: "Dành cho cơ quan: rà soát giấy tờ",
};

pub static EN: Catalog = Catalog {
    more_results: "Show more results",
    showing: |shown, total| format!("Showing {shown} of {total} procedures."),
    searching: "Searching…",
    online_form_tag: "File online here",
    information_tag: "Procedure information",
    avoidable_summary: |held, total| {
        format!("{held} of the {total} listed papers are already held by the State: not needed.")
    },
    who_handles: "Handled at",
    field: "Field",
    who_may_file: "Who may file",
    ways_heading: "Ways to file, time and fees",
    channel: |c| match c {
        Channel::Online => "Online",
        Channel::Postal => "By post",
        Channel::InPerson => "In person",
    },
    time: "Processing time",
    fee: "Fees",
    no_information: "No information",
    results_heading: "What you receive",
    legal_heading: "Legal basis",
    not_needed_heading: "Not needed — the State already holds it",
    not_needed_lead: "The authority must look these up itself; you provide one only if told it could not be found.",
    still_listed: |n| {
        format!(
            "This procedure's list still names {n} papers the State already holds or has abolished."
        )
    },
    prepare_heading: "To prepare",
    review_heading: "To check",
    review_lead: "These items could not be classified: read them closely or ask the authority.",
    notes_heading: "Notes in the document list",
    abolished: "Abolished",
    held_in: "Already held in",
    waived_online: "Not needed when filing online",
    basis: "Basis",
    no_form_here: "Một Lần has no form for this procedure yet. You can file it on the National Public Service Portal.",
    portal_link: "View and file on the National Public Service Portal",
    new_tab: "(opens a new tab)",
    checker_note: "Papers classified by Một Lần's document-reuse checker on the National Public Service Portal's data (June 2026).",
    review_link: "For agencies: document review",
};

/// Strings of the agency review page.
#[cfg(feature = "journey")]
pub struct Review {
    pub title: &'static str,
    pub lead: &'static str,
    pub ministry: &'static str,
    pub all_ministries: &'static str,
    pub field: &'static str,
    pub all_fields: &'static str,
    pub download: &'static str,
    pub chart_title: &'static str,
    pub chart_note: &'static str,
    pub table_caption: &'static str,
    pub procedures: &'static str,
    pub asking: &'static str,
    pub avoidable: &'static str,
    pub asking_heading: fn(usize) -> String,
    pub none_asking: &'static str,
    pub show_all: fn(usize) -> String,
    pub unreadable: fn(usize) -> String,
}

#[cfg(feature = "journey")]
pub static REVIEW_VI: Review = Review {
    title: "Rà soát giấy tờ Nhà nước đã có",
    lead: "Bộ kiểm tra của Một Lần đọc danh mục giấy tờ của từng thủ tục trong Cơ sở dữ liệu quốc gia về thủ tục hành chính và chỉ ra giấy tờ mà Nhà nước đã có (hoặc đã bãi bỏ) nên không được yêu cầu người dân nộp lại, kèm căn cứ pháp lý.",
    ministry: "Bộ, ngành",
    all_ministries: "Tất cả bộ, ngành",
    field: "Lĩnh vực",
    all_fields: "Tất cả lĩnh vực",
    download: "Tải về CSV (mọi giấy tờ của các thủ tục đã lọc)",
    chart_title: "Thủ tục còn yêu cầu giấy tờ Nhà nước đã có, theo bộ, ngành",
    chart_note: "Biểu đồ có cùng số liệu với bảng bên dưới.",
    table_caption: "Số liệu theo bộ, ngành",
    procedures: "Thủ tục",
    asking: "Còn yêu cầu giấy tờ Nhà nước đã có",
    avoidable: "Giấy tờ có thể bỏ",
    asking_heading: |n| format!("{n} thủ tục còn yêu cầu giấy tờ Nhà nước đã có"),
    none_asking: "Không có thủ tục nào trong phạm vi lọc còn yêu cầu giấy tờ Nhà nước đã có.",
    show_all: |n| format!("Hiện tất cả {n} thủ tục"),
    unreadable: |n| format!("{n} bản ghi không đọc được đã bị bỏ qua."),
};

#[cfg(feature = "journey")]
pub static REVIEW_EN: Review = Review {
    title: "Review of papers the State already holds",
    lead: "Một Lần's checker reads the document list of every procedure in the national procedure database and points out the papers the State already holds (or abolished), which citizens must not be asked for again, with the legal basis.",
    ministry: "Ministry or sector",
    all_ministries: "All ministries and sectors",
    field: "Field",
    all_fields: "All fields",
    download: "Download CSV (every document of the filtered procedures)",
    chart_title: "Procedures still asking for papers the State holds, per ministry",
    chart_note: "The chart shows the same figures as the table below.",
    table_caption: "Figures per ministry",
    procedures: "Procedures",
    asking: "Still asking for held papers",
    avoidable: "Papers that could go",
    asking_heading: |n| format!("{n} procedures still ask for papers the State holds"),
    none_asking: "No procedure in this filter still asks for papers the State holds.",
    show_all: |n| format!("Show all {n} procedures"),
    unreadable: |n| format!("{n} unreadable records were skipped."),
};
