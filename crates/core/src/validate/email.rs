//! E-mail addresses: the shape people actually use (`name@domain.tld`), checked without trying
//! to implement every corner of RFC 5322. Stored trimmed, with the domain in lower case.

use crate::error::field_messages;

field_messages! {
    /// Why a text is not an e-mail address.
    EmailError {
        Format => "email.format",
            "Địa chỉ thư điện tử phải có dạng ten@vidu.vn.",
            "Enter an e-mail address in the form name@example.com.";
        TooLong => "email.too_long",
            "Địa chỉ thư điện tử dài quá 254 ký tự.",
            "An e-mail address is at most 254 characters long.";
    }
}

pub fn parse_email(text: &str) -> Result<String, EmailError> {
    let text = text.trim();
    if text.len() > 254 {
        return Err(EmailError::TooLong);
    }
    let (local, domain) = text.split_once('@').ok_or(EmailError::Format)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    if local_ok && domain_ok {
        Ok(format!("{local}@{}", domain.to_ascii_lowercase()))
    } else {
        Err(EmailError::Format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_pass_and_the_domain_is_lower_cased() {
        assert_eq!(
            parse_email(" Nguyen.Van-A+hoso@Gmail.COM "),
            Ok("Nguyen.Van-A+hoso@gmail.com".to_owned())
        );
        assert!(parse_email("lan@ubnd.hanoi.gov.vn").is_ok());
    }

    #[test]
    fn malformed_addresses_are_rejected() {
        for bad in [
            "",
            "lan",
            "lan@",
            "@gmail.com",
            "lan@gmail",
            "lan@@gmail.com",
            "lan @gmail.com",
            "lan@gmail..com",
            ".lan@gmail.com",
            "lan@-gmail.com",
            "lan@gmail.c0m",
            "lân@gmail.com",
        ] {
            assert_eq!(parse_email(bad), Err(EmailError::Format), "{bad}");
        }
        let long = format!("{}@gmail.com", "a".repeat(250));
        assert_eq!(parse_email(&long), Err(EmailError::TooLong));
    }
}
