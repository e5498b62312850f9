//! What several of the CLI's test files share: the seed library, copying a
//! library folder, and a library with its user's note plus a colleague's
//! export of many notes.

#![allow(dead_code)] // each test file uses some of these

use dossier_core::api::{AnnotationsExport, SearchRequest};
use dossier_core::Library;
use std::path::{Path, PathBuf};

/// The project's seed documents (the embedded default library).
pub fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// Copies a folder and everything in it.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Makes a library at `data` holding the seeds and the user's own note
/// (`own`, on item 3(a) of the 2024 agenda), and returns an export of
/// `count` notes like it, with uids `<uid>-<i>` and bodies `<body> <i>`.
pub fn library_and_bulk_notes(
    data: &Path,
    own: &str,
    count: usize,
    uid: &str,
    body: &str,
) -> AnnotationsExport {
    let lib = Library::open(data).unwrap();
    lib.ingest(&[seeds()], &mut |_| {});
    let doc = lib.find("001_9b3f3c3582431abc.txt").unwrap();
    lib.add_note(doc, "item:3(a)", 0, 4, own).unwrap();
    let mut export = lib.export_annotations(None).unwrap();
    let template = export.notes[0].clone();
    export.notes = (0..count)
        .map(|i| {
            let mut n = template.clone();
            n.uid = format!("{uid}-{i}");
            n.body = format!("{body} {i}");
            n
        })
        .collect();
    export
}

/// Whether a search for the note's exact words finds a note.
pub fn note_found(lib: &Library, words: &str) -> bool {
    lib.search(&SearchRequest {
        query: format!("\"{words}\""),
        ..Default::default()
    })
    .unwrap()
    .iter()
    .any(|h| h.location.note.is_some())
}
