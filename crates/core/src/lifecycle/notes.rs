//! What a dossier's timeline says at each step, in both languages: the same words whoever
//! takes the action and wherever it is shown (the dossier page, the officer's list).

use super::Action;
use crate::Localized;
use crate::text::day_month_year;

fn both(vi: String, en: String) -> Localized {
    Localized { vi, en }
}

/// The first event: received, and when the result is due (`YYYY-MM-DD`).
pub fn received(appointment_on: &str) -> Localized {
    let on = day_month_year(appointment_on);
    both(
        format!("Đã tiếp nhận hồ sơ. Ngày hẹn trả kết quả: {on}."),
        format!("Dossier received. Result due on {on}."),
    )
}

impl Action {
    /// The timeline's note when the action changes the status; `detail` is the officer's
    /// note for a supplement request, the result's title, or the reason for a rejection.
    pub fn note(self, detail: &Localized) -> Localized {
        let (vi, en) = (&detail.vi, &detail.en);
        match self {
            Action::Process => both(
                "Cán bộ đã tiếp nhận và đang xử lý hồ sơ.".into(),
                "An officer is processing the dossier.".into(),
            ),
            Action::RequestSupplement => both(
                format!("Yêu cầu bổ sung: {vi}"),
                format!("Supplement requested: {en}"),
            ),
            Action::AnswerSupplement => both(
                "Công dân đã bổ sung các mục được yêu cầu; hồ sơ tiếp tục được xử lý.".into(),
                "The citizen supplied the requested items; processing continues.".into(),
            ),
            Action::IssueResult => both(
                format!(
                    "Đã có kết quả: {vi}. Bản điện tử đã được lưu vào kho dữ liệu của công dân."
                ),
                format!(
                    "Result ready: {en}. The electronic copy is in the citizen's data warehouse."
                ),
            ),
            Action::Reject => both(
                format!("Hồ sơ bị từ chối. Lý do: {vi}"),
                format!("The dossier was rejected. Reason: {en}"),
            ),
            Action::Withdraw => both(
                "Công dân đã rút hồ sơ.".into(),
                "The citizen withdrew the dossier.".into(),
            ),
            // Neither changes the status, so neither adds an event.
            Action::Pay | Action::Rate => Localized::default(),
        }
    }
}
