//! Reading what the user typed into clauses the index can answer.
//!
//! - Words separated by spaces must all occur (AND), in any order.
//! - "Quoted text" must occur as written, as one phrase: no synonym stands in for it.
//! - A Chinese term is a fragment: it matches inside longer runs of characters.
//! - A symbol or fragment of one ("WG.2/2024") is a phrase of its parts.
//! - A term with synonyms (see `synonyms`) matches any of them.
//! - The query's language is not guessed (one or two words do not tell
//!   French from English): a term is analysed as each Latin language would
//!   analyse it (see `analysis::Latin`), and each form is matched against the
//!   passages analysed that way, so a verbatim phrase is always found and a
//!   French word finds its French inflections. Cyrillic, Arabic and CJK terms
//!   have one analysis whatever the passage.

use super::analysis::{fold_str, query_terms, Latin};
use super::synonyms;
use unicode_normalization::UnicodeNormalization;

/// One thing the passage must contain, in any of its forms.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// What the user typed for this clause.
    pub text: String,
    /// Each form as its sequence of gram terms; a passage must contain one
    /// of the forms of its Latin language.
    pub forms: Vec<Form>,
}

/// One way a clause can occur: its terms, and the Latin languages whose
/// passages it applies to (the analyses that give these terms).
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub terms: Vec<String>,
    pub latin: Vec<Latin>,
}

impl Form {
    pub fn applies_to(&self, latin: Latin) -> bool {
        self.latin.contains(&latin)
    }
}

/// Splits a query into clauses. Empty clauses (punctuation only) are dropped.
pub fn parse(query: &str) -> Vec<Clause> {
    let query: String = query.nfc().collect();
    // Each clause as typed, and whether it was quoted.
    let mut raw: Vec<(String, bool)> = Vec::new();
    let mut rest = query.trim();
    while !rest.is_empty() {
        let open = rest.find(['"', '“', '「']);
        match open {
            Some(0) => {
                let first = rest.chars().next().unwrap();
                let close_chars: &[char] = match first {
                    '“' => &['”', '"'],
                    '「' => &['」'],
                    _ => &['"', '”'],
                };
                let inner = &rest[first.len_utf8()..];
                match inner.find(close_chars) {
                    Some(end) => {
                        raw.push((inner[..end].to_string(), true));
                        let close_len = inner[end..].chars().next().unwrap().len_utf8();
                        rest = inner[end + close_len..].trim_start();
                    }
                    None => {
                        raw.push((inner.to_string(), true));
                        rest = "";
                    }
                }
            }
            Some(i) => {
                raw.extend(rest[..i].split_whitespace().map(|w| (w.to_string(), false)));
                rest = &rest[i..];
            }
            None => {
                raw.extend(rest.split_whitespace().map(|w| (w.to_string(), false)));
                rest = "";
            }
        }
    }
    let mut clauses: Vec<Clause> = Vec::new();
    for (text, quoted) in raw {
        let folded = fold_str(text.trim());
        let mut forms: Vec<Form> = Vec::new();
        let mut alternatives = if quoted {
            vec![folded]
        } else {
            synonyms::expand(&folded)
        };
        // The term itself as typed: its accents choose its stem.
        alternatives[0] = text.trim().to_string();
        for alt in &alternatives {
            for latin in Latin::ALL {
                let terms = query_terms(alt, latin);
                if terms.is_empty() {
                    continue;
                }
                match forms.iter_mut().find(|f| f.terms == terms) {
                    Some(f) if !f.latin.contains(&latin) => f.latin.push(latin),
                    Some(_) => {}
                    None => forms.push(Form {
                        terms,
                        latin: vec![latin],
                    }),
                }
            }
        }
        if !forms.is_empty() && !clauses.iter().any(|c| c.forms == forms) {
            clauses.push(Clause { text, forms });
        }
    }
    clauses
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_make_one_phrase_and_spaces_separate_terms() {
        let c = parse(r#"asset "beneficial owners" 2024"#);
        assert_eq!(c.len(), 3);
        assert_eq!(c[1].forms[0].terms, ["benefici", "owner"]);
        assert_eq!(c[1].forms[0].latin, [Latin::English]);
        let c = parse("“资产 追回”");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].forms.len(), 1);
        assert_eq!(c[0].forms[0].terms, ["资产", "产追", "追回"]);
        assert_eq!(c[0].forms[0].latin, Latin::ALL);
    }

    #[test]
    fn synonyms_expand_and_symbols_split() {
        let c = parse("实益所有权");
        // Two Chinese forms (every language), "beneficial ownership" as
        // English stems it and as French and Spanish do (alike).
        assert_eq!(c[0].forms.len(), 4, "{:?}", c[0].forms);
        assert_eq!(c[0].forms[2].terms, ["benefici", "ownership"]);
        assert_eq!(c[0].forms[3].latin, [Latin::French, Latin::Spanish]);
        assert_eq!(c[0].forms[1].terms, ["受益", "益所", "所有", "有权"]);
        assert_eq!(parse("WG.2/2024")[0].forms[0].terms, ["wg", "2", "2024"]);
        assert!(parse("，。").is_empty());
    }

    #[test]
    fn quoted_text_is_found_as_written_without_its_synonyms() {
        // "资产追回" unquoted also finds "追回资产" and "asset recovery".
        assert!(parse("资产追回")[0].forms.len() > 1);
        let q = parse("\"资产追回\"");
        assert_eq!(q[0].forms.len(), 1, "{:?}", q[0].forms);
        assert_eq!(q[0].forms[0].terms, ["资产", "产追", "追回"]);
        assert_eq!(parse("\"实益所有权\"")[0].forms.len(), 1);
    }
}
