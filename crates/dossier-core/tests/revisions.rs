//! What a revision changed, on real documents: `tests/fixtures/revisions/`
//! holds real UN texts and a Rev.1 of each made by `make_revisions.py` as
//! the secretariat would issue it (symbol, dates, a passage added, one
//! changed, one removed). The truth asserted here is those edits, not what
//! Dossier printed.

use dossier_core::api::IngestStatus;
use dossier_core::changes::{changes, ChangeKind, PassageChange, Span, SpanKind};
use dossier_core::{Document, Library, Paragraph};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/revisions")
        .join(name)
}

/// A library holding the original and its revision: (library, old id, new id).
fn library_with(original: &str, revision: &str) -> (tempfile::TempDir, Library, u32, u32) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(&dir.path().join("lib")).unwrap();
    let a = lib.ingest_file(&fixture(original)).unwrap();
    assert_eq!(a.status, IngestStatus::Ingested, "{a:?}");
    let b = lib.ingest_file(&fixture(revision)).unwrap();
    assert_eq!(b.status, IngestStatus::NewVersion, "{b:?}");
    assert_eq!(b.version, Some(2));
    (dir, lib, a.document_id.unwrap(), b.document_id.unwrap())
}

fn texts(spans: &[Span], kind: SpanKind) -> Vec<String> {
    spans
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.text.clone())
        .collect()
}

/// The spans as "same[-deleted-][+inserted+]".
fn marked(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s.kind {
            SpanKind::Same => s.text.clone(),
            SpanKind::Deleted => format!("[-{}-]", s.text),
            SpanKind::Inserted => format!("[+{}+]", s.text),
        })
        .collect()
}

fn of_kind(list: &[PassageChange], kind: ChangeKind) -> Vec<&PassageChange> {
    list.iter().filter(|c| c.kind == kind).collect()
}

#[test]
fn a_report_revision_shows_the_paragraph_added_the_one_removed_and_the_corrected_sentence() {
    let (_dir, lib, old_id, new_id) = library_with("E_2025_70.txt", "E_2025_70.Rev.1.txt");
    let started = Instant::now();
    let c = lib.changes(new_id, None).unwrap();
    eprintln!("E/2025/70 against its Rev.1: {:?}", started.elapsed());
    assert_eq!((c.old_id, c.new_id), (Some(old_id), Some(new_id)));
    assert_eq!(c.old_symbol.as_deref(), Some("E/2025/70"));
    assert_eq!(c.new_symbol.as_deref(), Some("E/2025/70/Rev.1"));
    assert!(c.items.is_empty() && c.slots.is_empty());

    let added = of_kind(&c.paragraphs, ChangeKind::Added);
    assert_eq!(added.len(), 1, "{added:#?}");
    assert_eq!(added[0].number.as_deref(), Some("5"));
    assert_eq!(
        marked(&added[0].text),
        "[+At the same meeting, the Chair informed the Group of Experts that the Bureau would \
         report on the implementation of the strategic plan at the 2027 session.+]"
    );

    let removed = of_kind(&c.paragraphs, ChangeKind::Removed);
    assert_eq!(removed.len(), 1, "{removed:#?}");
    assert_eq!(removed[0].old_number.as_deref(), Some("24"));
    assert_eq!(removed[0].key, None);
    assert_eq!(
        marked(&removed[0].text),
        "[-At the 3rd meeting, the Chair made a summary statement regarding agenda item 6 (b).-]"
    );

    let changed = of_kind(&c.paragraphs, ChangeKind::Changed);
    assert_eq!(changed.len(), 1, "{changed:#?}");
    assert_eq!(changed[0].number.as_deref(), Some("50"));
    assert_eq!(changed[0].old_number.as_deref(), Some("50"));
    assert_eq!(texts(&changed[0].text, SpanKind::Deleted), ["227", "64"]);
    assert_eq!(texts(&changed[0].text, SpanKind::Inserted), ["231", "65"]);
    assert!(marked(&changed[0].text).starts_with(
        "The session was attended by [-227-][+231+] participants representing [-64-][+65+] States"
    ));

    // Every other paragraph, numbered or not, is unchanged; 5 to 23 are now 6 to 24.
    let unchanged = of_kind(&c.paragraphs, ChangeKind::Unchanged);
    assert_eq!(unchanged.len(), c.paragraphs.len() - 3);
    assert!(c.paragraphs.iter().all(|p| !p.moved));
    for p in c
        .paragraphs
        .iter()
        .filter(|p| p.kind == ChangeKind::Unchanged)
    {
        let (Some(old), Some(new)) = (&p.old_number, &p.number) else {
            assert_eq!((&p.old_number, &p.number), (&None, &None));
            continue;
        };
        let (old, new): (u32, u32) = (old.parse().unwrap(), new.parse().unwrap());
        let expected = if (5..=23).contains(&old) {
            old + 1
        } else {
            old
        };
        assert_eq!(new, expected, "{p:?}");
        assert_eq!(p.renumbered, old != new);
        assert!(p.text.is_empty());
    }
    let numbered = |p: &&PassageChange| p.number.is_some() || p.old_number.is_some();
    assert_eq!(c.paragraphs.iter().filter(numbered).count(), 57);

    // The removed paragraph stands where it stood: after old 23 (now 24), before 25.
    let at = c
        .paragraphs
        .iter()
        .position(|p| p.kind == ChangeKind::Removed)
        .unwrap();
    assert_eq!(c.paragraphs[at - 1].old_number.as_deref(), Some("23"));
    assert_eq!(c.paragraphs[at + 1].old_number.as_deref(), Some("25"));
    // Keys the reader can place: the new document's blocks.
    let new_doc = lib.document(new_id).unwrap().document;
    let key = added[0].key.as_deref().unwrap();
    let index: u32 = key.strip_prefix("para:").unwrap().parse().unwrap();
    assert_eq!(
        new_doc.text_block(index).unwrap().number.as_deref(),
        Some("5")
    );
}

/// Characters other than spaces: the text parser may drop the space a
/// Chinese text prints between a digit and a character.
fn solid(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_chinese_agenda_revision_shows_the_new_item_the_changed_words_and_the_moved_dates() {
    let (_dir, lib, old_id, new_id) =
        library_with("CAC_COSP_WG.2_2024_1.txt", "CAC_COSP_WG.2_2024_1.Rev.1.txt");
    // Against the previous version by default, and the same when named.
    let c = lib.changes(new_id, None).unwrap();
    assert_eq!(c, lib.changes(new_id, Some(old_id)).unwrap());
    assert!(
        lib.changes(old_id, None).is_err(),
        "the first version has none before it"
    );
    assert!(c.paragraphs.is_empty());

    use ChangeKind::*;
    let items: Vec<_> = c
        .items
        .iter()
        .map(|i| (i.kind, i.old_number.as_deref(), i.number.as_deref()))
        .collect();
    assert_eq!(
        items,
        vec![
            (Unchanged, Some("1"), Some("1")),
            (Changed, Some("1(a)"), Some("1(a)")),
            (Unchanged, Some("1(b)"), Some("1(b)")),
            (Unchanged, Some("2"), Some("2")),
            (Unchanged, Some("3"), Some("3")),
            (Changed, Some("3(a)"), Some("3(a)")),
            (Unchanged, Some("3(b)"), Some("3(b)")),
            (Changed, Some("4"), Some("4")),
            (Added, None, Some("5")),
            (Unchanged, Some("5"), Some("6")),
        ]
    );
    let item = |n: &str| {
        c.items
            .iter()
            .find(|i| i.number.as_deref() == Some(n))
            .unwrap()
    };
    // The opening moved a week: one date, character by character.
    assert_eq!(texts(&item("1(a)").text, SpanKind::Deleted), ["12"]);
    assert_eq!(texts(&item("1(a)").text, SpanKind::Inserted), ["19"]);
    assert!(marked(&item("1(a)").text).contains("2024年6月[-12-][+19+]日星期三上午10时"));
    assert_eq!(marked(&item("1(a)").title), "会议开幕");
    // A sentence removed from 3(a), nothing inserted.
    let deleted = texts(&item("3(a)").text, SpanKind::Deleted);
    assert_eq!(deleted.len(), 1);
    assert_eq!(
        solid(&deleted[0]),
        "为便利工作组在项目3(a)下的审议，还将举行一次关于上述议题的专题小组讨论。"
    );
    assert!(texts(&item("3(a)").text, SpanKind::Inserted).is_empty());
    // A sentence changed in 4: two characters.
    assert_eq!(texts(&item("4").text, SpanKind::Deleted), ["口头"]);
    assert_eq!(texts(&item("4").text, SpanKind::Inserted), ["书面"]);
    // The new item, and the old 5 now numbered 6.
    assert_eq!(marked(&item("5").title), "[+工作组今后的工作+]");
    assert_eq!(
        marked(&item("5").text),
        "[+工作组似宜讨论其今后的工作，包括2026-2027年期间的工作计划。+]"
    );
    assert_eq!(item("5").key.as_deref(), Some("item:5"));
    assert_eq!(item("6").old_key.as_deref(), Some("item:5"));
    assert!(item("6").renumbered);

    // Every slot moved a week; the last one also takes up the new item.
    assert_eq!(c.slots.len(), 6);
    let week = [("12", "19"), ("13", "20"), ("14", "21")];
    for (i, s) in c.slots.iter().enumerate() {
        assert_eq!(s.kind, Changed, "{s:?}");
        assert_eq!(s.key, Some(format!("slot:{i}")));
        let (d, n) = (
            texts(&s.text, SpanKind::Deleted),
            texts(&s.text, SpanKind::Inserted),
        );
        assert!(week.contains(&(d[0].as_str(), n[0].as_str())), "{s:?}");
        if i < 5 {
            assert_eq!((d.len(), n.len()), (1, 1), "{}", marked(&s.text));
        }
    }
    assert_eq!(
        marked(&c.slots[5].text),
        "2024-06-[-14-][+21+] 15:00–18:00 | 5[+, 6+] | [+工作组今后的工作; +]通过报告"
    );
    assert_eq!(
        (
            c.counts.added,
            c.counts.removed,
            c.counts.changed,
            c.counts.unchanged
        ),
        (1, 0, 3 + 6, 6)
    );
}

/// A report of some 300 pages (the real report's blocks repeated to 7,000)
/// against a revision with a paragraph inserted every 150, one changed every
/// 100 and one removed every 250: every numbered paragraph after an
/// insertion is renumbered. Prints the time taken.
/// The real report's blocks repeated to `n`, numbered anew.
fn long_report(n: usize) -> Document {
    let real = dossier_core::parse_file(&fixture("E_2025_70.txt")).unwrap();
    let blocks: Vec<&Paragraph> = real.text_blocks();
    let mut old = Document::default();
    let mut number = 0;
    for k in 0..n {
        let b = blocks[k % blocks.len()];
        let numbered = b.number.is_some();
        if numbered {
            number += 1;
        }
        let p = Paragraph {
            number: numbered.then(|| number.to_string()),
            section: None,
            // Repeated blocks made distinct, as a real report's are.
            text: format!("{} (copy {})", b.text, k / blocks.len()),
            index: k as u32,
            row: false,
        };
        if numbered {
            old.paragraphs.push(p);
        } else {
            old.unnumbered.push(p);
        }
    }
    old
}

#[test]
fn a_long_report_against_its_revision_is_compared_quickly() {
    let old = long_report(7000);
    let mut new_blocks: Vec<Paragraph> = Vec::new();
    let (mut added, mut changed, mut removed) = (0, 0, 0);
    for (k, p) in old.text_blocks().into_iter().enumerate() {
        if k % 250 == 249 {
            removed += 1;
            continue;
        }
        if k % 150 == 0 {
            added += 1;
            new_blocks.push(Paragraph {
                number: Some(String::new()),
                text: format!("The Group of Experts also took note of new information number {k} from the divisions concerned."),
                ..Default::default()
            });
        }
        let mut p = p.clone();
        if k % 100 == 50 && p.text.len() > 200 {
            changed += 1;
            p.text = format!("In addition, {}", p.text);
        }
        new_blocks.push(p);
    }
    let mut new = Document::default();
    let mut number = 0;
    for (i, mut p) in new_blocks.into_iter().enumerate() {
        p.index = i as u32;
        if p.number.is_some() {
            number += 1;
            p.number = Some(number.to_string());
            new.paragraphs.push(p);
        } else {
            new.unnumbered.push(p);
        }
    }
    let started = Instant::now();
    let same = changes(&old, &old);
    eprintln!("against itself: {:?}", started.elapsed());
    assert_eq!(same.counts.unchanged as usize, old.text_blocks().len());
    let started = Instant::now();
    let c = changes(&old, &new);
    let took = started.elapsed();
    eprintln!(
        "{} blocks against {}: {took:?} ({added} added, {changed} changed, {removed} removed)",
        old.text_blocks().len(),
        new.text_blocks().len()
    );
    assert_eq!(c.counts.added, added);
    assert_eq!(c.counts.removed, removed);
    assert_eq!(c.counts.changed, changed);
    assert_eq!(
        c.counts.unchanged as usize,
        old.text_blocks().len() - removed as usize - changed as usize
    );
    assert!(c.paragraphs.iter().any(|p| p.renumbered));
    assert!(took.as_secs_f64() < 5.0, "{took:?}");
}

/// The worst case: every block of a long report in another order, so that
/// hardly anything is equal in sequence and every gap is compared.
#[test]
fn a_report_in_another_order_stays_within_the_bound() {
    let old = long_report(7000);
    let mut new = old.clone();
    let mut blocks: Vec<Paragraph> = new.text_blocks().into_iter().cloned().collect();
    blocks.reverse();
    new.paragraphs.clear();
    new.unnumbered.clear();
    for (i, mut p) in blocks.into_iter().enumerate() {
        p.index = i as u32;
        if p.number.is_some() {
            new.paragraphs.push(p);
        } else {
            new.unnumbered.push(p);
        }
    }
    let started = Instant::now();
    let c = changes(&old, &new);
    let took = started.elapsed();
    eprintln!(
        "7000 blocks against the same reversed: {took:?} ({:?})",
        c.counts
    );
    let n = c.counts;
    assert_eq!((n.unchanged + n.changed + n.removed) as usize, 7000);
    assert!(took.as_secs_f64() < 20.0, "{took:?}");
}
