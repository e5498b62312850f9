//! Page furniture of real documents never reaches the text: the running
//! foot of Geneva pages ("GE.09-17088 | 5", standing at 89.7% of an A4
//! page) and the first page's job number printed without its language
//! letter ("GE.09-17087"). Reads `../shared/corpus/real`, beside the checkout.

use std::path::Path;

fn real(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/real")
        .join(name)
}

#[test]
fn job_numbers_and_running_feet_are_not_text() {
    for (name, job) in [
        ("A_HRC_WG.6_7_ITA_1_en.pdf", "09-1708"),
        ("A_HRC_WG.6_7_ITA_1_fr.pdf", "09-1708"),
        ("TD_B_43_6_en.pdf", "GE."),
        ("ICCD_COP8_CST_8_en.pdf", "GE."),
    ] {
        let doc = dossier_core::parse_file(&real(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let blocks: Vec<&str> = doc
            .paragraphs
            .iter()
            .chain(&doc.unnumbered)
            .map(|p| p.text.as_str())
            .collect();
        assert!(blocks.len() > 20, "{name}: {} text blocks", blocks.len());
        let leaked: Vec<&&str> = blocks
            .iter()
            .filter(|t| t.trim().starts_with(job) && t.chars().count() < 40)
            .collect();
        assert!(
            leaked.is_empty(),
            "{name}: furniture in the text: {leaked:?}"
        );
    }
}
