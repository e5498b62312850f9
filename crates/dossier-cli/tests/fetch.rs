//! `dossier fetch --meeting …` against the loopback imitation of the UN
//! document system: every missing document of a seed meeting the server
//! holds is fetched, the others are reported for what they are, and the
//! meeting's missing count (in `dossier list --json`) falls accordingly.

use ods_stub::{word_document, Catalogue, Stub};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn dossier(data: &Path, stub: &Stub, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("DOSSIER_ODS_URL", stub.url())
        .env("DOSSIER_FETCH_INTERVAL_MS", "20")
        .output()
        .expect("run dossier")
}

fn word(symbol: &str, language: &str) -> Vec<u8> {
    let (title, body): (&str, [&str; 2]) = match language {
        "zh" => (
            "关于执行情况的报告",
            [
                "工作组请秘书处继续收集关于执行情况的资料并加以分析。",
                "秘书处将向下一届会议提交一份关于所取得进展的报告。",
            ],
        ),
        _ => (
            "Report on implementation",
            [
                "The Working Group requested the secretariat to continue gathering information on implementation.",
                "The secretariat will report on the progress made to the next session of the Working Group.",
            ],
        ),
    };
    word_document(symbol, language, title, &body)
}

const MEETING: &str = "CAC/COSP/WG.2/2024";

fn missing_of_meeting(data: &Path, stub: &Stub) -> (u64, usize) {
    let out = dossier(data, stub, &["list", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing: Value = serde_json::from_slice(&out.stdout).unwrap();
    let meeting = listing["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["key"] == format!("symbol:{MEETING}"))
        .expect("the seed meeting")
        .clone();
    (
        meeting["missing_count"].as_u64().unwrap(),
        meeting["documents"].as_array().unwrap().len(),
    )
}

#[test]
fn fetching_a_seed_meetings_missing_documents_lowers_its_missing_count() {
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
    let data = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let out = dossier(data.path(), &stub, &["ingest", seeds.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (missing_before, docs_before) = missing_of_meeting(data.path(), &stub);
    assert!(missing_before >= 2, "{missing_before}");

    let out = dossier(
        data.path(),
        &stub,
        &["fetch", "--meeting", MEETING, "--lang", "zh,en"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let line = |symbol: &str, lang: &str| -> String {
        stdout
            .lines()
            .find(|l| {
                let words: Vec<&str> = l.split_whitespace().collect();
                words.contains(&symbol) && words.contains(&lang)
            })
            .unwrap_or_else(|| panic!("no line for {symbol} {lang} in:\n{stdout}"))
            .to_string()
    };
    assert!(
        line("CAC/COSP/WG.2/2024/2", "zh").starts_with("fetched"),
        "{stdout}"
    );
    assert!(
        line("CAC/COSP/WG.2/2024/2", "en").starts_with("fetched"),
        "{stdout}"
    );
    assert!(
        line("CAC/COSP/WG.2/2024/3", "zh").starts_with("fetched"),
        "{stdout}"
    );
    assert!(
        line("CAC/COSP/WG.2/2024/3", "en").starts_with("not in that language"),
        "{stdout}"
    );
    // A symbol the server does not hold in any language does not exist.
    for symbol in stdout
        .lines()
        .filter(|l| !l.contains("CAC/COSP/WG.2/2024/2") && !l.contains("CAC/COSP/WG.2/2024/3"))
        .filter(|l| l.contains("CAC/"))
    {
        assert!(symbol.starts_with("does not exist"), "{symbol}");
    }
    assert!(
        stdout.contains("3 fetched, 1 not in that language"),
        "{stdout}"
    );
    // Progress went to stderr as it ran.
    assert!(stderr.contains("fetch 1/"), "{stderr}");

    let (missing_after, docs_after) = missing_of_meeting(data.path(), &stub);
    assert_eq!(missing_after, missing_before - 2, "{stdout}");
    assert_eq!(docs_after, docs_before + 3);

    // Asked again, what arrived is skipped and nothing is fetched twice.
    let requests = stub.requests().len();
    let out = dossier(
        data.path(),
        &stub,
        &["fetch", "CAC/COSP/WG.2/2024/2", "--lang", "zh"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.starts_with("skipped"), "{stdout}");
    assert_eq!(stub.requests().len(), requests);
    assert_eq!(missing_of_meeting(data.path(), &stub).1, docs_after);
}
