//! An agenda item across sessions, on the seeds: the Working Group on Asset
//! Recovery's agendas of 2012 and 2024, its 2017 report (which prints the
//! agenda as adopted), and the 2019 Conference of the States Parties above it.

use dossier_core::Library;
use std::path::Path;

fn seeded() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    for e in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            lib.ingest_file(&p).unwrap();
        }
    }
    (dir, lib)
}

/// (year, number) of each session of an item's history, newest first.
fn sessions(h: &dossier_core::api::ItemHistory) -> Vec<(String, String)> {
    h.sessions
        .iter()
        .map(|s| {
            (
                s.date.clone().unwrap_or_default()[..4].to_string(),
                s.number.clone(),
            )
        })
        .collect()
}

#[test]
fn the_report_sections_of_2017_name_the_items_they_discuss() {
    let doc = dossier_core::parse_file(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/004_5995beeb77b35464.txt"),
    )
    .unwrap();
    let linked = |title: &str| {
        doc.sections
            .iter()
            .find(|s| s.title == title)
            .map(|s| s.items.clone())
            .unwrap_or_default()
    };
    assert_eq!(linked("会议开幕"), ["1(a)"]);
    assert_eq!(linked("追回资产任务授权的执行进展概览"), ["2"]);
    assert_eq!(
        linked("关于依据《公约》第五十六条主动及时交流信息的专题讨论"),
        ["4(a)"]
    );
    assert_eq!(linked("能力建设和技术援助问题讨论论坛"), ["5"]);
    assert_eq!(linked("通过报告"), ["6"]);
}

#[test]
fn technical_assistance_has_a_history_back_to_2012() {
    let (_dir, lib) = seeded();
    let agenda = lib.find("001_9b3f3c3582431abc.txt").unwrap();
    let h = lib.item_history(agenda, "4").unwrap();
    assert_eq!(h.title, "技术援助");
    // The Working Group's sessions, and the Conference's nearest one.
    assert_eq!(
        sessions(&h),
        [
            ("2024".into(), "4".into()),
            ("2019".into(), "3".into()),
            ("2017".into(), "5".into()),
            ("2012".into(), "6".into())
        ]
    );
    assert!(h.sessions[0].current && h.sessions.iter().skip(1).all(|s| !s.current));
    // 2017: the report's section on it, opened at its first paragraph.
    let r = h.sessions[2]
        .report
        .as_ref()
        .expect("the 2017 report's section");
    assert_eq!(r.section, "能力建设和技术援助问题讨论论坛");
    assert!(r.first_paragraph.is_some());
    // The documents before the 2019 session, none of them in the library.
    assert!(h.sessions[1]
        .references
        .iter()
        .any(|r| r.symbol == "CAC/COSP/2019/14" && r.document_id.is_none()));
}

#[test]
fn the_adoption_of_the_report_is_one_item_whatever_its_number() {
    let (_dir, lib) = seeded();
    let agenda = lib.find("000_abe935980996e0b8.txt").unwrap();
    let h = lib.item_history(agenda, "7").unwrap();
    let numbers: Vec<(String, String)> = sessions(&h);
    assert!(
        numbers.contains(&("2012".into(), "7".into()))
            && numbers.contains(&("2024".into(), "5".into()))
            && numbers.contains(&("2017".into(), "6".into())),
        "{numbers:?}"
    );
    // A note on the item in 2024 is in its history.
    let later = lib.find("001_9b3f3c3582431abc.txt").unwrap();
    let ann = lib
        .document(later)
        .unwrap()
        .document
        .items_flat()
        .into_iter()
        .find(|i| i.number == "5")
        .unwrap()
        .annotation
        .clone();
    let n = ann.chars().count().min(6) as u32;
    lib.add_note(later, "item:5", 0, n, "Ask for the draft early")
        .unwrap();
    let h = lib.item_history(agenda, "7").unwrap();
    let s2024 = h.sessions.iter().find(|s| s.number == "5").unwrap();
    assert_eq!(s2024.notes.len(), 1);
    assert!(lib.item_history(agenda, "99").is_err());
}

#[test]
fn the_users_word_on_a_match_is_kept_and_followed() {
    let (dir, lib) = seeded();
    let y2024 = lib.find("001_9b3f3c3582431abc.txt").unwrap();
    let y2019 = lib.find("003_9b7261b858c1689a.txt").unwrap();
    let y2012 = lib.find("000_abe935980996e0b8.txt").unwrap();
    // The Conference's "技术援助" is not the Working Group's, says the user.
    lib.set_item_verdict((y2024, "4"), (y2019, "3"), Some(false))
        .unwrap();
    // And the 2012 progress item is the 2024 one, which the titles did not show.
    assert!(
        !sessions(&lib.item_history(y2024, "2").unwrap()).contains(&("2012".into(), "3".into()))
    );
    lib.set_item_verdict((y2012, "3"), (y2024, "2"), Some(true))
        .unwrap();
    drop(lib);
    let lib = Library::open(dir.path()).unwrap();
    let h = sessions(&lib.item_history(y2024, "4").unwrap());
    assert!(
        !h.contains(&("2019".into(), "3".into())) && h.contains(&("2017".into(), "5".into())),
        "{h:?}"
    );
    assert!(sessions(&lib.item_history(y2024, "2").unwrap()).contains(&("2012".into(), "3".into())));
    // No word any more: the matching decides again.
    lib.set_item_verdict((y2019, "3"), (y2024, "4"), None)
        .unwrap();
    assert!(sessions(&lib.item_history(y2024, "4").unwrap()).contains(&("2019".into(), "3".into())));
}

/// A real report whose agenda is an annex (CEB/2025/4, the High-level
/// Committee on Programmes, `../shared/corpus/real`): its chapters are the
/// agenda's items, its lettered sections the sub-items, and the annexes
/// after it discuss none.
#[test]
fn a_real_reports_sections_name_the_items_of_its_annexed_agenda() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/real/CEB_2025_4_en.pdf");
    let doc = dossier_core::parse_file(&path).unwrap();
    let linked = |title: &str| {
        doc.sections
            .iter()
            .find(|s| s.title == title)
            .map(|s| s.items.clone())
            .unwrap_or_else(|| vec!["(no such section)".into()])
    };
    assert_eq!(linked("UN80 Initiative"), ["1"]);
    assert_eq!(
        linked("Demographic change for sustainable development"),
        ["2(b)"]
    );
    assert_eq!(linked("Transnational organized crime"), ["3"]);
    assert_eq!(linked("Any other business"), ["5"]);
    assert!(linked("Annex I").is_empty());
}
