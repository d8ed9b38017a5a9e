//! The catalog and the sandbox against the law and the national procedure records: each test
//! pins a fact the November 2026 review against the national records found wrong, so the error
//! cannot come back.

use std::collections::BTreeSet;

use time::macros::date;

use crate::Procedure;
use crate::answers::{CheckContext, check_questions};
use crate::catalog::Catalog;
use crate::form::applies;
use crate::sandbox::citizens;
use crate::test_support::{answers, procedure};
use crate::validate::units::tests::sample;

/// The documents that apply to these answers, by id.
fn applying(p: &Procedure, pairs: &[(&str, &str)]) -> BTreeSet<String> {
    let given = answers(pairs);
    p.documents
        .iter()
        .filter(|d| applies(d.condition.as_ref(), &given))
        .map(|d| d.id.clone())
        .collect()
}

#[test]
fn an_expired_driving_licence_is_not_exchanged() {
    let p = procedure("3.000347");
    let reasons: Vec<&str> = p
        .pages
        .iter()
        .flat_map(|page| &page.questions)
        .filter(|q| q.id == "reason")
        .flat_map(|q| q.options.iter().map(|o| o.value.as_str()))
        .collect();
    assert!(!reasons.contains(&"expired"), "{reasons:?}");
    assert_eq!(
        p.typical_case.get("reason").map(String::as_str),
        Some("expiring")
    );
    assert!(p.summary.vi.contains("3.000348"));
    let units = sample();
    let ctx = CheckContext {
        today: date!(2026 - 11 - 30),
        units: &units,
        old_units: &crate::validate::old_units::OldUnits::default(),
    };
    let check = |expires: &str| {
        check_questions(
            &p,
            &answers(&[("licence.expires_on", expires)]),
            &["licence.expires_on".to_owned()],
            ctx,
        )
        .1
    };
    let refused = check("15/09/2026");
    assert_eq!(
        refused.first().map(|e| e.message_key.as_str()),
        Some("date.expired")
    );
    assert!(check("30/11/2026").is_empty(), "valid through today");
    assert!(check("20/01/2027").is_empty());
}

#[test]
fn the_health_certificate_follows_the_licence_classes_before_and_after_2025() {
    let p = procedure("3.000347");
    let needs = |class: &str, issued: &str| {
        applying(
            &p,
            &[("licence.class", class), ("licence.issued_on", issued)],
        )
        .contains("health_certificate")
    };
    // Before 2025: B1 and B2 were car licences; A1, A2, A3 motorcycles.
    for class in ["B1", "B2", "C", "D", "E", "FB2", "FC", "FD", "FE"] {
        assert!(needs(class, "15/09/2016"), "{class} issued in 2016");
    }
    for class in ["A1", "A2", "A3"] {
        assert!(!needs(class, "15/09/2016"), "{class} issued in 2016");
    }
    // Since 2025: A1, A and B1 are motorcycles and tricycles; the rest need the certificate.
    for class in ["A1", "A", "B1"] {
        assert!(!needs(class, "10/03/2025"), "{class} issued in 2025");
    }
    for class in [
        "B", "C1", "C", "D1", "D2", "D", "BE", "C1E", "CE", "D1E", "D2E", "DE",
    ] {
        assert!(needs(class, "10/03/2025"), "{class} issued in 2025");
    }
}

#[test]
fn temporary_residence_costs_15000_in_person_and_asks_no_proof_of_family_relation() {
    let p = procedure("1.004194");
    assert_eq!((p.fees.online, p.fees.in_person), (7_000, 15_000));
    let family = applying(&p, &[("case", "family")]);
    let to_provide: Vec<&String> = family
        .iter()
        .filter(|id| {
            p.documents
                .iter()
                .any(|d| &d.id == *id && d.waiver.is_none())
        })
        .collect();
    assert!(
        to_provide.is_empty(),
        "a family stay needs only the CT01 form: {to_provide:?}"
    );
}

#[test]
fn permanent_residence_in_a_rented_home_asks_for_the_certified_lease_and_the_floor_area() {
    let p = procedure("1.004222");
    let rented = applying(&p, &[("case", "rented")]);
    for id in ["rental_contract", "floor_area_proof"] {
        assert!(rented.contains(id), "{id}: {rented:?}");
        let d = p.documents.iter().find(|d| d.id == id).unwrap();
        assert!(
            d.reuse.is_empty(),
            "{id} is not the citizen's own national record"
        );
    }
    assert!(!rented.contains("lawful_accommodation"));
    let lease = p
        .documents
        .iter()
        .find(|d| d.id == "rental_contract")
        .unwrap();
    assert!(lease.name.vi.contains("công chứng hoặc chứng thực"));
}

#[test]
fn the_judicial_record_asks_for_the_id_copy_its_record_lists() {
    let p = procedure("3.000333");
    let copy = p
        .documents
        .iter()
        .find(|d| d.id == "identity_copy")
        .unwrap();
    assert!(
        copy.reuse.iter().all(|r| r.basis != "104/2022/NĐ-CP") && copy.waiver.is_none(),
        "Decree 104/2022 waives household books, not ID copies"
    );
}

#[test]
fn a_copy_of_someone_elses_civil_status_record_needs_their_authorisation() {
    let p = procedure("2.000635");
    let needs = |relation: &str| {
        applying(&p, &[("requester.relation", relation)]).contains("authorisation")
    };
    for relation in ["spouse", "parent", "child_adult", "other"] {
        assert!(needs(relation), "{relation}");
    }
    for relation in ["self", "child_minor"] {
        assert!(!needs(relation), "{relation}");
    }
}

#[test]
fn legal_bases_name_the_texts_in_force_and_no_announcing_decision_as_a_basis() {
    let catalog = Catalog::embedded().unwrap();
    let cites = |code: &str, text: &str| {
        catalog
            .get(code)
            .unwrap()
            .legal_basis
            .iter()
            .any(|b| b.code == text)
    };
    for code in ["1.001193", "1.000894", "1.004873", "1.000656", "2.000635"] {
        for text in ["18/2026/NĐ-CP", "07/2025/NĐ-CP", "04/2020/TT-BTP"] {
            assert!(cites(code, text), "{code} should cite {text}");
        }
    }
    for code in ["1.004194", "1.004222"] {
        assert!(
            cites(code, "58/2026/NĐ-CP"),
            "{code} should cite 58/2026/NĐ-CP"
        );
    }
    for p in catalog.procedures() {
        for d in &p.documents {
            let bases = d
                .reuse
                .iter()
                .map(|r| r.basis.as_str())
                .chain(d.waiver.iter().map(|w| w.basis.as_str()));
            for basis in bases {
                assert!(
                    !basis.contains("QĐ-"),
                    "{} / {}: {basis} only announces the procedure",
                    p.code,
                    d.id
                );
            }
        }
    }
}

/// Provinces by the first three digits of a personal ID number (the province where the birth was
/// registered, as the 63 provinces were before July 2025), for the codes the sandbox uses.
const ID_PROVINCES: [(&str, &str); 6] = [
    ("001", "Hà Nội"),
    ("011", "Điện Biên"),
    ("036", "Nam Định"),
    ("048", "Đà Nẵng"),
    ("066", "Đắk Lắk"),
    ("012", "Lai Châu"),
];

#[test]
fn the_sandbox_citizens_hold_papers_the_law_could_have_issued() {
    let new_only = ["B", "BE", "C1", "C1E", "D1", "D1E", "D2", "D2E", "CE", "DE"];
    for c in citizens() {
        let p = &c.data.population;
        let id = p.personal_id.to_string();
        let (_, province) = ID_PROVINCES
            .iter()
            .find(|(code, _)| id.starts_with(code))
            .unwrap_or_else(|| panic!("{}: add {id}'s province to the table", c.key));
        assert!(
            p.birth_place.contains(province),
            "{}: born in {province} by the ID, {:?} by the record",
            c.key,
            p.birth_place
        );
        let text = serde_json::to_string(&c.data).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        for paper in value["vneid_papers"].as_array().into_iter().flatten() {
            if paper["kind"] == "driving_licence"
                && paper["issued_on"]
                    .as_str()
                    .is_some_and(|d| d < "2025-01-01")
            {
                let class = paper["class"].as_str().unwrap_or_default();
                assert!(
                    !new_only.contains(&class),
                    "{}: class {class} did not exist before 2025",
                    c.key
                );
            }
        }
        for record in value["warehouse"].as_array().into_iter().flatten() {
            if record["kind"] == "judicial_record"
                && record["issued_on"]
                    .as_str()
                    .is_some_and(|d| d >= "2025-03-01")
            {
                let issuer = record["issuer"].as_str().unwrap_or_default();
                assert!(
                    issuer.starts_with("Công an"),
                    "{}: since 1 March 2025 the police issue judicial records, not {issuer}",
                    c.key
                );
            }
        }
    }
}

#[test]
fn a_lost_or_damaged_passport_and_a_reduced_judicial_record_cost_what_their_case_costs() {
    let passport = procedure("1.001456");
    for (case, fee) in [
        ("none", 160_000),
        ("expired", 160_000),
        ("lost", 320_000),
        ("damaged", 320_000),
    ] {
        let answers = answers(&[("previous_passport", case)]);
        assert_eq!(passport.fees.online_for(&answers), fee, "{case}");
    }
    let record = procedure("3.000333");
    for (case, fee) in [("none", 200_000), ("student", 100_000), ("exempt", 0)] {
        let answers = answers(&[("fee_reduction", case)]);
        assert_eq!(record.fees.online_for(&answers), fee, "{case}");
    }
}
