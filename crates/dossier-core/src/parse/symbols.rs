//! UN document symbols: `CAC/COSP/WG.2/2024/2`, `A/81/6 (Sect. 13)/Part A`,
//! `E/CN.15/2024/L.1/Add.1`.
//!
//! A symbol starts with an upper-case body code and has at least three
//! slash-separated parts, one of them a number. That keeps room names (B/M1),
//! resolution numbers (4/4) and EU directives (2014/42/EU) out.

use super::numerals::Numeral;
use regex::Regex;
use std::sync::LazyLock;

const SEG: &str = r#"(?x:
    # A number: "2019", "80", "1.2", "64 (Sect. 29)", "10(1)"
    [0-9]{1,4}(?:\.[0-9]{1,3})?(?:\s?\((?:Sect|Part|Vol|Chap)\.?\s?[0-9A-Z]{1,4}\)|\([0-9]{1,3}\))?
    # A numbered suffix: "Add.1", "Rev. 2", "CRP.3", "WP 1"
  | (?:Add|Rev|Corr|Amend|CRP|Misc|INF|WP|Sect|Part)\.?\s?[0-9]{1,3}
  | Part\s[A-Z]              # "Part I"
  | Summary
  | Suppl?\.\s?[0-9]{1,3}    # "Suppl. 7", "Sup.7"
    # A body's name: "COSP", "WG.2", "HRC", "AC.109", "L(1)"
  | [A-Z][A-Za-z]{0,9}(?:\([0-9]{1,3}\))?(?:\.[0-9A-Z]{1,3})*
)"#;

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^A-Za-z0-9/.])([A-Z]{{1,8}}(?:\.[0-9]{{1,3}})?(?:/{SEG}){{2,12}})"
    ))
    .unwrap()
});

/// "and Add.1-3", "和 Add.1", ", Rev.1" after a symbol.
static TRAILING_PARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:and|&|和|及|与|、|,|，)\s*((?:Add|Rev|Corr)\.)\s?([0-9]{1,3})(?:\s*(?:-|–|—|to|至)\s*([0-9]{1,3}))?").unwrap()
});
static RANGE_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:.*/)?(?:Add|Rev|Corr)\.)([0-9]{1,3})$").unwrap());
static RANGE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:-|–|—)\s*([0-9]{1,3})\b").unwrap());

/// A symbol found in text, with the byte range of its first mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub symbol: String,
    pub start: usize,
    pub end: usize,
}

/// Every symbol mentioned in `text`, in order, expanding "L.1 and Add.1-3"
/// into L.1, L.1/Add.1, L.1/Add.2 and L.1/Add.3.
/// Symbols printed with Arabic-Indic or full-width digits are found in ASCII
/// form, at their place in the original text.
pub fn find(text: &str) -> Vec<Found> {
    match super::numerals::ascii_with_offsets(text) {
        Some((folded, at)) => find_ascii(&folded)
            .into_iter()
            .map(|f| Found {
                start: at[f.start],
                end: at[f.end],
                ..f
            })
            .collect(),
        None => find_ascii(text),
    }
}

fn find_ascii(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for cap in SYMBOL.captures_iter(text) {
        let m = cap.get(1).unwrap();
        let mut sym = tidy(m.as_str());
        let mut end = m.start() + m.as_str().trim_end().len();
        if !is_plausible(&sym) {
            continue;
        }
        // Ranges written into the symbol itself: ".../Add.1-3".
        let mut extra: Vec<String> = Vec::new();
        if let (Some(rc), Some(after)) = (
            RANGE_SUFFIX.captures(&sym),
            RANGE_AFTER.captures(&text[end..]),
        ) {
            let (prefix, from) = (rc[1].to_string(), rc[2].num::<u32>().unwrap_or(0));
            let to = after[1].num::<u32>().unwrap_or(0);
            if to > from && to - from <= 20 {
                for n in from + 1..=to {
                    extra.push(format!("{prefix}{n}"));
                }
                end += after.get(0).unwrap().end();
            }
        }
        out.push(Found {
            symbol: sym.clone(),
            start: m.start(),
            end,
        });
        for e in extra {
            out.push(Found {
                symbol: e,
                start: m.start(),
                end,
            });
        }
        // "and Add.1-3" after the symbol names the base's addenda.
        let mut rest_at = end;
        while let Some(t) = TRAILING_PARTS.captures(&text[rest_at..]) {
            let kind = t[1].to_string();
            let from: u32 = t[2].num().unwrap_or(0);
            let to: u32 = t.get(3).and_then(|m| m.as_str().num().ok()).unwrap_or(from);
            let base = strip_part(&sym).to_string();
            for n in from..=to.min(from + 20) {
                out.push(Found {
                    symbol: format!("{base}/{kind}{n}"),
                    start: m.start(),
                    end: rest_at + t.get(0).unwrap().end(),
                });
            }
            rest_at += t.get(0).unwrap().end();
            sym = base;
        }
    }
    out
}

/// The symbol without a trailing /Add.N, /Rev.N or /Corr.N.
pub fn strip_part(sym: &str) -> &str {
    static PART: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"/(?:Add|Rev|Corr)\.[0-9]+$").unwrap());
    match PART.find(sym) {
        Some(m) => &sym[..m.start()],
        None => sym,
    }
}

/// The series a revision or correction belongs to: `X/Rev.1` and `X/Corr.2`
/// are new issues of `X`; addenda are documents of their own.
pub fn lineage(sym: &str) -> String {
    static REV: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:/(?:Rev|Corr)\.[0-9]+)+$").unwrap());
    REV.replace(sym, "").into_owned()
}

fn tidy(s: &str) -> String {
    let s = s.trim_end_matches(['.', ',', ';', ':']);
    // Collapse runs of white space inside "6 (Sect. 13)".
    let mut out = String::with_capacity(s.len());
    let mut prev_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
        } else {
            out.push(c);
            prev_space = false;
        }
    }
    out.trim().to_string()
}

fn is_plausible(sym: &str) -> bool {
    let parts: Vec<&str> = sym.split('/').collect();
    parts.len() >= 3
        && parts
            .iter()
            .skip(1)
            .any(|p| p.chars().any(|c| c.is_ascii_digit()))
}

/// Canonical form for comparing symbols: no spaces, upper case.
pub fn key(sym: &str) -> String {
    sym.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syms(text: &str) -> Vec<String> {
        find(text).into_iter().map(|f| f.symbol).collect()
    }

    #[test]
    fn finds_symbols_and_rejects_look_alikes() {
        assert_eq!(
            syms("会议室B/M1举行，第4/4号决议，第2014/42/EU号指令（CAC/COSP/WG.2/2024/2）。"),
            vec!["CAC/COSP/WG.2/2024/2"]
        );
        assert_eq!(
            syms("see A/81/6 (Sect. 13)/Part A."),
            vec!["A/81/6 (Sect. 13)/Part A"]
        );
        assert_eq!(
            syms("CAC/COSP/2019/7/Add.1 and CAC/COSP/2019/CRP.1"),
            vec!["CAC/COSP/2019/7/Add.1", "CAC/COSP/2019/CRP.1"]
        );
    }

    #[test]
    fn symbols_with_numbers_in_brackets() {
        assert_eq!(
            syms("see ICCD/COP(8)/CST/8, UNCTAD/SHIP/494(10) and A/80/590 (Part II)"),
            [
                "ICCD/COP(8)/CST/8",
                "UNCTAD/SHIP/494(10)",
                "A/80/590 (Part II)"
            ]
        );
    }

    #[test]
    fn expands_addenda() {
        assert_eq!(
            syms("E/CN.15/2024/L.1 and Add.1-3"),
            vec![
                "E/CN.15/2024/L.1",
                "E/CN.15/2024/L.1/Add.1",
                "E/CN.15/2024/L.1/Add.2",
                "E/CN.15/2024/L.1/Add.3"
            ]
        );
        assert_eq!(
            syms("A/78/5/Add.1–3"),
            vec!["A/78/5/Add.1", "A/78/5/Add.2", "A/78/5/Add.3"]
        );
    }

    #[test]
    fn lineage_strips_revisions_not_addenda() {
        assert_eq!(lineage("CAC/COSP/2019/1/Rev.1"), "CAC/COSP/2019/1");
        assert_eq!(lineage("CAC/COSP/2019/7/Add.1"), "CAC/COSP/2019/7/Add.1");
    }
}
