//! VietQR: the EMVCo merchant-presented QR payload every Vietnamese banking app reads (NAPAS 247
//! "chuyển tiền nhanh"). A fee is paid by scanning it: the receiving unit's bank (BIN) and account,
//! the amount in đồng, and the dossier code as the payment reference, closed by a CRC-16/CCITT.

use std::fmt::Write as _;

/// The NAPAS application identifier of a VietQR merchant account.
pub const NAPAS_GUID: &str = "A000000727";
/// Transfer to an account (as opposed to a card).
pub const TO_ACCOUNT: &str = "QRIBFTTA";

/// Who receives the fee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payee {
    /// The bank's 6-digit BIN on the NAPAS network, e.g. `970436`.
    pub bin: String,
    /// The account number: 1 to 19 letters or digits.
    pub account: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VietQrError {
    #[error("the bank BIN has 6 digits")]
    Bin,
    #[error("the account number has 1 to 19 letters or digits")]
    Account,
    #[error("the payment reference has 1 to 25 characters A-Z, 0-9, '.', '-' or space")]
    Reference,
    #[error("the amount is at least 1 đồng")]
    Amount,
}

impl Payee {
    pub fn new(bin: &str, account: &str) -> Result<Self, VietQrError> {
        if bin.len() != 6 || !bin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(VietQrError::Bin);
        }
        if account.is_empty()
            || account.len() > 19
            || !account.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return Err(VietQrError::Account);
        }
        Ok(Self {
            bin: bin.to_owned(),
            account: account.to_owned(),
        })
    }
}

/// One EMVCo data object: id, two-digit length, value.
fn field(id: &str, value: &str) -> String {
    format!("{id}{:02}{value}", value.len())
}

/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as EMVCo QR codes close with.
pub fn crc16(data: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for byte in data {
        crc ^= u16::from(*byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// The payload for paying `amount` đồng to `payee` with `reference` (the dossier code).
pub fn payload(payee: &Payee, amount: u64, reference: &str) -> Result<String, VietQrError> {
    if amount == 0 {
        return Err(VietQrError::Amount);
    }
    if reference.is_empty()
        || reference.len() > 25
        || !reference.bytes().all(|b| {
            b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'.' | b'-' | b' ')
        })
    {
        return Err(VietQrError::Reference);
    }
    let beneficiary = field("00", &payee.bin) + &field("01", &payee.account);
    let account = field("00", NAPAS_GUID) + &field("01", &beneficiary) + &field("02", TO_ACCOUNT);
    let mut text = String::new();
    text += &field("00", "01");
    // Dynamic: the amount is set, the code serves one payment.
    text += &field("01", "12");
    text += &field("38", &account);
    text += &field("53", "704");
    text += &field("54", &amount.to_string());
    text += &field("58", "VN");
    text += &field("62", &field("08", reference));
    text += "6304";
    let crc = crc16(text.as_bytes());
    let _ = write!(text, "{crc:04X}");
    Ok(text)
}

/// Reads a payload's data objects (ids with values), checking lengths and the CRC.
pub fn decode(text: &str) -> Option<Vec<(String, String)>> {
    let (body, crc) = text.split_at(text.len().checked_sub(4)?);
    if !body.ends_with("6304") || u16::from_str_radix(crc, 16).ok()? != crc16(body.as_bytes()) {
        return None;
    }
    objects(body.strip_suffix("6304")?)
}

/// The data objects of a (sub-)template.
pub fn objects(mut text: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    while !text.is_empty() {
        let id = text.get(..2)?;
        let len: usize = text.get(2..4)?.parse().ok()?;
        let value = text.get(4..4 + len)?;
        out.push((id.to_owned(), value.to_owned()));
        text = &text[4 + len..];
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get<'a>(objects: &'a [(String, String)], id: &str) -> &'a str {
        objects
            .iter()
            .find(|(i, _)| i == id)
            .map_or("", |(_, v)| v.as_str())
    }

    #[test]
    fn the_crc_is_ccitt_false() {
        assert_eq!(crc16(b"123456789"), 0x29B1);
    }

    #[test]
    fn a_fee_payload_carries_the_bank_account_amount_and_dossier_code() {
        let payee = Payee::new("970436", "0011001234567").unwrap();
        let text = payload(&payee, 135_000, "000.00.20.H12-261130-0001").unwrap();
        let top = decode(&text).expect("well formed, CRC right");
        assert_eq!(get(&top, "00"), "01");
        assert_eq!(get(&top, "01"), "12");
        assert_eq!(get(&top, "53"), "704");
        assert_eq!(get(&top, "54"), "135000");
        assert_eq!(get(&top, "58"), "VN");
        let merchant = objects(get(&top, "38")).unwrap();
        assert_eq!(get(&merchant, "00"), NAPAS_GUID);
        assert_eq!(get(&merchant, "02"), TO_ACCOUNT);
        let beneficiary = objects(get(&merchant, "01")).unwrap();
        assert_eq!(get(&beneficiary, "00"), "970436");
        assert_eq!(get(&beneficiary, "01"), "0011001234567");
        let extra = objects(get(&top, "62")).unwrap();
        assert_eq!(get(&extra, "08"), "000.00.20.H12-261130-0001");
        // A changed character breaks the CRC.
        let tampered = text.replacen("135000", "935000", 1);
        assert!(decode(&tampered).is_none());
    }

    #[test]
    fn bad_payees_and_references_are_refused() {
        assert_eq!(Payee::new("97043", "1"), Err(VietQrError::Bin));
        assert_eq!(Payee::new("970436", ""), Err(VietQrError::Account));
        assert_eq!(
            Payee::new("970436", "12345678901234567890"),
            Err(VietQrError::Account)
        );
        let payee = Payee::new("970436", "1").unwrap();
        assert_eq!(payload(&payee, 0, "X"), Err(VietQrError::Amount));
        assert_eq!(payload(&payee, 1, "hồ sơ"), Err(VietQrError::Reference));
    }
}
