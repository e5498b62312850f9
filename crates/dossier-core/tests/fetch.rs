//! The fetcher against `ods-stub`, the loopback imitation of the UN's
//! document system: each of the service's known behaviours, and the
//! outcome the user sees for it. No test here reaches the internet. The
//! files served are real UN documents from `shared/corpus/` where the test
//! is about a real file, and Word files made in each language's masthead
//! where it is about the protocol.

use dossier_core::api::Format;
use dossier_core::api::{FetchFormats, FetchOutcome, FetchResult};
use dossier_core::fetch::{self, FetchOptions, FetchReport, FetchStop};
use dossier_core::Library;
use ods_stub::{word_document, Catalogue, Quirk, Stub};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

/// A real document of the shared corpus, or None outside CI when the corpus
/// is not beside the checkout.
fn corpus(relative: &str) -> Option<Vec<u8>> {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(relative);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!(
                "{}: {e} (CI has ../shared beside the checkout)",
                path.display()
            )
        }
        Err(_) => {
            eprintln!("skipping: {} not found", path.display());
            None
        }
    }
}

fn word(symbol: &str, language: &str) -> Vec<u8> {
    let (title, body): (&str, [&str; 2]) = match language {
        "zh" => (
            "关于执行情况的报告",
            [
                "缔约国会议请秘书处继续收集关于执行情况的资料。",
                "秘书处将向下一届会议提交一份关于所取得进展的报告。",
            ],
        ),
        "fr" => (
            "Rapport sur l'application",
            [
                "La Conférence a prié le secrétariat de continuer à recueillir des informations sur l'application.",
                "Le secrétariat présentera un rapport sur les progrès accomplis à la prochaine session.",
            ],
        ),
        _ => (
            "Report on implementation",
            [
                "The Conference requested the secretariat to continue gathering information on implementation.",
                "The secretariat will report on the progress made to the next session of the Conference.",
            ],
        ),
    };
    word_document(symbol, language, title, &body)
}

fn library() -> (tempfile::TempDir, Arc<Library>) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path()).unwrap();
    (dir, Arc::new(lib))
}

fn options(stub: &Stub) -> FetchOptions {
    FetchOptions {
        service: stub.url(),
        ..FetchOptions::default()
    }
    .paced(Duration::from_millis(20))
}

fn run_with(lib: &Arc<Library>, options: FetchOptions, cancel: CancellationToken) -> FetchReport {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime
        .block_on(fetch::run(lib.clone(), options, &mut |_| {}, cancel))
        .unwrap()
}

fn run(lib: &Arc<Library>, options: FetchOptions) -> FetchReport {
    run_with(lib, options, CancellationToken::new())
}

fn queue(lib: &Library, symbol: &str, languages: &[&str], formats: FetchFormats) {
    for l in languages {
        lib.queue_fetch(symbol, l, formats, None).unwrap();
    }
}

fn result<'a>(report: &'a FetchReport, symbol: &str, language: &str) -> &'a FetchResult {
    report
        .results
        .iter()
        .find(|r| r.symbol == symbol && r.language == language)
        .unwrap_or_else(|| panic!("no result for {symbol} {language} in {report:#?}"))
}

/// The library's documents as (symbol, language), sorted.
fn held(lib: &Library) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = lib
        .records()
        .unwrap()
        .into_iter()
        .map(|r| (r.effective_symbol().unwrap_or("").to_string(), r.language))
        .collect();
    v.sort();
    v
}

fn access_requests(stub: &Stub) -> Vec<ods_stub::Request> {
    stub.requests()
        .into_iter()
        .filter(|r| r.path == "/api/symbol/access")
        .collect()
}

#[test]
fn a_real_word_file_is_fetched_through_the_upper_case_redirect_and_filed_under_its_symbol() {
    let Some(docx) = corpus("real/ECE_TRADE_C_CEFACT_2019_26_en.docx") else {
        return;
    };
    let stub = Stub::start(Catalogue::new().file("ECE/TRADE/C/CEFACT/2019/26", "en", "docx", docx))
        .unwrap();
    let (_dir, lib) = library();
    queue(
        &lib,
        "ECE/TRADE/C/CEFACT/2019/26",
        &["en"],
        FetchFormats::WordElsePdf,
    );
    let report = run(&lib, options(&stub));
    let r = result(&report, "ECE/TRADE/C/CEFACT/2019/26", "en");
    assert_eq!(r.outcome, FetchOutcome::Fetched, "{r:?}");
    assert_eq!(r.formats, vec![Format::Docx]);
    let id = r.document_id.expect("the stored document");
    let record = lib
        .records()
        .unwrap()
        .into_iter()
        .find(|d| d.id == id)
        .unwrap();
    assert_eq!(record.symbol.as_deref(), Some("ECE/TRADE/C/CEFACT/2019/26"));
    assert_eq!(record.language, "en");
    assert!(
        record.title.contains("sustainable textile"),
        "{}",
        record.title
    );
    // The access request carried a browser's headers; the file was read at
    // the lower-case form of the path the redirect named (the upper-case
    // one is a 404 at the service).
    let requests = stub.requests();
    let access = &requests[0];
    assert_eq!(access.status, 302);
    assert!(access
        .user_agent
        .as_deref()
        .unwrap_or("")
        .contains("Mozilla/"));
    assert_eq!(
        access.referer.as_deref(),
        Some("https://docs.un.org/en/ECE/TRADE/C/CEFACT/2019/26")
    );
    let file = &requests[1];
    assert_eq!(file.status, 200);
    assert!(file.path.starts_with("/doc/undoc/"), "{}", file.path);
    assert_eq!(requests.len(), 2, "{requests:#?}");
    // Its text is searchable at once.
    let hits = lib
        .search(&dossier_core::api::SearchRequest {
            query: "garment footwear".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(hits.iter().any(|h| h.document.id == id), "{hits:?}");
}

#[test]
fn both_files_when_the_page_view_is_wanted_and_a_pdf_when_there_is_no_word_file() {
    let (Some(docx), Some(pdf), Some(ita_en), Some(ita_fr)) = (
        corpus("real/ECE_TRADE_C_CEFACT_2019_26_en.docx"),
        corpus("real/ECE_TRADE_C_CEFACT_2019_26_en.pdf"),
        corpus("real/A_HRC_WG.6_7_ITA_1_en.pdf"),
        corpus("real/A_HRC_WG.6_7_ITA_1_fr.pdf"),
    ) else {
        return;
    };
    let stub = Stub::start(
        Catalogue::new()
            .file("ECE/TRADE/C/CEFACT/2019/26", "en", "docx", docx)
            .file("ECE/TRADE/C/CEFACT/2019/26", "en", "pdf", pdf)
            .file("A/HRC/WG.6/7/ITA/1", "en", "pdf", ita_en)
            .file("A/HRC/WG.6/7/ITA/1", "fr", "pdf", ita_fr),
    )
    .unwrap();
    let (_dir, lib) = library();
    queue(
        &lib,
        "ECE/TRADE/C/CEFACT/2019/26",
        &["en"],
        FetchFormats::Both,
    );
    queue(
        &lib,
        "A/HRC/WG.6/7/ITA/1",
        &["en", "fr"],
        FetchFormats::WordElsePdf,
    );
    let report = run(&lib, options(&stub));
    let ece = result(&report, "ECE/TRADE/C/CEFACT/2019/26", "en");
    assert_eq!(ece.outcome, FetchOutcome::Fetched, "{ece:?}");
    assert_eq!(ece.formats, vec![Format::Docx, Format::Pdf]);
    let formats: Vec<Format> = lib
        .renditions(ece.document_id.unwrap())
        .unwrap()
        .iter()
        .map(|r| r.format)
        .collect();
    assert!(
        formats.contains(&Format::Docx) && formats.contains(&Format::Pdf),
        "{formats:?}"
    );
    for l in ["en", "fr"] {
        let r = result(&report, "A/HRC/WG.6/7/ITA/1", l);
        assert_eq!(r.outcome, FetchOutcome::Fetched, "{r:?}");
        assert_eq!(r.formats, vec![Format::Pdf], "no Word file: the PDF");
    }
    assert_eq!(
        held(&lib),
        vec![
            ("A/HRC/WG.6/7/ITA/1".to_string(), "en".to_string()),
            ("A/HRC/WG.6/7/ITA/1".to_string(), "fr".to_string()),
            ("ECE/TRADE/C/CEFACT/2019/26".to_string(), "en".to_string()),
        ]
    );
    // Asked again, each is already in the library: nothing is requested.
    let before = stub.requests().len();
    queue(
        &lib,
        "A/HRC/WG.6/7/ITA/1",
        &["en", "fr"],
        FetchFormats::WordElsePdf,
    );
    let again = run(&lib, options(&stub));
    assert!(
        again
            .results
            .iter()
            .all(|r| r.outcome == FetchOutcome::Skipped),
        "{again:#?}"
    );
    assert_eq!(stub.requests().len(), before);
}

#[test]
fn a_symbol_the_service_does_not_hold_does_not_exist_and_another_language_is_not_published() {
    let stub = Stub::start(Catalogue::new().file(
        "CAC/COSP/2023/14",
        "en",
        "docx",
        word("CAC/COSP/2023/14", "en"),
    ))
    .unwrap();
    let (_dir, lib) = library();
    queue(&lib, "CAC/COSP/2023/99", &["en"], FetchFormats::WordElsePdf);
    queue(
        &lib,
        "CAC/COSP/2023/14",
        &["en", "zh"],
        FetchFormats::WordElsePdf,
    );
    let report = run(&lib, options(&stub));
    assert_eq!(
        result(&report, "CAC/COSP/2023/99", "en").outcome,
        FetchOutcome::NotFound
    );
    assert_eq!(
        result(&report, "CAC/COSP/2023/14", "en").outcome,
        FetchOutcome::Fetched
    );
    assert_eq!(
        result(&report, "CAC/COSP/2023/14", "zh").outcome,
        FetchOutcome::NotInLanguage,
        "the symbol exists, in English: not published in Chinese"
    );
    // Both files were asked for before "does not exist" was said.
    let asked: Vec<String> = access_requests(&stub)
        .iter()
        .filter(|r| r.param("s") == Some("CAC/COSP/2023/99"))
        .map(|r| r.param("t").unwrap_or("").to_string())
        .collect();
    assert_eq!(asked, vec!["docx", "pdf"]);
    assert_eq!(
        held(&lib),
        vec![("CAC/COSP/2023/14".to_string(), "en".to_string())]
    );
}

#[test]
fn an_english_file_served_for_a_translation_is_not_filed_as_one() {
    // The service answers with the English file where it has no French
    // one (as it does for a language it does not know): what the fetched
    // file says of itself decides.
    let english = word("E/2025/9", "en");
    let stub = Stub::start(
        Catalogue::new()
            .file("E/2025/9", "en", "docx", english.clone())
            .file("E/2025/9", "fr", "docx", english),
    )
    .unwrap();
    let (_dir, lib) = library();
    queue(&lib, "E/2025/9", &["fr"], FetchFormats::WordElsePdf);
    let report = run(&lib, options(&stub));
    let fr = result(&report, "E/2025/9", "fr");
    assert_eq!(fr.outcome, FetchOutcome::NotInLanguage, "{fr:?}");
    assert!(fr.detail.as_deref().unwrap_or("").contains("en"), "{fr:?}");
    assert!(held(&lib).is_empty(), "nothing was filed: {:?}", held(&lib));
    assert!(
        std::fs::read_dir(lib.dir().join("fetching"))
            .unwrap()
            .next()
            .is_none(),
        "the refused file is not left behind"
    );
}

#[test]
fn a_file_filed_under_another_symbol_is_refused() {
    let stub = Stub::start(Catalogue::new().file(
        "CAC/COSP/2023/14",
        "en",
        "docx",
        word("CAC/COSP/2023/15", "en"),
    ))
    .unwrap();
    let (_dir, lib) = library();
    queue(&lib, "CAC/COSP/2023/14", &["en"], FetchFormats::Word);
    let report = run(&lib, options(&stub));
    let r = result(&report, "CAC/COSP/2023/14", "en");
    assert_eq!(r.outcome, FetchOutcome::Failed, "{r:?}");
    assert!(
        r.detail
            .as_deref()
            .unwrap_or("")
            .contains("CAC/COSP/2023/15"),
        "{r:?}"
    );
    assert!(held(&lib).is_empty());
}

#[test]
fn transient_answers_are_tried_again_and_then_succeed() {
    let symbols = [
        "A/80/101", "A/80/102", "A/80/103", "A/80/104", "A/80/105", "A/80/106",
    ];
    let mut catalogue = Catalogue::new();
    for s in symbols {
        catalogue = catalogue.file(s, "en", "docx", word(s, "en"));
    }
    let catalogue = catalogue
        .quirk("A/80/101", "en", "docx", Quirk::TooManyRequests(1))
        .quirk("A/80/102", "en", "docx", Quirk::Unavailable(2))
        .quirk("A/80/103", "en", "docx", Quirk::Forbidden(1))
        .quirk("A/80/104", "en", "docx", Quirk::ErrorRedirect(1))
        .quirk("A/80/105", "en", "docx", Quirk::AppShell(1))
        .quirk("A/80/106", "en", "docx", Quirk::CutMidBody(1));
    let stub = Stub::start(catalogue).unwrap();
    let (_dir, lib) = library();
    for s in symbols {
        queue(&lib, s, &["en"], FetchFormats::Word);
    }
    // The pauses are paced down for the test, but not below what the 429
    // asks for.
    let options = FetchOptions {
        max_wait: Duration::from_secs(5),
        ..options(&stub)
    };
    let report = run(&lib, options);
    for s in symbols {
        let r = result(&report, s, "en");
        assert_eq!(r.outcome, FetchOutcome::Fetched, "{r:?}");
    }
    let statuses = |s: &str| -> Vec<u16> {
        access_requests(&stub)
            .iter()
            .filter(|r| r.param("s") == Some(s))
            .map(|r| r.status)
            .collect()
    };
    assert_eq!(statuses("A/80/101"), vec![429, 302]);
    assert_eq!(statuses("A/80/102"), vec![503, 503, 302]);
    assert_eq!(statuses("A/80/103"), vec![403, 302]);
    assert_eq!(statuses("A/80/104"), vec![302, 302]);
    assert_eq!(held(&lib).len(), symbols.len());
    // The 429 asked for a second (Retry-After: 1): the next try waited it.
    let tries: Vec<Instant> = access_requests(&stub)
        .iter()
        .filter(|r| r.param("s") == Some("A/80/101"))
        .map(|r| r.at)
        .collect();
    assert!(
        tries[1] - tries[0] >= Duration::from_millis(950),
        "{:?}",
        tries[1] - tries[0]
    );
}

#[test]
fn a_service_that_keeps_failing_gives_up_with_the_reason() {
    let stub = Stub::start(
        Catalogue::new()
            .file("A/80/201", "en", "docx", word("A/80/201", "en"))
            .quirk("A/80/201", "en", "docx", Quirk::Unavailable(100)),
    )
    .unwrap();
    let (_dir, lib) = library();
    queue(&lib, "A/80/201", &["en"], FetchFormats::Word);
    let options = options(&stub);
    let retries = options.retries as usize;
    let report = run(&lib, options);
    let r = result(&report, "A/80/201", "en");
    assert_eq!(r.outcome, FetchOutcome::Failed, "{r:?}");
    assert!(r.detail.as_deref().unwrap_or("").contains("503"), "{r:?}");
    assert_eq!(access_requests(&stub).len(), retries + 1);
    assert!(report.stopped.is_none());
}

#[test]
fn at_most_three_at_once_and_the_access_requests_spaced() {
    let symbols: Vec<String> = (1..=9).map(|i| format!("A/80/3{i:02}")).collect();
    let mut catalogue = Catalogue::new();
    for s in &symbols {
        catalogue = catalogue.file(s, "en", "docx", word(s, "en")).quirk(
            s,
            "en",
            "docx",
            Quirk::Slow(Duration::from_millis(300)),
        );
    }
    let stub = Stub::start(catalogue).unwrap();
    let (_dir, lib) = library();
    for s in &symbols {
        queue(&lib, s, &["en"], FetchFormats::Word);
    }
    let interval = Duration::from_millis(60);
    let options = FetchOptions {
        service: stub.url(),
        ..FetchOptions::default()
    }
    .paced(interval);
    let report = run(&lib, options);
    assert_eq!(
        report.count(FetchOutcome::Fetched),
        symbols.len(),
        "{report:#?}"
    );
    assert!(
        stub.max_in_flight() <= 3,
        "{} at once",
        stub.max_in_flight()
    );
    assert!(
        stub.max_in_flight() >= 2,
        "the documents were fetched in parallel"
    );
    let at: Vec<Instant> = access_requests(&stub).iter().map(|r| r.at).collect();
    for pair in at.windows(2) {
        // A little slack for the accept loop's own timing.
        assert!(
            pair[1] - pair[0] >= interval - Duration::from_millis(10),
            "{:?}",
            pair[1] - pair[0]
        );
    }
}

#[test]
fn a_slow_answer_past_the_budget_stops_the_run_promptly_and_stays_queued() {
    let stub = Stub::start(
        Catalogue::new()
            .file("A/80/401", "en", "docx", word("A/80/401", "en"))
            .quirk(
                "A/80/401",
                "en",
                "docx",
                Quirk::Slow(Duration::from_secs(20)),
            ),
    )
    .unwrap();
    let (_dir, lib) = library();
    queue(&lib, "A/80/401", &["en"], FetchFormats::Word);
    let mut options = options(&stub);
    options.budget = Duration::from_secs(1);
    let started = Instant::now();
    let report = run(&lib, options);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(report.stopped, Some(FetchStop::OutOfTime), "{report:#?}");
    assert_eq!(report.still_queued, 1);
    assert_eq!(
        lib.pending_fetches().unwrap().len(),
        1,
        "left for the next fetch"
    );
    assert!(held(&lib).is_empty());
}

#[test]
fn no_service_is_offline_said_plainly_and_everything_stays_queued() {
    // A port nothing listens on: bind one, then let it go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (_dir, lib) = library();
    queue(&lib, "A/80/501", &["en", "fr"], FetchFormats::Word);
    let options = FetchOptions {
        service: format!("http://127.0.0.1:{port}"),
        ..FetchOptions::default()
    }
    .paced(Duration::from_millis(20));
    let started = Instant::now();
    let report = run(&lib, options);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(report.stopped, Some(FetchStop::Offline), "{report:#?}");
    assert!(
        report
            .stop_reason
            .as_deref()
            .unwrap_or("")
            .contains("cannot reach"),
        "{report:?}"
    );
    assert_eq!(report.still_queued, 2);
    assert_eq!(lib.pending_fetches().unwrap().len(), 2);
}

#[test]
fn a_fetch_cut_off_mid_way_resumes_where_it_stopped_without_duplicates() {
    let symbols: Vec<String> = (1..=6).map(|i| format!("A/80/6{i:02}")).collect();
    let catalogue = |slow: bool| {
        let mut c = Catalogue::new();
        for s in &symbols {
            c = c.file(s, "en", "docx", word(s, "en"));
            if slow && s.ends_with("604") {
                c = c.quirk(s, "en", "docx", Quirk::Slow(Duration::from_secs(30)));
            }
        }
        c
    };
    let (dir, lib) = library();
    for s in &symbols {
        queue(&lib, s, &["en"], FetchFormats::Word);
    }
    {
        // The run is dropped (as when the program is killed) while one file
        // is half downloaded and others are waiting.
        let stub = Stub::start(catalogue(true)).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let options = FetchOptions {
            concurrency: 1,
            ..options(&stub)
        };
        let cut = runtime.block_on(async {
            tokio::time::timeout(
                Duration::from_secs(2),
                fetch::run(lib.clone(), options, &mut |_| {}, CancellationToken::new()),
            )
            .await
        });
        assert!(cut.is_err(), "the run was still going: {cut:?}");
    }
    let part = held(&lib).len();
    assert!(part < symbols.len(), "some were left: {part}");
    drop(lib);
    // The next start: the library opened again, the same queue finished.
    let lib = Arc::new(Library::open(dir.path()).unwrap());
    assert_eq!(lib.pending_fetches().unwrap().len(), symbols.len() - part);
    let stub = Stub::start(catalogue(false)).unwrap();
    let report = run(&lib, options(&stub));
    assert_eq!(
        report.count(FetchOutcome::Fetched),
        symbols.len() - part,
        "{report:#?}"
    );
    let mut expected: Vec<(String, String)> = symbols
        .iter()
        .map(|s| (s.clone(), "en".to_string()))
        .collect();
    expected.sort();
    assert_eq!(held(&lib), expected, "each once");
    assert!(lib.pending_fetches().unwrap().is_empty());
    let fetched_again: Vec<String> = access_requests(&stub)
        .iter()
        .filter_map(|r| r.param("s").map(str::to_string))
        .filter(|s| !s.ends_with("604") && symbols[..part].contains(s))
        .collect();
    assert!(
        fetched_again.is_empty(),
        "done ones were not fetched again: {fetched_again:?}"
    );
}

#[test]
fn cancelling_stops_at_once_and_keeps_the_rest_queued() {
    let stub = Stub::start(
        Catalogue::new()
            .file("A/80/701", "en", "docx", word("A/80/701", "en"))
            .quirk(
                "A/80/701",
                "en",
                "docx",
                Quirk::Slow(Duration::from_secs(20)),
            ),
    )
    .unwrap();
    let (_dir, lib) = library();
    queue(&lib, "A/80/701", &["en"], FetchFormats::Word);
    let cancel = CancellationToken::new();
    let later = cancel.clone();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        later.cancel();
    });
    let started = Instant::now();
    let report = run_with(&lib, options(&stub), cancel);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(report.stopped, Some(FetchStop::Cancelled));
    assert_eq!(lib.pending_fetches().unwrap().len(), 1);
}

#[test]
fn a_meetings_missing_documents_are_fetched_and_its_missing_count_falls() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let (_dir, lib) = library();
    for entry in std::fs::read_dir(&seeds).unwrap() {
        lib.ingest_file(&entry.unwrap().path()).unwrap();
    }
    let meeting = |lib: &Library| {
        lib.listing()
            .unwrap()
            .meetings
            .into_iter()
            .find(|m| m.key == "symbol:CAC/COSP/WG.2/2024")
            .expect("the seed meeting")
    };
    let before = meeting(&lib);
    let plan = lib
        .fetch_plan(
            before.id,
            &["zh".to_string(), "en".to_string()],
            FetchFormats::WordElsePdf,
        )
        .unwrap();
    assert!(plan.missing >= 2, "{plan:#?}");
    let stub = Stub::start(
        Catalogue::new()
            .file(
                "CAC/COSP/WG.2/2024/2",
                "zh",
                "docx",
                word("CAC/COSP/WG.2/2024/2", "zh"),
            )
            .file(
                "CAC/COSP/WG.2/2024/2",
                "en",
                "docx",
                word("CAC/COSP/WG.2/2024/2", "en"),
            )
            .file(
                "CAC/COSP/WG.2/2024/3",
                "zh",
                "docx",
                word("CAC/COSP/WG.2/2024/3", "zh"),
            ),
    )
    .unwrap();
    lib.queue_meeting_fetch(
        before.id,
        &["zh".to_string(), "en".to_string()],
        FetchFormats::WordElsePdf,
    )
    .unwrap();
    let report = run(&lib, options(&stub));
    assert_eq!(
        result(&report, "CAC/COSP/WG.2/2024/2", "zh").outcome,
        FetchOutcome::Fetched
    );
    assert_eq!(
        result(&report, "CAC/COSP/WG.2/2024/2", "en").outcome,
        FetchOutcome::Fetched
    );
    assert_eq!(
        result(&report, "CAC/COSP/WG.2/2024/3", "zh").outcome,
        FetchOutcome::Fetched
    );
    assert_eq!(
        result(&report, "CAC/COSP/WG.2/2024/3", "en").outcome,
        FetchOutcome::NotInLanguage
    );
    assert!(
        report
            .results
            .iter()
            .all(|r| r.outcome != FetchOutcome::Failed),
        "{report:#?}"
    );
    let after = meeting(&lib);
    assert_eq!(
        after.missing_count,
        before.missing_count - 2,
        "{} → {}",
        before.missing_count,
        after.missing_count
    );
    assert!(after.documents.len() >= before.documents.len() + 3);
}
