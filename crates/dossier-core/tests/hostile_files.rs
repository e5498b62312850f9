//! Files a delegate may be emailed: each fails alone with a message naming the
//! file and the problem, and the library database stays byte-identical.

use dossier_core::api::IngestStatus;
use dossier_core::Library;
use std::io::Write;
use std::path::{Path, PathBuf};

fn docx_with(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
    }
    buf.into_inner()
}

/// A one-page PDF whose only content is a drawn rectangle: no text layer.
fn scanned_pdf() -> Vec<u8> {
    use pdf_extract::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = Stream::new(dictionary! {}, b"0 0 0 rg 10 10 200 200 re f".to_vec());
    let content_id = doc.add_object(content);
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn hostile_files_fail_alone_with_their_reason() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("library");
    let bad = root.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/001_9b3f3c3582431abc.txt");
    {
        let lib = Library::open(&data).unwrap();
        lib.ingest_file(&seed).unwrap();
    }
    let db = data.join("library.sqlite3");
    let before = std::fs::read(&db).unwrap();

    let zeros = vec![b' '; 80 * 1024 * 1024];
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "bomb.docx",
            docx_with(&[("word/document.xml", zeros)]),
            "zip bomb",
        ),
        (
            "traversal.docx",
            // Entries are only ever read in memory by name; a traversal name is just missing parts.
            docx_with(&[("../../../../tmp/evil.xml", b"<x/>".to_vec())]),
            "no word/document.xml",
        ),
        ("scan.pdf", scanned_pdf(), "scan"),
        (
            "invalid-utf8.txt",
            [
                0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xFF, 0xFE, 0x00, 0x00, 0x01,
            ]
            .repeat(500),
            "not valid UTF-8",
        ),
        // The content's magic bytes win over the extension.
        (
            "renamed.docx",
            b"%PDF-1.4\n%garbage that is no PDF".to_vec(),
            "the PDF is damaged or truncated",
        ),
    ];
    let mut paths: Vec<PathBuf> = Vec::new();
    for (name, bytes, _) in &cases {
        let p = bad.join(name);
        std::fs::write(&p, bytes).unwrap();
        paths.push(p);
    }
    // 1 GB of text, as a sparse file: refused by its size before it is read.
    let huge = bad.join("huge.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    paths.push(huge);

    let lib = Library::open(&data).unwrap();
    let report = lib.ingest(&paths, &mut |_| {});
    drop(lib);
    assert_eq!(report.results.len(), paths.len());
    for r in &report.results {
        assert_eq!(r.status, IngestStatus::Failed, "{r:?}");
        let msg = r.message.as_deref().unwrap_or_default();
        let name = Path::new(&r.path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(msg.contains(&name), "the message names the file: {msg}");
        let expected = cases
            .iter()
            .find(|c| c.0 == name)
            .map(|c| c.2)
            .unwrap_or("up to 64 MB");
        assert!(msg.contains(expected), "{name}: {msg}");
        if name == "bomb.docx" {
            // Worded to the user as a file built to do harm, not a damaged one.
            assert!(
                matches!(r.reason, Some(dossier_core::Reason::Hostile { .. })),
                "{:?}",
                r.reason
            );
        }
        eprintln!("{msg}");
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database is byte-identical"
    );
}

/// File systems limit names to 255 bytes, not characters: the stored copy's
/// name is cut by bytes on a character boundary, and the original name kept.
#[test]
fn files_with_long_chinese_names_import() {
    let root = tempfile::tempdir().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/000_abe935980996e0b8.txt");
    let eighty = format!("{}.txt", &"联合国反腐败公约缔约国会议".repeat(7)[..240]);
    let longest = format!("{}.txt", &"实施情况审议组".repeat(12)[..246]);
    assert_eq!((eighty.len(), eighty.chars().count()), (244, 84));
    assert_eq!(longest.len(), 250);
    let mut paths = Vec::new();
    for (i, name) in [eighty, longest].iter().enumerate() {
        let dir = root.path().join(format!("in{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        // Two different contents, so neither is "the same document".
        let mut text = std::fs::read(&seed).unwrap();
        text.extend_from_slice(format!("\n\n本文件为第{i}份副本。\n").as_bytes());
        std::fs::write(&p, text).unwrap();
        paths.push(p);
    }
    let lib = Library::open(&root.path().join("library")).unwrap();
    let report = lib.ingest(&paths, &mut |_| {});
    for (r, p) in report.results.iter().zip(&paths) {
        assert_ne!(r.status, IngestStatus::Failed, "{r:?}");
        let id = r.document_id.unwrap();
        let record = lib.document(id).unwrap().record;
        assert_eq!(record.file, p.file_name().unwrap().to_str().unwrap());
        let copy = lib.original_file(id).unwrap();
        assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(p).unwrap());
        let stored = copy.file_name().unwrap().to_str().unwrap();
        assert!(stored.len() <= 255 && stored.ends_with(".txt"), "{stored}");
    }
}

/// A Word document whose list numbering starts at 4294967200 (or 4294967295)
/// in letters, with a level text of "%1%1%1%1": 642 bytes that made 2.6 GB
/// of list labels, or overflowed. Labels stay a few dozen characters.
#[test]
fn word_numbering_with_a_huge_start_makes_short_labels() {
    for start in ["4294967200", "4294967295"] {
        let numbering = format!(
            r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1%1%1%1"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
        );
        let para = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Adoption of the agenda</w:t></w:r></w:p>"#;
        let document = format!(
            r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}</w:body></w:document>"#,
            para.repeat(3)
        );
        let docx = docx_with(&[
            ("word/document.xml", document.into_bytes()),
            ("word/numbering.xml", numbering.into_bytes()),
        ]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("numbering.docx");
        std::fs::write(&path, &docx).unwrap();
        let text = dossier_core::extract::extract_file(&path).unwrap();
        assert_eq!(text.matches("Adoption of the agenda").count(), 3, "{text}");
        assert!(text.len() < 400, "{start}: {} bytes of text", text.len());
    }
}

/// A UTF-8 agenda with a few bytes of GB18030 pasted in was decoded entirely
/// as GB18030, without a word: it is UTF-8 with a diagnostic.
#[test]
fn a_utf8_file_with_a_few_gb18030_bytes_is_read_as_utf8_with_a_diagnostic() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/000_abe935980996e0b8.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let cut = text.char_indices().nth(300).unwrap().0;
    let (gb, _, _) = encoding_rs::GB18030.encode("联合国");
    let bytes = [&text.as_bytes()[..cut], &gb, &text.as_bytes()[cut..]].concat();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.txt");
    std::fs::write(&path, &bytes).unwrap();
    let doc = dossier_core::parse_file(&path).unwrap();
    assert!(
        doc.diagnostics[0].contains("UTF-8 except for"),
        "{:?}",
        doc.diagnostics
    );
    // Away from the stray bytes, the text reads as the file without them.
    let read = dossier_core::extract::extract_file(&path).unwrap();
    let pure =
        dossier_core::extract::extract_bytes(Path::new("pure.txt"), text.as_bytes()).unwrap();
    let far: String = pure.chars().skip(1000).take(40).collect();
    assert_eq!(far.chars().count(), 40);
    assert!(read.contains(&far), "{far}");
}
