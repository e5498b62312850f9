//! Line joining: the physical lines of a text (hard-wrapped by PDF
//! extraction, or one paragraph per line) back into logical blocks, with
//! what starts a new one (a heading, a number, a bullet, a table row).

use crate::script::{is_cjk, is_cjk_punct, width};
use regex::Regex;
use std::sync::LazyLock;

/// One logical line of the document after hard-wrapped lines were joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub text: String,
    /// Leading white space of the first physical line, in columns.
    pub indent: usize,
    /// Cells, when the line is a tab-separated table row.
    pub cells: Option<Vec<String>>,
    /// A bullet ("- ", "• ") stood before the text (removed from `text`).
    pub bullet: bool,
    /// A row of a table (one with a single filled cell included, which has
    /// no `cells`): never a heading or a numbered paragraph of a report.
    pub table_row: bool,
}

impl Block {
    /// A table row: its cells, and as text the filled cells joined by spaces.
    pub fn row(cells: Vec<String>) -> Block {
        Block {
            text: cells
                .iter()
                .filter(|c| !c.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
            indent: 0,
            cells: Some(cells),
            bullet: false,
            table_row: true,
        }
    }
}

/// The text after a bullet ("- ", "• ", "* ", "· ") that starts `s`, if one does.
pub fn strip_bullet(s: &str) -> Option<&str> {
    ["- ", "• ", "* ", "· "]
        .iter()
        .find_map(|b| s.strip_prefix(b))
        .map(str::trim_start)
}

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    // Sub-item letters of every script: "(a)", "а)" (Cyrillic), "(أ)".
    let l = super::vocabulary::sub_item_letter_class();
    Regex::new(&format!(
        r#"(?x)
        ^(?:[-•*]\s*)?   # a bullet before the number
        (?:
            \d{{1,3}}(?:\.\d{{1,3}})*[.-]?\s   # "3. ", "3.1 ", "12 "
          | \d{{1,3}}\.\s*\p{{Han}}            # "3.审议"
          # "3审议", "4(a)审议", "3和4审议", but not a date or a count ("8月", "3次")
          | \d{{1,2}}(?:\([a-z]{{1,2}}\))?(?:和\d{{1,2}})?[\p{{Han}}&&[^日月年时号届次至个项条款段名点分周天]]
          | [上下]午                           # a time slot's "上午", "下午"
          | \(\s*{l}{{1,2}}\s*\)              # "(a)", "(б)", "(أ)"
          | （[a-z]{{1,2}}）                  # "（a）"
          | [а-я]\)\s                         # "а) "
          | [一二三四五六七八九十]{{1,3}}[.．、]   # "一、"
          | [IVXL]{{1,6}}\.\s                 # "IV. "
          | [A-Z]\.\s                         # "B. "
          | \^?[a-z0-9]\s                     # a footnote's marker: "^1 ", "a "
          | [¹²³⁴⁵⁶⁷⁸⁹⁰]+                     # a superscript footnote marker
        )"#
    ))
    .unwrap()
});

/// Headings that always stand on their own line, in any of the six
/// languages: "Documentation", "Annotations", "Provisional agenda", "Annex",
/// "Proposed organization of work", "Contents" (see the vocabulary tables).
pub fn is_keyword_heading(s: &str) -> bool {
    use super::vocabulary::{self as v, is_one_of};
    let t = v::fold(s.trim().trim_end_matches([':', '：']));
    let t = t.trim_end_matches([' ', '.']);
    [
        &v::DOCUMENTATION,
        &v::ANNOTATIONS,
        &v::PROVISIONAL_AGENDA,
        &v::AGENDA,
        &v::ANNEX,
        &v::ORGANIZATION_OF_WORK,
        &v::CONTENTS,
    ]
    .iter()
    .any(|table| is_one_of(table, t))
}

/// Ends like a sentence, a list entry or a heading that asks for what follows.
fn ends_closed(s: &str) -> bool {
    s.trim_end()
        .chars()
        .last()
        .map(|c| "。；;：:！？!?.”\"".contains(c))
        .unwrap_or(true)
}

/// Joins hard-wrapped physical lines back into logical blocks.
///
/// PDF extraction breaks lines at the right margin, often with blank lines
/// between them. A line is taken to continue onto the next when it is as wide
/// as the document's usual full line (for wrapped text) or, in text with one
/// paragraph per line, when it is long, does not end a sentence, and the next
/// line starts no heading, number or list entry.
pub fn blocks(text: &str) -> Vec<Block> {
    blocks_at_width(text, text_width(text))
}

/// The width of a full line of `text` (where wrapped lines end), if its
/// lines show one.
pub fn text_width(text: &str) -> Option<usize> {
    wrap_width(&text.lines().collect::<Vec<_>>())
}

/// [`blocks`] with the full line width given (measured over more text than
/// this piece).
pub fn blocks_at_width(text: &str, full_width: Option<usize>) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<Block> = Vec::new();
    // Whether the last block may still take a continuation line: `Full` when
    // its line reached the margin, `Loose` when it merely stopped mid-sentence.
    let mut open = Open::No;
    for raw in lines {
        let trimmed_end = raw.trim_end();
        if trimmed_end.trim().is_empty() {
            continue;
        }
        if trimmed_end.contains('\t')
            && trimmed_end
                .trim_start_matches('\t')
                .contains(|c: char| !c.is_whitespace())
        {
            let cells: Vec<String> = trimmed_end
                .split('\t')
                .map(|c| c.trim().to_string())
                .collect();
            if cells.iter().filter(|c| !c.is_empty()).count() >= 1 && cells.len() >= 2 {
                out.push(Block::row(cells));
                open = Open::No;
                continue;
            }
        }
        let indent = width(&trimmed_end[..trimmed_end.len() - trimmed_end.trim_start().len()]);
        let trimmed = trimmed_end.trim_start();
        let bullet = strip_bullet(trimmed).is_some();
        let body = strip_bullet(trimmed).unwrap_or(trimmed);
        let starts_new = bullet
            || NUMBERED.is_match(body)
            || super::dates::time_range(body).is_some()
            || super::dates::day_heading(body, Some(2000)).is_some()
            || is_keyword_heading(body)
            || super::metadata::is_standalone_masthead_line(body)
            || body.starts_with('^');
        let cut_symbol = out
            .last()
            .is_some_and(|l| l.cells.is_none() && l.text.ends_with('/'));
        // Two bodies' names on consecutive lines are two names (a committee
        // and its subcommittee), not one name wrapped: a wrapped name's last
        // word is a function word ("… with regard to" / "the Implementation …").
        let starts_new = starts_new
            || out.last().is_some_and(|l| {
                l.cells.is_none()
                    && super::metadata::is_body_name_line(&l.text)
                    && super::metadata::is_body_name_line(body)
                    && !l
                        .text
                        .split_whitespace()
                        .last()
                        .is_some_and(super::vocabulary::is_function_word)
            });
        let first = body.chars().next().unwrap_or(' ');
        let takes = match open {
            Open::Full => true,
            // Only a line that plainly goes on the sentence: lower case or Chinese.
            Open::Loose => first.is_lowercase() || is_cjk(first) || is_cjk_punct(first),
            Open::No => false,
        };
        if (takes || cut_symbol) && !starts_new {
            if let Some(last) = out.last_mut() {
                join_into(&mut last.text, body);
                open = continues(&last.text, raw, full_width);
                continue;
            }
        }
        out.push(Block {
            text: body.to_string(),
            indent,
            cells: None,
            bullet,
            table_row: false,
        });
        open = match continues(body, raw, full_width) {
            _ if is_keyword_heading(body) => Open::No,
            _ if super::metadata::is_standalone_masthead_line(body) => Open::No,
            // A numbered or bulleted line that stops short is a heading or a
            // list entry, not a sentence cut by a page break.
            Open::Loose if starts_new => Open::No,
            o => o,
        };
    }
    out
}

fn join_into(acc: &mut String, next: &str) {
    let last = acc.chars().last().unwrap_or(' ');
    let first = next.chars().next().unwrap_or(' ');
    let glue = if is_cjk(last)
        || is_cjk_punct(last)
        || is_cjk(first)
        || is_cjk_punct(first)
        || last == '/'
        || last == '-'
    {
        ""
    } else {
        " "
    };
    acc.push_str(glue);
    acc.push_str(next);
}

#[derive(Clone, Copy, PartialEq)]
enum Open {
    No,
    Full,
    Loose,
}

/// Whether a physical line looks cut at the margin.
fn continues(text_so_far: &str, raw_line: &str, full_width: Option<usize>) -> Open {
    let line = raw_line.trim();
    let w = width(line);
    if let Some(full) = full_width {
        if w * 100 >= full * 82 && !line.ends_with('。') {
            return Open::Full;
        }
    }
    // A long line that stops mid-sentence may go on.
    if width(text_so_far) >= 40 && !ends_closed(line) && !line.ends_with(['）', ')', '”']) {
        Open::Loose
    } else {
        Open::No
    }
}

/// The width at which the text was wrapped, if it was: the most common width
/// among long lines, when enough lines share it.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let widths: Vec<usize> = lines
        .iter()
        .map(|l| width(l.trim()))
        .filter(|&w| w >= 30)
        .collect();
    if widths.len() < 8 {
        return None;
    }
    let mut best = (0usize, 0usize);
    for &center in &widths {
        if center > 200 {
            continue;
        }
        let n = widths
            .iter()
            .filter(|&&w| w + 4 >= center && w <= center + 4)
            .count();
        if n > best.1 || (n == best.1 && center > best.0) {
            best = (center, n);
        }
    }
    // Wrapped text: at least 40% of the long lines end at the same margin.
    if best.1 * 10 >= widths.len() * 4 {
        // Use the upper edge of the cluster as the full width.
        let max_in_cluster = widths
            .iter()
            .copied()
            .filter(|&w| w + 4 >= best.0 && w <= best.0 + 4)
            .max()
            .unwrap_or(best.0);
        Some(max_in_cluster)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyword_headings_in_the_six_languages() {
        for h in [
            "Documentation",
            "Documentación",
            "Документация",
            "الوثائق",
            "文件",
            "Annotations",
            "Anotaciones",
            "Аннотации",
            "الشروح",
            "说明",
            "Ordre du jour provisoire",
            "Programa provisional",
            "Предварительная повестка дня",
            "جدول الأعمال المؤقت",
            "临时议程",
            "Annexe",
            "Anexo",
            "Приложение",
            "المرفق",
            "Projet d’organisation des travaux",
            "Propuesta de organización de los trabajos",
            "Предлагаемая организация работы",
            "تنظيم الأعمال المقترح",
            "拟议工作安排",
            "Table des matières",
            "Содержание",
        ] {
            assert!(is_keyword_heading(h), "{h}");
        }
        assert!(!is_keyword_heading(
            "Documentation of the meeting will be issued later."
        ));
    }

    #[test]
    fn joins_chinese_wrapped_lines_without_space() {
        let mut text = String::new();
        for _ in 0..10 {
            text.push_str("资产追回问题不限成员名额政府间工作组会议将于二〇一二年八月三十日星期四上\n\n午十时开幕。\n\n");
        }
        let b = blocks(&text);
        assert_eq!(
            b[0].text,
            "资产追回问题不限成员名额政府间工作组会议将于二〇一二年八月三十日星期四上午十时开幕。"
        );
    }
}
