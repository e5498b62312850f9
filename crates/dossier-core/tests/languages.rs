//! Language detection measured on real passages of the six UN languages
//! (tests/fixtures/languages/: one passage per line; French, Spanish and
//! English from the real documents of the corpus, Arabic, Russian and Chinese
//! written in the UN's usage). Prints the accuracy per language, and fails
//! when a language falls below what was measured.

use dossier_core::parse::language::{detect_language, detect_passage, UN_LANGUAGES};

fn passages(lang: &str) -> Vec<String> {
    let path = format!(
        "{}/tests/fixtures/languages/{lang}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn each_passage_in_its_language() {
    let mut failures = Vec::new();
    let mut report = Vec::new();
    for lang in UN_LANGUAGES {
        let all = passages(lang);
        assert!(all.len() >= 20, "{lang}: only {} passages", all.len());
        let short: Vec<&String> = all
            .iter()
            .filter(|p| p.split_whitespace().count() <= 10)
            .collect();
        let mut right = 0;
        let mut short_right = 0;
        for p in &all {
            let got = detect_passage(p);
            if got == Some(lang) {
                right += 1;
                if short.contains(&p) {
                    short_right += 1;
                }
            } else {
                failures.push(format!("{lang} taken for {got:?}: {p}"));
            }
        }
        report.push(format!(
            "{lang}: {right}/{} = {:.1}% (passages of at most 10 words: {short_right}/{})",
            all.len(),
            100.0 * right as f64 / all.len() as f64,
            short.len()
        ));
    }
    println!("{}", report.join("\n"));
    for f in &failures {
        println!("  {f}");
    }
    // At most one miss in 25 per language, and none among long passages.
    let total: usize = UN_LANGUAGES.iter().map(|l| passages(l).len()).sum();
    assert!(
        failures.len() * 100 <= total * 2,
        "{} misses of {total}:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for lang in UN_LANGUAGES {
        let misses = failures.iter().filter(|f| f.starts_with(lang)).count();
        assert!(
            misses * 25 <= passages(lang).len(),
            "{lang}: {misses} misses"
        );
    }
    for f in &failures {
        let text = f.split_once(": ").unwrap().1;
        assert!(
            text.split_whitespace().count() <= 10,
            "a long passage missed: {f}"
        );
    }
}

#[test]
fn each_document_in_its_language_despite_an_english_masthead() {
    let masthead = "United Nations\nA/HRC/WG.6/7/ITA/1\n\nGeneral Assembly\nDistr.: General\n16 November 2009\n\nOriginal: English\n\nHuman Rights Council\nWorking Group on the Universal Periodic Review\nSeventh session\nGeneva, 8-19 February 2010\n\n";
    for lang in UN_LANGUAGES {
        // The document's body: its first few passages, as paragraphs.
        let body = passages(lang)[10..16].join("\n\n");
        let doc = format!("{masthead}{body}");
        assert_eq!(detect_language(&doc), lang, "{doc}");
    }
}

#[test]
fn decomposed_accents_reach_the_model_composed() {
    // A French agenda whose accents are combining marks (e + U+0301), as
    // some PDF text layers and macOS tools write them.
    let raw = "Nations Unies\n\nConseil e\u{301}conomique et social\n\nOrdre du jour provisoire\n\n1. Ouverture de la session.\n\n2. E\u{301}lection du Bureau.\n\n3. Adoption de l\u{2019}ordre du jour et organisation des travaux.\n";
    let doc = dossier_core::parse::parse_text(raw);
    let json = serde_json::to_string(&doc).unwrap();
    assert_eq!(doc.agenda[1].title, "Élection du Bureau");
    assert!(
        !json.chars().any(|c| ('\u{300}'..='\u{36F}').contains(&c)),
        "a combining mark reached the model: {json}"
    );
    assert_eq!(doc.language, "fr");
}
