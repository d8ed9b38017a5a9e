//! First registration of a vehicle made in Viet Nam (1.012575): the fee follows the vehicle, its
//! value and where the owner lives (Thông tư 60/2023/TT-BTC), and the vehicle's papers are read
//! from the sector databases that hold them, never uploaded.

use crate::Procedure;
use crate::kinds::{DataSource, PaperKind};
use crate::reuse::{Resolution, resolve};
use crate::sandbox::citizen;
use crate::test_support::{answers, procedure};

fn registration() -> Procedure {
    procedure("1.012575")
}

#[test]
fn the_fee_follows_the_vehicle_its_value_and_the_owners_area() {
    let p = registration();
    let fee = |kind: &str, value: &str, province: &str| {
        let given = answers(&[
            ("vehicle.kind", kind),
            ("vehicle.value", value),
            ("owner.permanent_address.province", province),
        ]);
        p.fees.online_for(&given)
    };
    // Area I: Hà Nội (1) and Hồ Chí Minh City (79).
    assert_eq!(fee("motorbike", "up_to_15m", "1"), 1_000_000);
    assert_eq!(fee("motorbike", "15m_40m", "79"), 2_000_000);
    assert_eq!(fee("motorbike", "over_40m", "1"), 4_000_000);
    assert_eq!(fee("car", "", "79"), 20_000_000);
    assert_eq!(fee("other_motor_vehicle", "", "1"), 500_000);
    // Area II: the other centrally-run cities (Hải Phòng, Huế, Đà Nẵng, Cần Thơ).
    assert_eq!(fee("motorbike", "up_to_15m", "31"), 200_000);
    assert_eq!(fee("motorbike", "15m_40m", "46"), 400_000);
    assert_eq!(fee("motorbike", "over_40m", "48"), 800_000);
    assert_eq!(fee("car", "", "92"), 1_000_000);
    assert_eq!(fee("other_motor_vehicle", "", "92"), 150_000);
    // Elsewhere (Điện Biên 11, Đắk Lắk 66).
    for value in ["up_to_15m", "15m_40m", "over_40m"] {
        assert_eq!(fee("motorbike", value, "11"), 150_000, "{value}");
    }
    assert_eq!(fee("car", "", "66"), 200_000);
    assert_eq!(fee("other_motor_vehicle", "", "66"), 150_000);
    // The value is asked for motorbikes only.
    let value = p
        .pages
        .iter()
        .flat_map(|page| &page.questions)
        .find(|q| q.id == "vehicle.value")
        .unwrap();
    assert!(crate::form::applies(
        value.when.as_ref(),
        &answers(&[("vehicle.kind", "motorbike")])
    ));
    assert!(!crate::form::applies(
        value.when.as_ref(),
        &answers(&[("vehicle.kind", "car")])
    ));
}

#[test]
fn a_buyer_whose_papers_the_sector_databases_hold_uploads_nothing() {
    let p = registration();
    let minh = citizen("minh").unwrap().data;
    let case = answers(&[("vehicle.kind", "motorbike"), ("plate.kept", "no")]);
    let statuses = resolve(&p, &case, Some(&minh));
    for (document, kind) in [
        ("quality_slip", PaperKind::VehicleQualitySlip),
        ("invoice", PaperKind::EInvoice),
        ("registration_tax", PaperKind::RegistrationTax),
    ] {
        let status = statuses.iter().find(|s| s.document == document).unwrap();
        match &status.resolution {
            Resolution::Held {
                source,
                record,
                title,
                basis,
                ..
            } => {
                assert_eq!((*source, *record), (DataSource::SectorDb, kind));
                assert!(title.vi.contains("Honda Vision"), "{}", title.vi);
                assert_eq!(basis, "79/2024/TT-BCA");
            }
            other => panic!("{document}: {other:?}"),
        }
    }
    assert!(statuses.iter().all(|s| !s.must_upload()), "{statuses:?}");
    // Someone whose vehicle the databases do not know uploads the three papers.
    let huy = citizen("huy").unwrap().data;
    let uploads: Vec<_> = resolve(&p, &case, Some(&huy))
        .into_iter()
        .filter(|s| s.must_upload())
        .map(|s| s.document)
        .collect();
    assert_eq!(uploads, ["quality_slip", "invoice", "registration_tax"]);
}
