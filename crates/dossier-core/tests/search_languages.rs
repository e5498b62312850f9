//! Search in the six UN languages: stemming, folding, Arabic normalisation,
//! the language filter, and recall against a scan of whole words and phrases.
//!
//! The French and Spanish passages are paragraphs of real documents of the
//! corpus (A/HRC/WG.6/7/ITA/1 in French, A/RES/48/246 in Spanish, through
//! `pdftotext`); the Russian and Arabic ones are UN-style paragraphs written
//! for these tests (`tests/fixtures/search/`). Documents are indexed directly
//! (one passage per paragraph), so these tests do not depend on the parser.

use dossier_core::model::DocumentKind;
use dossier_core::search::analysis::fold_str;
use dossier_core::search::passages::{Location, Passage, PassageKind};
use dossier_core::search::{
    HitDocument, IndexedDocument, MemorySource, SearchHit, SearchIndex, SearchRequest,
};
use std::collections::BTreeSet;
use std::path::Path;

fn fixture(name: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/search")
        .join(name);
    std::fs::read_to_string(p).unwrap()
}

/// Paragraphs separated by blank lines.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

const ENGLISH: &str = "1. The Working Group held its negotiations on the draft convention in \
Vienna. The meeting was opened by the Chair, who recalled that the negotiation mandate \
expires at the end of the year.\n\n2. Several speakers stressed the importance of \
international cooperation in asset recovery and technical assistance to developing \
countries, and of the meetings held between sessions.";

const CHINESE: &str =
    "缔约国会议第十届会议将审议资产追回问题。\n\n工作组建议秘书处继续收集关于实益所有权的信息。";

/// Written for these tests, in the style of the Spanish corpus document.
const SPANISH_EXTRA: &str = "La reunión de la Quinta Comisión examinó las negociaciones \
sobre la financiación de la Misión.";

/// Written for these tests: "négociation" does not occur in the French document.
const FRENCH_EXTRA: &str = "Le Comité a poursuivi la négociation du projet de convention.";

/// An English paragraph quoted in a French document: long enough to be told apart.
const ENGLISH_IN_FRENCH: &str = "The General Assembly requested the Secretary-General to \
report on the meetings of the Working Group and on the implementation of its \
recommendations, and decided to include the item in the provisional agenda of its \
next session.";

/// Written for these tests: plain alef where the fixture has hamza.
const ARABIC_PLAIN_ALEF: &str = "واعتمدت الامم المتحدة الاتفاقية في عام 2003.";

struct Library {
    _dir: tempfile::TempDir,
    index: SearchIndex,
    source: MemorySource,
    /// (document, language, paragraph texts)
    docs: Vec<(u32, &'static str, Vec<String>)>,
}

fn library() -> Library {
    let mut docs: Vec<(u32, &'static str, Vec<String>)> = vec![
        (1, "en", paragraphs(ENGLISH)),
        (2, "zh", paragraphs(CHINESE)),
        (3, "fr", paragraphs(&fixture("fr.txt"))),
        (4, "es", paragraphs(&fixture("es.txt"))),
        (5, "ru", paragraphs(&fixture("ru.txt"))),
        (6, "ar", paragraphs(&fixture("ar.txt"))),
    ];
    docs[2].2.push(FRENCH_EXTRA.into());
    docs[2].2.push(ENGLISH_IN_FRENCH.into());
    docs[3].2.push(SPANISH_EXTRA.into());
    docs[5].2.push(ARABIC_PLAIN_ALEF.into());
    let dir = tempfile::tempdir().unwrap();
    let index = SearchIndex::open(dir.path()).unwrap();
    let indexed: Vec<IndexedDocument> = docs
        .iter()
        .map(|(id, lang, paras)| IndexedDocument {
            id: *id,
            language: lang,
            kind: DocumentKind::Other,
            body: None,
            year: None,
            passages: paras
                .iter()
                .enumerate()
                .map(|(i, t)| Passage {
                    kind: PassageKind::Paragraph,
                    location: Location {
                        paragraph: Some(i as u32),
                        ..Location::default()
                    },
                    ord: i as u32,
                    heading: String::new(),
                    text: t.clone(),
                })
                .collect(),
        })
        .collect();
    index.replace_documents(&[], &indexed, 1).unwrap();
    let mut source = MemorySource::default();
    for d in &indexed {
        source.add(
            HitDocument {
                id: d.id,
                symbol: None,
                title: String::new(),
                language: d.language.to_string(),
                kind: DocumentKind::Other,
                file: String::new(),
            },
            &d.passages,
        );
    }
    Library {
        _dir: dir,
        index,
        source,
        docs,
    }
}

impl Library {
    fn search_in(&self, q: &str, language: Option<&str>) -> Vec<SearchHit> {
        self.index
            .search(
                &SearchRequest {
                    query: q.into(),
                    language: language.map(str::to_string),
                    limit: Some(10_000),
                    ..Default::default()
                },
                &mut &self.source,
            )
            .unwrap()
    }

    fn search(&self, q: &str) -> Vec<SearchHit> {
        self.search_in(q, None)
    }
}

/// The marked pieces of every hit in a document's language.
fn marked(hits: &[SearchHit], language: &str) -> BTreeSet<String> {
    hits.iter()
        .filter(|h| h.document.language == language)
        .flat_map(|h| h.segments.iter().filter(|s| s.hit).map(|s| s.text.clone()))
        .collect()
}

/// Each query must find and mark each of the words (in that language's
/// documents): inflections, unaccented and unnormalised forms.
#[test]
fn every_language_finds_other_forms_of_a_word_and_marks_them() {
    let lib = library();
    let cases: &[(&str, &str, &[&str])] = &[
        // Stemming.
        ("en", "negotiation", &["negotiations", "negotiation"]),
        ("en", "meeting", &["meeting", "meetings"]),
        ("fr", "négociations", &["négociation"]),
        ("fr", "réunions", &["réunion"]),
        ("es", "resoluciones", &["resolución", "resoluciones"]),
        ("es", "negociación", &["negociaciones"]),
        (
            "ru",
            "переговоров",
            &["переговоры", "переговорам", "переговоров"],
        ),
        ("ru", "переговоры", &["переговоров"]),
        ("ar", "المفاوضات", &["المفاوضات", "مفاوضات"]),
        ("ar", "مفاوضات", &["المفاوضات"]),
        // Case and accent folding.
        ("fr", "ecole", &["école", "écoles"]),
        ("fr", "ECOLES", &["école"]),
        ("fr", "reunion", &["réunion"]),
        ("es", "reunion", &["reunión"]),
        ("es", "financiacion", &["financiación"]),
        ("es", "mision", &["Misión"]),
        // Arabic: hamza on alef either way, tatweel, harakat, digits.
        ("ar", "الأمم", &["الامم", "الأمم"]),
        ("ar", "الامم", &["الأمم"]),
        ("ar", "الفساد", &["الفساد", "الفســاد"]),
        ("ar", "تعد", &["تُعِدَّ"]),
        ("ar", "المُفاوَضات", &["المفاوضات"]),
        ("ar", "2025", &["٢٠٢٥"]),
        ("ar", "مؤتمر", &["مؤتمر"]),
        // Chinese as before.
        ("zh", "资产追回", &["资产追回"]),
        ("zh", "受益所有权", &["实益所有权"]),
    ];
    let mut failures = Vec::new();
    for (lang, q, words) in cases {
        let got = marked(&lib.search(q), lang);
        for w in *words {
            if !got.contains(*w) {
                failures.push(format!("{lang} {q:?} should mark {w:?}; marked {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_phrase_of_stems_is_found_and_marked_whole() {
    let lib = library();
    let got = marked(&lib.search("\"la financiacion de la Mision\""), "es");
    assert!(got.contains("la financiación de la Misión"), "{got:?}");
    let got = marked(&lib.search("\"Специальный комитет\""), "ru");
    assert!(got.contains("Специальный комитет"), "{got:?}");
    let got = marked(&lib.search("\"الدول الأطراف\""), "ar");
    assert!(got.contains("الدول الأطراف"), "{got:?}");
    // Never across punctuation ("La Asamblea General, Habiendo examinado"),
    // nor words that are not next to each other.
    assert!(!lib.search("\"Asamblea General\"").is_empty());
    assert!(lib.search("\"General Habiendo\"").is_empty());
    assert!(lib.search("\"Misión Haití\"").is_empty());
}

/// A French query finds French passages; a Latin query keeps its English
/// results, also inside a French document.
#[test]
fn latin_queries_find_every_latin_language() {
    let lib = library();
    let hits = lib.search("meetings");
    let langs: BTreeSet<&str> = hits.iter().map(|h| h.document.language.as_str()).collect();
    assert!(langs.contains("en"), "{hits:#?}");
    // The English paragraph of the French document is stemmed as English:
    // "meetings" finds its "meetings", "recommendation" its "recommendations".
    assert!(marked(&hits, "fr").contains("meetings"), "{hits:#?}");
    assert!(marked(&lib.search("recommendation"), "fr").contains("recommendations"));
    // The French words of that document are French.
    assert!(!lib.search("droits").is_empty());
    assert!(marked(&lib.search("droit"), "fr").contains("droits"));
}

#[test]
fn the_language_filter_offers_all_six() {
    let lib = library();
    for (lang, q) in [
        ("en", "negotiation"),
        ("zh", "资产追回"),
        ("fr", "école"),
        ("es", "Misión"),
        ("ru", "переговоры"),
        ("ar", "المفاوضات"),
    ] {
        let hits = lib.search_in(q, Some(lang));
        assert!(!hits.is_empty(), "{lang}: {q}");
        assert!(hits.iter().all(|h| h.document.language == lang), "{lang}");
    }
    // Latin numbers occur in several languages; the filter keeps one.
    let all = lib.search("2003");
    let ru = lib.search_in("2003", Some("ru"));
    assert!(all.len() > ru.len() && !ru.is_empty());
    assert!(ru.iter().all(|h| h.document.language == "ru"));
}

/// Whether `needle` occurs in `hay` as whole words (both folded).
fn contains_words(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = start + needle.chars().next().unwrap().len_utf8();
    }
    false
}

/// Random words and phrases of 1–3 words (consecutive words separated by one
/// space) of each language's passages: the index finds every passage that a
/// scan of the folded texts finds holding them as whole words, and every hit
/// marks something.
#[test]
fn recall_of_words_and_phrases_matches_a_scan_in_every_language() {
    let lib = library();
    let corpus: Vec<(u32, u32, String)> = lib
        .docs
        .iter()
        .flat_map(|(id, _, paras)| {
            paras
                .iter()
                .enumerate()
                .map(|(i, p)| (*id, i as u32, fold_str(p)))
        })
        .collect();
    let mut rng = fastrand::Rng::with_seed(0x5eed);
    let mut next = || rng.usize(..);
    let mut report = Vec::new();
    for (_, lang, paras) in &lib.docs {
        if *lang == "zh" {
            continue; // tests/library.rs::chinese_substring_recall_matches_a_scan
        }
        // Runs of words joined by single spaces, as written.
        let runs: Vec<Vec<&str>> = paras
            .iter()
            .flat_map(|p| {
                p.split(|c: char| !(c.is_alphanumeric() || c == ' ' || is_mark(c)))
                    .map(|r| r.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>())
                    .filter(|r| !r.is_empty())
                    .collect::<Vec<_>>()
            })
            .collect();
        let (mut expected_total, mut found_total) = (0usize, 0usize);
        for _ in 0..150 {
            let run = &runs[next() % runs.len()];
            let len = (1 + next() % 3).min(run.len());
            let start = next() % (run.len() - len + 1);
            let q = run[start..start + len].join(" ");
            let folded = fold_str(&q);
            let expected: BTreeSet<(u32, u32)> = corpus
                .iter()
                .filter(|(_, _, t)| contains_words(t, &folded))
                .map(|(d, p, _)| (*d, *p))
                .collect();
            assert!(!expected.is_empty(), "{q}");
            let hits = lib.search(&format!("\"{q}\""));
            for h in &hits {
                assert!(h.segments.iter().any(|s| s.hit), "{q}: {h:#?}");
            }
            let found: BTreeSet<(u32, u32)> = hits
                .iter()
                .map(|h| (h.document.id, h.location.paragraph.unwrap()))
                .collect();
            let missed: Vec<_> = expected.difference(&found).collect();
            assert!(missed.is_empty(), "{lang} {q:?}: missed {missed:?}");
            expected_total += expected.len();
            found_total += expected.intersection(&found).count();
        }
        report.push(format!("{lang} {found_total}/{expected_total}"));
    }
    eprintln!("word and phrase recall: {}", report.join(", "));
}

/// Combining marks written on a letter belong to its word.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x0640)
}
