//! Reading what the user typed into clauses the index can answer.
//!
//! - Words separated by spaces must all occur (AND), in any order.
//! - "Quoted text" must occur as written, as one phrase.
//! - A Chinese term is a fragment: it matches inside longer runs of characters.
//! - A symbol or fragment of one ("WG.2/2024") is a phrase of its parts.
//! - A term with synonyms (see `synonyms`) matches any of them.

use super::analysis::{fold_str, grams};
use super::synonyms;

/// One thing the passage must contain, in any of its forms.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// What the user typed for this clause.
    pub text: String,
    /// Each form as its sequence of gram terms; a passage must contain one.
    pub forms: Vec<Vec<String>>,
}

/// Splits a query into clauses. Empty clauses (punctuation only) are dropped.
pub fn parse(query: &str) -> Vec<Clause> {
    let mut raw: Vec<String> = Vec::new();
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
                        raw.push(inner[..end].to_string());
                        let close_len = inner[end..].chars().next().unwrap().len_utf8();
                        rest = inner[end + close_len..].trim_start();
                    }
                    None => {
                        raw.push(inner.to_string());
                        rest = "";
                    }
                }
            }
            Some(i) => {
                raw.extend(rest[..i].split_whitespace().map(str::to_string));
                rest = &rest[i..];
            }
            None => {
                raw.extend(rest.split_whitespace().map(str::to_string));
                rest = "";
            }
        }
    }
    let mut clauses: Vec<Clause> = Vec::new();
    for text in raw {
        let folded = fold_str(text.trim());
        let mut forms: Vec<Vec<String>> = Vec::new();
        for form in synonyms::expand(&folded) {
            let terms: Vec<String> = grams(&form).into_iter().map(|t| t.text).collect();
            if !terms.is_empty() && !forms.contains(&terms) {
                forms.push(terms);
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
        assert_eq!(c[1].forms[0], ["benefici", "owner"]);
        let c = parse("“资产 追回”");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].forms[0], ["资产", "产追", "追回"]);
    }

    #[test]
    fn synonyms_expand_and_symbols_split() {
        let c = parse("实益所有权");
        assert_eq!(c[0].forms.len(), 3);
        assert_eq!(c[0].forms[1], ["受益", "益所", "所有", "有权"]);
        assert_eq!(parse("WG.2/2024")[0].forms[0], ["wg", "2", "2024"]);
        assert!(parse("，。").is_empty());
    }
}
