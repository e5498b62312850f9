//! Arabic out of PDFs in logical order (tests/fixtures/arabic/: the same
//! lines drawn in visual order with presentation forms, as many UN PDFs
//! store them, and in logical order placed right to left; made by
//! make_arabic_fixtures.py).

use dossier_core::extract::extract_layout_file;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/arabic")
        .join(name)
}

fn expected() -> Vec<String> {
    std::fs::read_to_string(fixture("lines.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn lines_of(pdf: &str) -> Vec<String> {
    let layout = extract_layout_file(&fixture(pdf)).unwrap();
    layout
        .blocks()
        .map(|(_, b)| b.text.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn visual_order_pdf_reads_in_logical_order() {
    assert_eq!(lines_of("visual.pdf"), expected());
}

#[test]
fn logical_order_pdf_reads_the_same() {
    assert_eq!(lines_of("logical.pdf"), expected());
}

#[test]
fn no_presentation_forms_and_digits_and_symbols_in_order() {
    let lines = lines_of("visual.pdf");
    let all = lines.join("\n");
    assert!(
        !all.chars()
            .any(|c| matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFE)),
        "presentation forms left: {all}"
    );
    let dated = lines.iter().find(|l| l.contains("جنيف")).unwrap();
    assert!(
        dated.contains(" 5/1 ") && dated.contains("2025،"),
        "{dated}"
    );
    let symbol = lines.iter().find(|l| l.contains("A/HRC")).unwrap();
    assert!(symbol.contains("A/HRC/59/60 (مذكرة"), "{symbol}");
    // An English line is left as it is.
    assert!(lines.contains(&"Human Rights Council".to_string()));
    // The document reads as Arabic.
    let doc =
        dossier_core::parse::parse_layout(&extract_layout_file(&fixture("visual.pdf")).unwrap());
    assert_eq!(doc.language, "ar");
}
