//! The synonym list: terms that UN documents use for the same thing, so that
//! a query for one finds the others. Kept short and deliberate; every entry
//! is a pair a delegate would expect to be equivalent. The list is documented
//! in ARCHITECTURE.md ("Search").
//!
//! Entries are matched whole against a query term or quoted phrase (after
//! folding), and a hit is shown when it contains the term or any synonym.

/// Each group lists equivalent terms; the first is the preferred form.
pub const GROUPS: &[&[&str]] = &[
    // Beneficial ownership: the Chinese texts of UNCAC bodies use both.
    &["实益所有权", "受益所有权", "beneficial ownership"],
    &["实益所有人", "受益所有人", "beneficial owner"],
    // Asset recovery.
    &["资产追回", "追回资产", "asset recovery"],
    // Politically exposed persons.
    &[
        "政治公众人物",
        "政界公众人物",
        "politically exposed persons",
    ],
    // The Convention's Chinese short names.
    &["反腐败公约", "联合国反腐败公约", "UNCAC"],
];

/// The synonyms of a folded term, itself first; just the term when it has none.
pub fn expand(folded: &str) -> Vec<String> {
    for group in GROUPS {
        let folded_group: Vec<String> =
            group.iter().map(|t| super::analysis::fold_str(t)).collect();
        if folded_group.iter().any(|t| t == folded) {
            let mut out = vec![folded.to_string()];
            out.extend(folded_group.into_iter().filter(|t| t != folded));
            return out;
        }
    }
    vec![folded.to_string()]
}
