//! Tests of the once-only engine over the real catalog and the sandbox citizens: prefill with
//! provenance, the document-reuse resolver, whole-form checks and effort figures.

use proptest::prelude::*;
use time::macros::date;

use crate::answers::{CheckContext, check_answers};
use crate::catalog::Catalog;
use crate::citizen::CitizenData;
use crate::effort::typical_effort;
use crate::kinds::DataSource;
use crate::prefill::{Prefilled, Provenance, apply, check_locked, prefill_all};
use crate::reuse::{Resolution, resolve};
use crate::sandbox::{TYPICAL_FILERS, citizen};
use crate::test_support::answers;
use crate::validate::units::tests::sample;
use crate::{Answers, Procedure};

/// A catalog procedure and the sandbox citizen filing it.
fn filing(code: &str, who: &str) -> (Procedure, CitizenData) {
    let catalog = Catalog::embedded().unwrap();
    let procedure = catalog
        .get(code)
        .unwrap_or_else(|| panic!("{code}"))
        .clone();
    (
        procedure,
        citizen(who).unwrap_or_else(|| panic!("{who}")).data,
    )
}

fn value<'a>(filled: &'a [Prefilled], key: &str) -> &'a Prefilled {
    filled
        .iter()
        .find(|p| p.key == key)
        .unwrap_or_else(|| panic!("{key} was not pre-filled"))
}

#[test]
fn a_mother_registering_her_newborn_types_only_what_no_database_holds() {
    let (birth, lan) = filing("1.001193", "lan");
    let birth = &birth;
    let case = answers(&[
        ("requester.relation", "mother"),
        ("child.circumstance", "normal"),
        ("father.known", "yes"),
    ]);
    let (merged, filled) = prefill_all(birth, &lan, &case);

    let name = value(&filled, "requester.full_name");
    assert_eq!(name.value, "Nguyễn Thị Lan");
    assert!(name.locked);
    assert_eq!(name.provenance.source, Some(DataSource::PopulationDb));
    assert_eq!(name.provenance.record_id, "DC-001197004321");
    assert_eq!(name.provenance.field, "population.full_name");
    assert_eq!(name.provenance.retrieved_at, "2026-11-24T09:00:00+07:00");

    assert_eq!(value(&filled, "mother.full_name").value, "Nguyễn Thị Lan");
    let father = value(&filled, "father.full_name");
    assert_eq!(father.value, "Trần Văn Minh");
    assert_eq!(father.provenance.field, "relation.spouse.full_name");
    assert_eq!(value(&filled, "father.residence.ward").value, "4");
    let dob = value(&filled, "child.date_of_birth");
    assert_eq!(
        (dob.value.as_str(), dob.provenance.source),
        ("20/11/2026", Some(DataSource::HealthFacility))
    );
    assert!(
        !value(&filled, "child.home_town").locked,
        "the parents choose the home town"
    );
    assert_eq!(merged.get("child.sex").map(String::as_str), Some("female"));
    assert!(
        !merged.contains_key("child.full_name"),
        "no database knows the child's name yet"
    );
}

#[test]
fn when_the_father_files_the_parents_swap_sources() {
    let (birth, minh) = filing("1.001193", "minh");
    let birth = &birth;
    let case = answers(&[
        ("requester.relation", "father"),
        ("child.circumstance", "normal"),
        ("father.known", "yes"),
    ]);
    let (_, filled) = prefill_all(birth, &minh, &case);
    assert_eq!(value(&filled, "father.full_name").value, "Trần Văn Minh");
    assert_eq!(
        value(&filled, "father.full_name").provenance.field,
        "population.full_name"
    );
    assert_eq!(value(&filled, "mother.full_name").value, "Nguyễn Thị Lan");
    assert_eq!(value(&filled, "mother.birth_year").value, "1997");
}

#[test]
fn changing_a_locked_value_is_reported_against_its_field() {
    let (birth, lan) = filing("1.001193", "lan");
    let birth = &birth;
    let (mut merged, filled) =
        prefill_all(birth, &lan, &answers(&[("requester.relation", "mother")]));
    assert!(check_locked(&merged, &filled).is_empty());
    // Left out, a locked value is filled from its source, not reported.
    assert!(check_locked(&Answers::new(), &filled).is_empty());
    merged.insert("requester.personal_id".into(), "001197009999".into());
    let errors = check_locked(&merged, &filled);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].field.as_str(), errors[0].message_key.as_str()),
        ("requester.personal_id", "prefill.locked_changed")
    );
}

#[test]
fn held_documents_are_never_requested_and_each_waiver_cites_its_basis() {
    let (birth, lan) = filing("1.001193", "lan");
    let birth = &birth;
    let case = answers(&[
        ("requester.relation", "mother"),
        ("child.circumstance", "normal"),
    ]);
    let statuses = resolve(birth, &case, Some(&lan));
    let state = |id: &str| {
        &statuses
            .iter()
            .find(|s| s.document == id)
            .unwrap()
            .resolution
    };
    match state("birth_notice") {
        Resolution::Held {
            source,
            record_id,
            basis,
            ..
        } => {
            assert_eq!(
                (*source, record_id.as_str(), basis.as_str()),
                (
                    DataSource::HealthFacility,
                    "CS-2026-11-000873",
                    "87/2020/NĐ-CP"
                )
            );
        }
        other => panic!("birth notice: {other:?}"),
    }
    assert!(matches!(
        state("identity_paper"),
        Resolution::Held {
            source: DataSource::PopulationDb,
            ..
        }
    ));
    assert!(matches!(state("residence_proof"), Resolution::Held { .. }));
    assert!(
        matches!(state("declaration_form"), Resolution::Waived { basis, .. } if basis == "87/2020/NĐ-CP")
    );
    assert_eq!(state("authorisation"), &Resolution::NotApplicable);
    assert_eq!(state("abandonment_record"), &Resolution::NotApplicable);
    assert!(statuses.iter().all(|s| !s.must_upload()), "{statuses:?}");

    // Without an electronic birth notice the paper one must be uploaded; before sign-in nothing is held.
    let huy = citizen("huy").unwrap().data;
    assert!(
        resolve(birth, &case, Some(&huy))
            .iter()
            .any(|s| s.document == "birth_notice" && s.must_upload())
    );
    let anonymous = resolve(birth, &case, None);
    assert!(anonymous.iter().filter(|s| s.must_upload()).count() >= 3);
    let abandoned = answers(&[
        ("requester.relation", "relative"),
        ("child.circumstance", "abandoned"),
    ]);
    let statuses = resolve(birth, &abandoned, Some(&lan));
    assert!(
        statuses
            .iter()
            .any(|s| s.document == "abandonment_record" && s.must_upload())
    );
    assert!(
        statuses
            .iter()
            .any(|s| s.document == "birth_notice" && s.resolution == Resolution::NotApplicable)
    );
}

#[test]
fn a_divorce_missing_from_the_civil_status_database_must_be_documented() {
    let (status, hhen) = filing("1.004873", "hhen");
    let status = &status;
    let statuses = resolve(
        status,
        &answers(&[("marital_status", "divorced")]),
        Some(&hhen),
    );
    assert!(
        statuses
            .iter()
            .any(|s| s.document == "divorce_papers" && s.must_upload())
    );
    let statuses = resolve(
        status,
        &answers(&[("marital_status", "single")]),
        Some(&hhen),
    );
    assert!(statuses.iter().all(|s| !s.must_upload()), "{statuses:?}");
}

#[test]
fn a_complete_birth_registration_passes_the_shared_checks() {
    let (birth, lan) = filing("1.001193", "lan");
    let birth = &birth;
    let units = sample();
    let ctx = CheckContext {
        today: date!(2026 - 11 - 24),
        units: &units,
        old_units: &crate::validate::old_units::OldUnits::default(),
    };
    let mut typed = answers(&[
        ("requester.relation", "mother"),
        ("child.circumstance", "normal"),
        ("father.known", "yes"),
        ("child.full_name", "  Trần   Ngọc Anh "),
        ("copies", "2"),
        ("declaration", "yes"),
        ("abandonment.note", "left over from another branch"),
    ]);
    let (merged, _) = prefill_all(birth, &lan, &typed);
    let clean = check_answers(birth, &merged, ctx).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(clean["child.full_name"], "Trần Ngọc Anh");
    assert_eq!(clean["child.ethnicity"], "Kinh");
    assert!(!clean.contains_key("abandonment.note"));

    typed.insert("child.full_name".into(), "Ngọc Anh 2".into());
    typed.insert("copies".into(), "50".into());
    typed.remove("declaration");
    let (mut merged, _) = prefill_all(birth, &lan, &typed);
    merged.insert("child.date_of_birth".into(), "31/11/2026".into());
    merged.insert("mother.residence.ward".into(), "21550".into());
    let errors = check_answers(birth, &merged, ctx).unwrap_err();
    let keys: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.field.as_str(), e.message_key.as_str()))
        .collect();
    for expected in [
        ("child.full_name", "name.characters"),
        ("child.date_of_birth", "date.no_such_day"),
        ("mother.residence.ward", "address.ward_not_in_province"),
        ("copies", "answer.number"),
        ("declaration", "answer.confirm"),
    ] {
        assert!(
            keys.contains(&expected),
            "{expected:?} missing from {keys:?}"
        );
    }
}

#[test]
fn a_page_check_reports_only_its_own_questions_and_normalises_them() {
    let (birth, _) = filing("1.001193", "lan");
    let units = sample();
    let ctx = CheckContext {
        today: date!(2026 - 11 - 24),
        units: &units,
        old_units: &crate::validate::old_units::OldUnits::default(),
    };
    let given = answers(&[
        ("requester.relation", "mother"),
        ("child.circumstance", "normal"),
        ("child.full_name", "  Trần   Ngọc Anh "),
        ("copies", "50"),
    ]);
    let page = vec!["child.full_name".to_owned()];
    let (clean, errors) = crate::answers::check_questions(&birth, &given, &page, ctx);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(clean.len(), 1);
    assert_eq!(clean["child.full_name"], "Trần Ngọc Anh");

    let page = vec!["copies".to_owned(), "declaration".to_owned()];
    let (clean, errors) = crate::answers::check_questions(&birth, &given, &page, ctx);
    assert!(clean.is_empty());
    let keys: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.field.as_str(), e.message_key.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("copies", "answer.number"),
            ("declaration", "answer.confirm")
        ]
    );
}

#[test]
fn an_id_number_that_contradicts_the_birth_date_is_refused() {
    let (death, pon) = filing("1.000656", "pon");
    let death = &death;
    let units = AdminUnitsFixture::full_or_sample();
    let ctx = CheckContext {
        today: date!(2026 - 11 - 24),
        units: &units,
        old_units: &crate::validate::old_units::OldUnits::default(),
    };
    let case = answers(&[
        ("requester.relation", "spouse"),
        ("deceased.has_notice", "yes"),
        ("deceased.cause", "Tuổi già"),
        ("copies", "0"),
        ("declaration", "yes"),
    ]);
    let (mut merged, _) = prefill_all(death, &pon, &case);
    merged.insert("deceased.date_of_birth".into(), "01/09/1960".into());
    let errors = check_answers(death, &merged, ctx).unwrap_err();
    assert!(errors.iter().any(|e| e.field == "deceased.personal_id" && e.message_key == "personal_id.birth_year"), "{errors:?}");
}

/// The sample units do not include Điện Biên; tests that need it add the ward.
struct AdminUnitsFixture;

impl AdminUnitsFixture {
    fn full_or_sample() -> crate::validate::AdminUnits {
        let mut provinces = sample().provinces().to_vec();
        provinces.push(crate::validate::Province {
            code: 11,
            name: "Tỉnh Điện Biên".into(),
            wards: vec![crate::validate::Ward {
                code: 3325,
                name: "Xã Mường Phăng".into(),
            }],
        });
        crate::validate::AdminUnits::new(provinces)
    }
}

#[test]
fn national_data_cuts_typing_by_at_least_60_percent_overall() {
    let catalog = Catalog::embedded().unwrap();
    let (mut official, mut typed) = (0, 0);
    for (code, who) in TYPICAL_FILERS {
        let procedure = catalog.get(code).unwrap_or_else(|| panic!("{code}"));
        let data = citizen(who).unwrap().data;
        let (without, with) = typical_effort(procedure, &data);
        let visible =
            crate::form::visible_questions(&procedure.pages, &procedure.typical_case).len();
        assert_eq!(
            without.typed_questions, visible,
            "{code}: signed out, every question is typed"
        );
        assert!(with.typed_questions < without.typed_questions, "{code}");
        assert!(
            with.documents_to_upload <= without.documents_to_upload,
            "{code}"
        );
        official += with.official_questions;
        typed += with.typed_questions;
    }
    let birth = typical_effort(
        catalog.get("1.001193").unwrap(),
        &citizen("lan").unwrap().data,
    )
    .1;
    assert!(birth.typed_reduction_percent() >= 60, "{birth:?}");
    assert_eq!(birth.documents_to_upload, 0);
    let overall = 100 - typed * 100 / official;
    assert!(overall >= 60, "overall reduction {overall}%");
}

fn arb_prefilled() -> impl Strategy<Value = Prefilled> {
    ("[a-c]", "[ a-z]{0,3}", any::<bool>()).prop_map(|(key, value, locked)| Prefilled {
        key,
        value,
        locked,
        provenance: Provenance {
            source: None,
            record_id: "r".into(),
            field: "f".into(),
            retrieved_at: "t".into(),
        },
    })
}

proptest! {
    #[test]
    fn prefill_never_overwrites_a_typed_value_with_nothing(
        typed in prop::collection::btree_map("[a-c]", "[ a-z]{0,3}", 0..4),
        filled in prop::collection::vec(arb_prefilled(), 0..6),
    ) {
        let merged = apply(&typed, &filled);
        for (key, value) in &typed {
            if !value.trim().is_empty() {
                let now = &merged[key];
                prop_assert!(!now.trim().is_empty());
                let replaced_by_lock = filled.iter().any(|p| &p.key == key && p.locked && !p.value.trim().is_empty());
                prop_assert!(now == value || replaced_by_lock);
            }
        }
    }
}
