//! Files made to take a reader down, generated here: each fails alone with
//! its message, the `dossier` process survives (it reads files in a worker
//! process with limits), and a batch of good and hostile files imports the
//! good ones.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dossier(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("run dossier")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/001_9b3f3c3582431abc.txt")
}

fn good_pdf() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../dossier-core/tests/fixtures/en_irg_agenda.pdf")
}

/// A PDF from the bodies of its objects (object 1 is the first), with a
/// correct cross-reference table.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(data).unwrap();
    z.finish().unwrap()
}

/// `byte` repeated `len` times, deflated, without holding it in memory.
fn deflated_run(byte: u8, len: usize) -> Vec<u8> {
    let chunk = vec![byte; 1 << 20];
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    for _ in 0..len >> 20 {
        z.write_all(&chunk).unwrap();
    }
    z.finish().unwrap()
}

/// A one-page PDF: `content` is the page's content stream (object 4), and
/// `more` are objects 6, 7 … (object 5 is the font, the page's resources
/// name `/X` for object 6).
fn page_pdf(content: Vec<u8>, more: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X 6 0 R >> >> /Contents 4 0 R >>".to_vec(),
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend(more);
    pdf(&objects)
}

const HELLO: &[u8] = b"BT /F1 12 Tf 72 700 Td (Provisional agenda) Tj ET";

fn form(resources: &str, content: &[u8]) -> Vec<u8> {
    stream(
        &format!("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << {resources} >>"),
        content,
    )
}

type Hostile = (&'static str, Vec<u8>, &'static str);

/// Each hostile file, its name and what its message must say (made once:
/// the bombs take a few seconds to deflate).
fn hostile_files() -> &'static [Hostile] {
    static FILES: std::sync::OnceLock<Vec<Hostile>> = std::sync::OnceLock::new();
    FILES.get_or_init(make_hostile_files)
}

fn make_hostile_files() -> Vec<Hostile> {
    let deep = 200_000;
    let nested_array = format!("{}{}", "[".repeat(deep), "]".repeat(deep)).into_bytes();
    let nested_dict = format!("{}1{}", "<< /A ".repeat(deep), " >>".repeat(deep)).into_bytes();
    let mut tj = b"BT /F1 12 Tf 72 700 Td ".to_vec();
    tj.extend(format!("{}(x){} TJ ET", "[".repeat(deep), "]".repeat(deep)).bytes());
    let mut twice = Vec::new();
    for _ in 0..200 {
        twice.extend_from_slice(b"/X Do ");
    }
    let page_of_text = {
        let mut t = b"BT /F1 1 Tf ".to_vec();
        for _ in 0..1_000 {
            t.extend_from_slice(b"0 -1 Td (");
            t.extend_from_slice(&[b'x'; 1000]);
            t.extend_from_slice(b") Tj ");
        }
        t.extend_from_slice(b"ET");
        t
    };
    vec![
        (
            "deep-array.pdf",
            page_pdf(stream("", HELLO), vec![nested_array]),
            "nested too deeply",
        ),
        (
            "deep-dictionary.pdf",
            page_pdf(stream("", HELLO), vec![nested_dict]),
            "nested too deeply",
        ),
        (
            "deep-tj.pdf",
            page_pdf(stream("", &tj), vec![]),
            "nests arrays or dictionaries more than 32 deep",
        ),
        (
            "self-drawing-form.pdf",
            page_pdf(
                stream("", b"BT /F1 12 Tf 72 700 Td (Agenda) Tj ET /X Do"),
                vec![form("/XObject << /X 6 0 R >>", b"/X Do")],
            ),
            "a Form XObject of the PDF draws itself",
        ),
        (
            "content-bomb.pdf",
            page_pdf(
                stream("/Filter /FlateDecode", &deflated_run(b' ', 1 << 30)),
                vec![],
            ),
            "inflates to more than 128 MB",
        ),
        (
            "q-bomb.pdf",
            page_pdf(
                stream("/Filter /FlateDecode", &deflate(&b"q\n".repeat(30_000_000))),
                vec![],
            ),
            "draws more than 1 million operations",
        ),
        (
            "text-bomb.pdf",
            // 1 MB of text drawn 200 times through a form: 200 MB of text.
            page_pdf(
                stream("", &twice),
                vec![stream(
                    "/Type /XObject /Subtype /Form /BBox [0 0 595 842] \
                     /Resources << /Font << /F1 5 0 R >> >> /Filter /FlateDecode",
                    &deflate(&page_of_text),
                )],
            ),
            "expands to more than 4 million characters of text",
        ),
        (
            "stream-chain-bomb.pdf",
            // Inflated twice by lopdf, not by Dossier: the first pass makes
            // 3 MB, the second runs into the worker's memory limit, and what
            // it made by then is more than the content bound.
            page_pdf(
                stream(
                    "/Filter [/FlateDecode /FlateDecode]",
                    &deflate(&deflated_run(b' ', 3 << 30)),
                ),
                vec![],
            ),
            "inflates to more than 128 MB",
        ),
        (
            "operand-bomb.pdf",
            // Few operations, with a million operands each.
            page_pdf(
                stream(
                    "/Filter /FlateDecode",
                    &deflate(&b"0 0 0 0 0 0 0 0 0 0 0 0 cm\n".repeat(400_000)),
                ),
                vec![],
            ),
            "4 million operands",
        ),
    ]
}

#[test]
fn each_hostile_pdf_fails_alone_with_its_message_and_the_process_survives() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("library");
    for (name, bytes, expected) in hostile_files().iter() {
        let path = root.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let started = std::time::Instant::now();
        let out = dossier(&data, &["parse", path.to_str().unwrap()], &[]);
        let said = text(&out);
        eprintln!(
            "{name}: {:.2?} exit {:?}: {}",
            started.elapsed(),
            out.status.code(),
            said.trim()
        );
        assert_eq!(
            out.status.code(),
            Some(2),
            "{name} ends with an error, not a crash: {said}"
        );
        assert!(
            said.contains(name),
            "{name}: the message names the file: {said}"
        );
        assert!(said.contains(expected), "{name}: {said}");
    }
}

#[test]
fn a_batch_of_good_and_hostile_files_imports_the_good_ones() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("library");
    let docs = root.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::copy(seed(), docs.join("a-good.txt")).unwrap();
    std::fs::copy(good_pdf(), docs.join("m-good.pdf")).unwrap();
    let hostile: Vec<_> = hostile_files()
        .iter()
        .filter(|(name, ..)| name.starts_with("deep") || name.starts_with("self"))
        .collect();
    for (name, bytes, _) in &hostile {
        std::fs::write(docs.join(name), bytes).unwrap();
    }
    let out = dossier(&data, &["ingest", "--json", docs.to_str().unwrap()], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = report["results"].as_array().unwrap();
    assert_eq!(results.len(), 2 + hostile.len());
    for r in results {
        let path = r["path"].as_str().unwrap();
        let name = Path::new(path).file_name().unwrap().to_str().unwrap();
        let expected = hostile.iter().find(|h| h.0 == name).map(|h| h.2);
        match expected {
            Some(expected) => {
                assert_eq!(r["status"], "failed", "{r}");
                assert!(r["message"].as_str().unwrap().contains(expected), "{r}");
            }
            None => assert_eq!(r["status"], "ingested", "{r}"),
        }
    }
    let out = dossier(&data, &["list", "--json"], &[]);
    assert!(out.status.success(), "{}", text(&out));
    let listing: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let filed: usize = listing["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["documents"].as_array().unwrap().len())
        .sum();
    assert_eq!(filed + listing["unfiled"].as_array().unwrap().len(), 2);

    // Workers that die leave the library as it was, byte for byte.
    let db = data.join("library.sqlite3");
    let before = std::fs::read(&db).unwrap();
    let deaths: Vec<String> = hostile
        .iter()
        .filter(|(name, ..)| name.starts_with("deep-a") || name.starts_with("deep-d"))
        .map(|(name, ..)| docs.join(name).display().to_string())
        .collect();
    let mut args = vec!["ingest"];
    args.extend(deaths.iter().map(String::as_str));
    let out = dossier(&data, &args, &[]);
    assert!(
        text(&out).contains("0 ingested, 0 new versions, 0 new renditions, 0 unchanged, 2 failed"),
        "{}",
        text(&out)
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database is byte-identical"
    );
}

#[test]
fn a_file_that_needs_more_memory_than_the_limit_fails_alone() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("library");
    let (name, bytes, _) = hostile_files()
        .iter()
        .find(|h| h.0 == "text-bomb.pdf")
        .unwrap();
    let bomb = root.path().join(name);
    std::fs::write(&bomb, bytes).unwrap();
    let good = root.path().join("good.txt");
    std::fs::copy(seed(), &good).unwrap();
    let out = dossier(
        &data,
        &["ingest", bomb.to_str().unwrap(), good.to_str().unwrap()],
        &[("DOSSIER_EXTRACT_MEMORY_MB", "200")],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("text-bomb.pdf: the PDF needed more than 200 MB of memory to read"),
        "{said}"
    );
    assert!(said.contains("1 ingested"), "{said}");
}

#[test]
fn a_file_that_takes_too_long_is_abandoned_and_the_next_one_read() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("library");
    let slow = root.path().join("slow.pdf");
    // Within every bound, but slow: a form of 900,000 operations drawn 15 times.
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Filter /FlateDecode",
        &deflate(&b"q Q\n".repeat(450_000)),
    );
    let content = b"/X Do\n".repeat(15);
    std::fs::write(&slow, page_pdf(stream("", &content), vec![form])).unwrap();
    let good = root.path().join("good.txt");
    std::fs::copy(seed(), &good).unwrap();
    let out = dossier(
        &data,
        &["ingest", slow.to_str().unwrap(), good.to_str().unwrap()],
        &[("DOSSIER_EXTRACT_TIMEOUT_MS", "300")],
    );
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains("slow.pdf: the PDF took more than 0.3 s to read"),
        "{said}"
    );
    assert!(said.contains("1 ingested"), "{said}");
}

#[cfg(unix)]
#[test]
fn parse_refuses_a_device_at_once() {
    let data = tempfile::tempdir().unwrap();
    let out = dossier(data.path(), &["parse", "/dev/zero"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("/dev/zero: is a device, not a regular file"),
        "{}",
        text(&out)
    );
}

/// Structures a reader can loop on or trust too far — a page tree that
/// contains itself, a page that is its own parent, a billion pages
/// declared, a font without widths, a wrong cross-reference table, a Word
/// file that defines entities that expand to gigabytes — each read or
/// refused alone, with its message, within seconds.
#[test]
fn odd_structures_are_read_or_refused_within_seconds() {
    let page = |parent: &str| {
        format!("<< /Type /Page /Parent {parent} /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
            .into_bytes()
    };
    let with = |pages: &[u8], page: Vec<u8>, font: &[u8]| {
        pdf(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            pages.to_vec(),
            page,
            stream("", HELLO),
            font.to_vec(),
        ])
    };
    let helvetica: &[u8] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    let mut wrong_xref = page_pdf(stream("", HELLO), vec![]);
    let at = wrong_xref
        .windows(10)
        .rposition(|w| w == b"startxref\n")
        .unwrap()
        + 10;
    wrong_xref.splice(at..at + 3, b"9".iter().copied());
    let laughs = {
        let mut dtd = String::from("<!DOCTYPE w:document [<!ENTITY a0 \"laugh\">");
        for i in 1..30 {
            let prev = format!("&a{};", i - 1);
            dtd.push_str(&format!("<!ENTITY a{i} \"{}\">", prev.repeat(10)));
        }
        dtd.push(']');
        dtd.push('>');
        format!(
            "{dtd}<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Agenda &a29;</w:t></w:r></w:p></w:body></w:document>"
        )
    };
    let docx = |xml: &str| {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    };
    // (name, bytes, read: the text it must give, or refused: what its message says)
    let cases: Vec<(&str, Vec<u8>, Result<&str, &str>)> = vec![
        (
            "page-tree-cycle.pdf",
            with(b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>", page("2 0 R"), helvetica),
            Ok("Provisional agenda"),
        ),
        (
            "own-parent.pdf",
            with(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page("3 0 R"), helvetica),
            Ok("Provisional agenda"),
        ),
        (
            "billion-pages.pdf",
            with(b"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>", page("2 0 R"), helvetica),
            Ok("Provisional agenda"),
        ),
        (
            "font-without-widths.pdf",
            with(
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                page("2 0 R"),
                b"<< /Type /Font /Subtype /TrueType /BaseFont /NoSuchFont /FirstChar 32 /LastChar 126 >>",
            ),
            Ok("Provisional agenda"),
        ),
        ("wrong-xref.pdf", wrong_xref, Ok("Provisional agenda")),
        ("laughs.docx", docx(&laughs), Err("laughs.docx")),
    ];
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("library");
    for (name, bytes, expected) in cases {
        let path = root.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let started = std::time::Instant::now();
        let out = dossier(&data, &["parse", "--text", path.to_str().unwrap()], &[]);
        let took = started.elapsed();
        let said = text(&out);
        eprintln!(
            "{name}: {took:.2?} exit {:?}: {}",
            out.status.code(),
            said.trim().chars().take(200).collect::<String>()
        );
        assert!(
            took < std::time::Duration::from_secs(20),
            "{name} took {took:?}"
        );
        match expected {
            Ok(words) => {
                assert!(out.status.success(), "{name} is read: {said}");
                assert!(said.contains(words), "{name}: {said}");
            }
            Err(words) => {
                assert_eq!(
                    out.status.code(),
                    Some(2),
                    "{name} ends with an error, not a crash: {said}"
                );
                assert!(said.contains(words), "{name}: {said}");
            }
        }
    }
}
