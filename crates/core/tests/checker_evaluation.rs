//! The checker against the labelled set: the figures an agency can hold it to.
#![cfg(feature = "checker")]

use motlan_core::checker::evaluation::{Evaluation, read_labelled};
use motlan_core::checker::{Class, RuleSet};

const SET: &str = include_str!("data/checker-labelled.jsonl");

#[test]
fn the_labelled_set_is_large_varied_and_explained() {
    let set = read_labelled(SET).unwrap();
    assert!(set.len() >= 400, "{} items", set.len());
    let ministries: std::collections::BTreeSet<&str> =
        set.iter().map(|l| l.ministry.as_str()).collect();
    assert_eq!(ministries.len(), 7, "{ministries:?}");
    for l in &set {
        assert_eq!(l.class == Class::Reusable, l.source.is_some(), "{}", l.text);
        assert!(!l.code.is_empty() && !l.procedure.is_empty());
    }
    assert!(set.iter().filter(|l| l.sample == "random").count() >= 300);
}

#[test]
fn reusable_is_precise_and_foreign_papers_and_photos_never_are() {
    let set = read_labelled(SET).unwrap();
    let rules = RuleSet::builtin();
    let eval = Evaluation::run(&rules, &set);
    println!("{}", eval.to_markdown());
    for m in eval
        .misses
        .iter()
        .filter(|m| m.expected == Class::Reusable || m.got == Class::Reusable)
    {
        println!(
            "reusable miss: {:?} → {:?} ({:?}): {}",
            m.expected, m.got, m.rule, set[m.index].text
        );
    }
    let describe = || {
        let misses: Vec<String> = eval
            .misses
            .iter()
            .map(|m| {
                format!(
                    "  {} → {} ({:?}) [{:.50}]: {:.260}",
                    m.expected.as_str(),
                    m.got.as_str(),
                    m.rule,
                    set[m.index].procedure,
                    set[m.index].text
                )
            })
            .collect();
        format!("{}\n{}", eval.to_markdown(), misses.join("\n"))
    };
    assert!(
        eval.precision(Class::Reusable) >= 0.97,
        "precision of reusable\n{}",
        describe()
    );
    assert!(
        eval.recall(Class::Reusable) >= 0.90,
        "recall of reusable\n{}",
        describe()
    );
    assert_eq!(eval.wrong_source, 0, "{}", describe());
    for l in &set {
        let folded = motlan_core::text::fold(&l.text);
        let foreign = ["nuoc ngoai", "lanh su", "ban dich", "anh mau", "anh chup"]
            .iter()
            .any(|w| folded.contains(w));
        // Zero tolerance, beyond the precision floor: no paper from abroad, no translation, no
        // photo is ever called reusable (a Vietnamese paper that merely mentions "abroad" may be).
        if foreign && l.class != Class::Reusable {
            let v = rules.classify_in(&l.text, &l.procedure);
            assert_ne!(v.class, Class::Reusable, "{}", l.text);
        }
    }
}
