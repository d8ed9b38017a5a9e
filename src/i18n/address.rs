//! Strings of historical addresses: written with today's units or with the names from before
//! 1 July 2025, and what an old unit is today.

pub struct Addresses {
    pub written_with: &'static str,
    pub current_units: &'static str,
    pub old_units: &'static str,
    pub old_province: &'static str,
    pub old_district: &'static str,
    pub old_commune: &'static str,
    pub today_is: fn(&str, &str) -> String,
    pub from_table: &'static str,
    pub by_name: &'static str,
    pub not_in_table: &'static str,
    pub split_legend: &'static str,
    pub old_names_tag: &'static str,
    pub today_prefix: &'static str,
}

pub const VI: Addresses = Addresses {
    written_with: "Địa chỉ này ghi theo",
    current_units: "Đơn vị hành chính hiện nay (34 tỉnh, thành phố; không còn cấp huyện)",
    old_units: "Tên cũ, trước ngày 01/7/2025 (có quận, huyện), như trên giấy tờ cũ",
    old_province: "Tỉnh, thành phố (tên cũ)",
    old_district: "Quận, huyện, thị xã, thành phố thuộc tỉnh",
    old_commune: "Xã, phường, thị trấn (tên cũ)",
    today_is: |ward, province| format!("Nay thuộc {ward}, {province}."),
    from_table: "Theo bảng chuyển đổi đơn vị hành chính chính thức (từ 01/7/2025):",
    by_name: "Bảng chuyển đổi chính thức ghi nơi này với một mã khác; đã đối chiếu theo tên trong huyện:",
    not_in_table: "Bảng chuyển đổi chính thức không ghi riêng nơi này (đã sắp xếp trước ngày 01/7/2025). Danh sách dưới đây là các xã, phường đã nhận huyện cũ của nó.",
    split_legend: "Nơi này nay thuộc nhiều xã, phường. Địa chỉ của bạn nay thuộc xã, phường nào?",
    old_names_tag: "(tên trước 01/7/2025)",
    today_prefix: "nay là",
};

pub const EN: Addresses = Addresses {
    written_with: "This address is written with",
    current_units: "Today's units (34 provinces and cities, no districts)",
    old_units: "The old names, before 1 July 2025 (with districts), as on older papers",
    old_province: "Province or city (old name)",
    old_district: "District, town or city in the province",
    old_commune: "Commune, ward or township (old name)",
    today_is: |ward, province| format!("Today it is in {ward}, {province}."),
    from_table: "From the official conversion table of administrative units (since 1 July 2025):",
    by_name: "The official conversion table lists this place under another code; it was matched by name within its district:",
    not_in_table: "The official conversion table does not list this place on its own (it was reorganised before 1 July 2025). The list below shows the communes that took in its former district.",
    split_legend: "This place now belongs to several communes. Which one is your address in today?",
    old_names_tag: "(names before 1 July 2025)",
    today_prefix: "today",
};
