//! Checking a whole form: every question that applies is validated with the shared validators,
//! values are normalised (names in NFC, phones as `0xxxxxxxxx`), answers to questions that do not
//! apply are dropped, and every problem is reported at once, keyed to the input it concerns.

use crate::FieldError;
use crate::error::field_messages;
use crate::form::{Answers, Question, QuestionKind, visible_questions};
use crate::personal_id::{PersonalId, Sex};
use crate::procedure::Procedure;
use crate::validate::ethnicity::canonical_ethnicity;
use crate::validate::{
    format_date, normalize_name, parse_date, parse_email, parse_mobile, parse_past_date,
    parse_plate, parse_valid_until, parse_year,
};

field_messages! {
    /// Problems with an answer that are not about its format.
    AnswerError {
        Required => "answer.required",
            "Câu hỏi này cần được trả lời.",
            "This question needs an answer.";
        TooLong => "answer.too_long",
            "Câu trả lời dài quá mức cho phép. Hãy viết ngắn gọn hơn.",
            "The answer is too long. Please shorten it.";
        NotAnOption => "answer.not_an_option",
            "Hãy chọn một trong các lựa chọn đã cho.",
            "Choose one of the options given.";
        Number => "answer.number",
            "Nhập một số nguyên trong khoảng cho phép.",
            "Enter a whole number in the allowed range.";
        Confirm => "answer.confirm",
            "Hãy đánh dấu vào ô để xác nhận lời cam đoan.",
            "Tick the box to confirm the declaration.";
        Ethnicity => "answer.ethnicity",
            "Chọn một dân tộc trong danh mục 54 dân tộc Việt Nam.",
            "Choose one of the 54 ethnic groups of Viet Nam.";
        ProcedureUnknown => "procedure_unknown",
            "Không có thủ tục với mã này trong danh mục.",
            "No procedure with this code is in the catalog.";
    }
}

pub use crate::check_context::CheckContext;

/// Validates and normalises the answers to a procedure's form.
pub fn check_answers(
    procedure: &Procedure,
    answers: &Answers,
    ctx: CheckContext<'_>,
) -> Result<Answers, Vec<FieldError>> {
    let (clean, errors) = check_all(procedure, answers, ctx, |_| true);
    if errors.is_empty() {
        Ok(clean)
    } else {
        Err(errors)
    }
}

/// Checks only the questions with these ids (the page just answered), with the same rules as
/// [`check_answers`]: their normalised answers and their problems. Questions that do not apply
/// to the answers are skipped; cross-checks such as an ID number against its holder's birth date
/// read the other answers given so far.
pub fn check_questions(
    procedure: &Procedure,
    answers: &Answers,
    ids: &[String],
    ctx: CheckContext<'_>,
) -> (Answers, Vec<FieldError>) {
    check_all(procedure, answers, ctx, |q| ids.contains(&q.id))
}

fn check_all(
    procedure: &Procedure,
    answers: &Answers,
    ctx: CheckContext<'_>,
    report: impl Fn(&Question) -> bool,
) -> (Answers, Vec<FieldError>) {
    let mut clean = Answers::new();
    let mut all_errors = Vec::new();
    let visible = visible_questions(&procedure.pages, answers);
    for (_, question) in &visible {
        check_question(question, answers, ctx, &mut clean, &mut all_errors);
    }
    for (_, question) in &visible {
        if let Some(e) = check_holder(question, &clean) {
            all_errors.push(e);
        }
    }
    let reported: Vec<&Question> = visible
        .iter()
        .map(|(_, q)| *q)
        .filter(|q| report(q))
        .collect();
    let owns = |key: &str| {
        reported.iter().any(|q| {
            key == q.id
                || key
                    .strip_prefix(q.id.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    };
    clean.retain(|key, _| owns(key));
    all_errors.retain(|e| owns(&e.field));
    (clean, all_errors)
}

fn check_question(
    q: &Question,
    answers: &Answers,
    ctx: CheckContext<'_>,
    clean: &mut Answers,
    errors: &mut Vec<FieldError>,
) {
    let answer = |key: &str| answers.get(key).map(|v| v.trim()).filter(|v| !v.is_empty());
    if q.kind == QuestionKind::Address {
        return crate::address_answer::check_address(q, answers, ctx, clean, errors);
    }
    let Some(value) = answer(&q.id) else {
        if q.required {
            let e = if q.kind == QuestionKind::Confirm {
                AnswerError::Confirm
            } else {
                AnswerError::Required
            };
            errors.push(e.field_error(&q.id));
        }
        return;
    };
    let result: Result<String, FieldError> = normalise(q, value, ctx);
    match result {
        Ok(v) => {
            clean.insert(q.id.clone(), v);
        }
        Err(e) => errors.push(e),
    }
}

fn normalise(q: &Question, value: &str, ctx: CheckContext<'_>) -> Result<String, FieldError> {
    let id = q.id.as_str();
    let within = |limit: u16| {
        if value.chars().count() > usize::from(q.max_length.unwrap_or(limit)) {
            Err(AnswerError::TooLong.field_error(id))
        } else {
            Ok(value.to_owned())
        }
    };
    let one_of = |allowed: &[&str]| {
        if allowed.contains(&value) {
            Ok(value.to_owned())
        } else {
            Err(AnswerError::NotAnOption.field_error(id))
        }
    };
    match q.kind {
        QuestionKind::Text | QuestionKind::Nationality => within(200),
        QuestionKind::LongText => within(1000),
        QuestionKind::Name => normalize_name(value).map_err(|e| e.field_error(id)),
        QuestionKind::Date => parse_date(value)
            .map(format_date)
            .map_err(|e| e.field_error(id)),
        QuestionKind::PastDate => parse_past_date(value, ctx.today)
            .map(format_date)
            .map_err(|e| e.field_error(id)),
        QuestionKind::ValidUntil => parse_valid_until(value, ctx.today)
            .map(format_date)
            .map_err(|e| e.field_error(id)),
        QuestionKind::Year => parse_year(value, ctx.today)
            .map(|y| y.to_string())
            .map_err(|e| e.field_error(id)),
        QuestionKind::Sex => one_of(&Sex::ALL.map(Sex::as_answer)),
        QuestionKind::YesNo => one_of(&["yes", "no"]),
        QuestionKind::Confirm => {
            if value == "yes" {
                Ok(value.to_owned())
            } else {
                Err(AnswerError::Confirm.field_error(id))
            }
        }
        QuestionKind::Choice => {
            let values: Vec<&str> = q.options.iter().map(|o| o.value.as_str()).collect();
            one_of(&values)
        }
        QuestionKind::PersonalId => PersonalId::parse(value)
            .map(String::from)
            .map_err(|e| e.field_error(id)),
        QuestionKind::Phone => parse_mobile(value).map_err(|e| e.field_error(id)),
        QuestionKind::NumberPlate => parse_plate(value).map_err(|e| e.field_error(id)),
        QuestionKind::Email => parse_email(value).map_err(|e| e.field_error(id)),
        QuestionKind::Ethnicity => canonical_ethnicity(value)
            .map(str::to_owned)
            .ok_or_else(|| AnswerError::Ethnicity.field_error(id)),
        QuestionKind::Number => value
            .parse::<u32>()
            .ok()
            .filter(|n| q.min.is_none_or(|lo| *n >= lo) && q.max.is_none_or(|hi| *n <= hi))
            .map(|n| n.to_string())
            .ok_or_else(|| AnswerError::Number.field_error(id)),
        QuestionKind::Address => unreachable!("addresses are checked part by part"),
    }
}

/// A personal ID number must agree with its holder's birth year and sex.
fn check_holder(q: &Question, clean: &Answers) -> Option<FieldError> {
    let holder = q.holder.as_ref()?;
    let id = PersonalId::parse(clean.get(&q.id)?).ok()?;
    let birth = clean.get(&holder.birth)?;
    let year = match birth.rsplit('/').next() {
        Some(y) => y.parse::<i32>().ok()?,
        None => return None,
    };
    let sex = holder
        .sex
        .as_ref()
        .and_then(|k| clean.get(k))
        .and_then(|v| Sex::from_answer(v));
    let result = match sex {
        Some(sex) => id.check_holder(year, sex),
        None if id.birth_year() != year => Err(crate::personal_id::PersonalIdError::BirthYear),
        None => Ok(()),
    };
    result.err().map(|e| e.field_error(&q.id))
}
