//! Filtering, sorting and facets of the library listing
//! (`library::query::filter_sort`), on the listing of a real library: the
//! four seeds (Chinese agendas and a report of UNCAC bodies, in Vienna and
//! Abu Dhabi, 2012–2024) and two General Assembly documents (A/80/590 and
//! A/81/6 (Sect. 13)/Part A, Word and PDF each, no meeting dates).

use dossier_core::api::LibraryListing;
use dossier_core::library::query::{filter_sort, FacetCount, Query, SortBy};
use dossier_core::{DocumentKind, Library};
use pretty_assertions::assert_eq;
use std::path::Path;
use std::sync::OnceLock;

fn listing() -> &'static LibraryListing {
    static LISTING: OnceLock<LibraryListing> = OnceLock::new();
    LISTING.get_or_init(|| {
        let core = Path::new(env!("CARGO_MANIFEST_DIR"));
        let un = core.join("tests/fixtures/un-docs");
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let mut files = vec![core.join("../../seeds")];
        for f in [
            "A_80_590.docx",
            "A_80_590.pdf",
            "A_81_6SECT.13.docx",
            "A_81_6SECT.13.pdf",
        ] {
            files.push(un.join(f));
        }
        let report = lib.ingest(&files, &mut |_| {});
        assert_eq!(report.count(dossier_core::api::IngestStatus::Failed), 0);
        lib.listing().unwrap()
    })
}

/// The file names of the documents `q` finds, in order.
fn files(q: &Query) -> Vec<String> {
    filter_sort(listing(), q)
        .documents
        .into_iter()
        .map(|d| d.file)
        .collect()
}

fn filter(words: &str) -> Vec<String> {
    let mut found = files(&Query {
        filter: words.into(),
        ..Default::default()
    });
    found.sort();
    found
}

const SEED_2012: &str = "000_abe935980996e0b8.txt";
const SEED_2024: &str = "001_9b3f3c3582431abc.txt";
const SEED_2019: &str = "003_9b7261b858c1689a.txt";
const SEED_2017: &str = "004_5995beeb77b35464.txt";
const BUDGET: &str = "A_80_590.docx";
const PROGRAMME: &str = "A_81_6SECT.13.docx";

#[test]
fn every_word_must_occur_each_in_any_field() {
    // The venue and the year, in two fields.
    assert_eq!(filter("维也纳 2017"), [SEED_2017]);
    assert_eq!(filter("2017 维也纳"), [SEED_2017]);
    // A Chinese substring of the body, of the title.
    assert_eq!(filter("资产追回"), [SEED_2012, SEED_2024, SEED_2017]);
    assert_eq!(filter("会议报告"), [SEED_2017]);
    assert_eq!(filter("阿布扎比"), [SEED_2019]);
    // Case and accents do not matter; the session, the symbol, the file name.
    assert_eq!(filter("general ASSEMBLY"), [BUDGET, PROGRAMME]);
    assert_eq!(filter("Assembly eightieth"), [BUDGET]);
    assert_eq!(filter("MÂLI"), [BUDGET]);
    assert_eq!(filter("a/81/6"), [PROGRAMME]);
    assert_eq!(filter("a_81_6sect"), [PROGRAMME]);
    // No word across two fields, and every word must be there.
    assert_eq!(filter("维也纳2017"), Vec::<String>::new());
    assert_eq!(filter("维也纳 2019"), Vec::<String>::new());
    // Nothing typed: everything.
    assert_eq!(filter("  ").len(), 6);
}

#[test]
fn the_four_orders() {
    let sorted = |sort| {
        files(&Query {
            sort,
            ..Default::default()
        })
    };
    // Newest meeting first; the General Assembly documents have no dates.
    assert_eq!(
        sorted(SortBy::Date),
        [SEED_2024, SEED_2019, SEED_2017, SEED_2012, PROGRAMME, BUDGET]
    );
    assert_eq!(
        sorted(SortBy::Body),
        [PROGRAMME, BUDGET, SEED_2019, SEED_2024, SEED_2017, SEED_2012]
    );
    // Symbols by their parts; the seeds print none and come by file name.
    assert_eq!(
        sorted(SortBy::Symbol),
        [BUDGET, PROGRAMME, SEED_2012, SEED_2024, SEED_2019, SEED_2017]
    );
    let recent = filter_sort(
        listing(),
        &Query {
            sort: SortBy::RecentlyAdded,
            ..Default::default()
        },
    );
    let added: Vec<(&str, u32)> = recent
        .documents
        .iter()
        .map(|d| (d.ingested_at.as_str(), d.id))
        .collect();
    let mut expected = added.clone();
    expected.sort_by(|a, b| b.cmp(a));
    assert_eq!(added, expected, "the last imported first");
}

fn counts(pairs: &[(&str, u32)]) -> Vec<FacetCount> {
    pairs
        .iter()
        .map(|(value, count)| FacetCount {
            value: value.to_string(),
            count: *count,
        })
        .collect()
}

#[test]
fn facets_count_what_the_filter_and_the_other_facets_leave() {
    let all = filter_sort(listing(), &Query::default());
    assert_eq!(all.total, 6);
    assert_eq!(
        all.facets.body,
        counts(&[
            ("资产追回问题不限成员名额政府间工作组", 3),
            ("General Assembly", 2),
            ("联合国反腐败公约缔约国会议", 1),
        ])
    );
    assert_eq!(
        all.facets.year,
        counts(&[("2024", 1), ("2019", 1), ("2017", 1), ("2012", 1)])
    );
    assert_eq!(
        all.facets.kind,
        counts(&[("agenda", 3), ("other", 2), ("report", 1)])
    );
    assert_eq!(all.facets.language, counts(&[("zh", 4), ("en", 2)]));

    // A body chosen: its documents; the body facet still shows the others.
    let ga = filter_sort(
        listing(),
        &Query {
            body: Some("General Assembly".into()),
            ..Default::default()
        },
    );
    assert_eq!(ga.total, 2);
    assert_eq!(ga.facets.body, all.facets.body);
    assert_eq!(ga.facets.language, counts(&[("en", 2)]));
    assert!(ga.facets.year.is_empty(), "no dates");

    // The filter narrows every facet; kind and language chosen together.
    let q = Query {
        filter: "维也纳".into(),
        kind: Some(DocumentKind::Agenda),
        language: Some("zh".into()),
        sort: SortBy::Date,
        ..Default::default()
    };
    let vienna = filter_sort(listing(), &q);
    let found: Vec<&str> = vienna.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(found, [SEED_2024, SEED_2012]);
    assert_eq!(vienna.facets.kind, counts(&[("agenda", 2), ("report", 1)]));
    assert_eq!(vienna.facets.year, counts(&[("2024", 1), ("2012", 1)]));

    // A limit keeps the total.
    let first = filter_sort(
        listing(),
        &Query {
            limit: Some(2),
            ..Default::default()
        },
    );
    assert_eq!((first.documents.len(), first.total), (2, 6));
}

#[test]
fn a_query_reads_as_json_with_every_part_optional() {
    let q: Query =
        serde_json::from_str(r#"{"filter": "Nairobi 2023", "sort": "recently_added"}"#).unwrap();
    assert_eq!(q.sort, SortBy::RecentlyAdded);
    assert_eq!(q.body, None);
    let r = filter_sort(listing(), &q);
    assert_eq!(r.total, 0);
    let json = serde_json::to_value(filter_sort(listing(), &Query::default())).unwrap();
    assert_eq!(json["total"], 6);
    assert!(json["facets"]["body"][0]["count"].is_number());
}
