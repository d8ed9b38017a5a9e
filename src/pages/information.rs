//! A procedure of the national catalog without a form here: what it is, who handles it, ways to
//! file with times and fees, and its documents in three groups: not needed (the State holds
//! them, or they were abolished), to prepare, and to check. The way to file is the national
//! portal's page for its code.

use std::rc::Rc;

use motlan_core::api::{Class, ClassifiedDocument, ProcedureInformation};
use yew::prelude::*;

use crate::i18n::Strings;
use crate::state::prefs::use_prefs;

#[derive(Debug, PartialEq, Properties)]
pub struct InformationProps {
    pub info: Rc<ProcedureInformation>,
}

#[function_component(InformationView)]
pub fn information_view(props: &InformationProps) -> Html {
    let prefs = use_prefs();
    let (t, lang) = (prefs.t(), prefs.lang());
    let c = t.c;
    let info = &props.info;
    let of = |class: Class| -> Vec<&ClassifiedDocument> {
        info.documents.iter().filter(|d| d.class == class).collect()
    };
    let held: Vec<&ClassifiedDocument> = info
        .documents
        .iter()
        .filter(|d| d.class.not_to_request())
        .collect();
    let (upload, unclear, notes) = (
        of(Class::Upload),
        of(Class::Unclear),
        of(Class::NotADocument),
    );
    let row =
        |label: &str, value: String| {
            (!value.is_empty()).then(|| html! {
            <div class="summary-list__row"><dt>{ label }</dt><dd lang="vi">{ value }</dd></div>
        })
        };
    html! {
        <>
            <h1 lang="vi">{ info.name.get(lang) }</h1>
            <p><span class="tag">{ c.information_tag }</span></p>
            <dl class="summary-list">
                { row(t.authority, info.ministry_name.as_ref().map(|m| m.get(lang).to_owned()).unwrap_or_default()) }
                { row(c.who_handles, info.levels.join(", ")) }
                { row(c.field, info.field.clone().unwrap_or_default()) }
                { row(c.who_may_file, info.audiences.join(", ")) }
            </dl>
            <p>{ c.no_form_here }</p>
            if let Some(url) = &info.portal_url {
                <p class="submit">
                    <a class="button button--start" href={url.clone()} target="_blank" rel="noopener noreferrer">
                        { c.portal_link }<span class="visually-hidden">{ " " }{ c.new_tab }</span>
                    </a>
                </p>
            }
            { ways_view(info, t) }
            if !held.is_empty() {
                <section aria-labelledby="held-heading" class="documents documents--held">
                    <h2 id="held-heading">{ c.not_needed_heading }</h2>
                    <p class="warning-text">{ (c.still_listed)(held.len()) }</p>
                    <p>{ c.not_needed_lead }</p>
                    <ul class="document-list">{ for held.iter().map(|d| held_item(d, t)) }</ul>
                </section>
            }
            if !upload.is_empty() {
                <section aria-labelledby="prepare-heading" class="documents">
                    <h2 id="prepare-heading">{ c.prepare_heading }</h2>
                    <ul class="document-list">{ for upload.iter().map(|d| html! { <li lang="vi">{ &d.text }</li> }) }</ul>
                </section>
            }
            if !unclear.is_empty() {
                <section aria-labelledby="review-heading" class="documents">
                    <h2 id="review-heading">{ c.review_heading }</h2>
                    <p>{ c.review_lead }</p>
                    <ul class="document-list">{ for unclear.iter().map(|d| html! { <li lang="vi">{ &d.text }</li> }) }</ul>
                </section>
            }
            if !notes.is_empty() {
                <details class="details documents">
                    <summary>{ c.notes_heading }{ format!(" ({})", notes.len()) }</summary>
                    <ul class="document-list">{ for notes.iter().map(|d| html! { <li lang="vi">{ &d.text }</li> }) }</ul>
                </details>
            }
            if !info.results.is_empty() {
                <h2>{ c.results_heading }</h2>
                <ul lang="vi">{ for info.results.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
            }
            if !info.legal_basis.is_empty() {
                <h2>{ c.legal_heading }</h2>
                <ul class="plain-list" lang="vi">
                    { for info.legal_basis.iter().map(|b| {
                        // The number first, as the portal's table has it, unless the title says it.
                        let text = if b.title.contains(&b.number) {
                            b.title.clone()
                        } else {
                            format!("{}: {}", b.number, b.title)
                        };
                        html! { <li>{ text }</li> }
                    }) }
                </ul>
            }
            <p class="hint">{ c.checker_note }</p>
        </>
    }
}

fn ways_view(info: &ProcedureInformation, t: &'static Strings) -> Html {
    let c = t.c;
    if info.ways.is_empty() {
        return html! {};
    }
    html! {
        <section aria-labelledby="ways-heading">
            <h2 id="ways-heading">{ c.ways_heading }</h2>
            <ul class="way-list">
                { for info.ways.iter().map(|w| html! {
                    <li class="way">
                        <strong>{ (c.channel)(w.channel) }</strong>
                        <dl class="way__facts">
                            <dt>{ c.time }</dt>
                            <dd lang="vi">{ w.time.clone().unwrap_or_else(|| c.no_information.to_owned()) }</dd>
                            <dt>{ c.fee }</dt>
                            <dd lang="vi">{ w.fee.clone().unwrap_or_else(|| c.no_information.to_owned()) }</dd>
                        </dl>
                        if let Some(note) = &w.note { <p class="hint" lang="vi">{ note }</p> }
                    </li>
                }) }
            </ul>
        </section>
    }
}

fn held_item(d: &ClassifiedDocument, t: &'static Strings) -> Html {
    let c = t.c;
    let status = match (d.class, d.source) {
        (Class::Abolished, _) => c.abolished.to_owned(),
        (_, Some(source)) => format!("{}: {}", c.held_in, (t.source_name)(source)),
        (_, None) => c.waived_online.to_owned(),
    };
    html! {
        <li class="document">
            <span lang="vi">{ &d.text }</span>
            <p class="document__held">
                <span class="tag tag--reused">{ status }</span>
                if let Some(basis) = &d.basis { { " — " }{ c.basis }{ ": " }<span lang="vi">{ basis }</span> }
            </p>
        </li>
    }
}
