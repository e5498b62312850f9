//! A damaged search index never takes the library down: each kind of index
//! file garbled in its middle and at its footer, and after each the library
//! opens, lists, exports, backs up, reindexes and searches (rebuilt from the
//! store where it must be), never panicking, notes found.

use dossier_core::api::SearchRequest;
use dossier_core::Library;
use std::path::{Path, PathBuf};

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn search(lib: &Library, query: &str) -> usize {
    lib.search(&SearchRequest {
        query: query.into(),
        limit: Some(1000),
        ..Default::default()
    })
    .expect("search answers")
    .len()
}

#[test]
fn a_garbled_index_file_of_any_kind_is_rebuilt_and_never_panics() {
    let root = tempfile::tempdir().unwrap();
    let clean = root.path().join("clean");
    let (hits, note_hits) = {
        let lib = Library::open(&clean).unwrap();
        lib.ingest(&[seeds()], &mut |_| {});
        let doc = lib.find("001_9b3f3c3582431abc.txt").unwrap();
        lib.add_note(doc, "item:3(a)", 0, 4, "quokka remarks")
            .unwrap();
        (search(&lib, "资产追回"), search(&lib, "quokka"))
    };
    assert!(hits > 0 && note_hits == 1);
    let mut kinds: Vec<String> = std::fs::read_dir(clean.join("index"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .map(|n| n.rsplit('.').next().unwrap().to_string())
        .collect();
    kinds.sort();
    kinds.dedup();
    for kind in ["term", "idx", "pos", "store", "fast", "fieldnorm", "json"] {
        assert!(kinds.contains(&kind.to_string()), "{kind} in {kinds:?}");
    }
    let mut case = 0;
    for kind in &kinds {
        for place in ["middle", "footer"] {
            case += 1;
            let dir = root.path().join(format!("case-{case}"));
            copy_tree(&clean, &dir);
            for e in std::fs::read_dir(dir.join("index")).unwrap() {
                let path = e.unwrap().path();
                if !path.to_string_lossy().ends_with(&format!(".{kind}")) {
                    continue;
                }
                let mut bytes = std::fs::read(&path).unwrap();
                if bytes.is_empty() {
                    continue;
                }
                let n = bytes.len().min(64);
                let at = if place == "middle" {
                    (bytes.len() - n) / 2
                } else {
                    bytes.len() - n
                };
                for (i, b) in bytes[at..at + n].iter_mut().enumerate() {
                    *b ^= 0x5a ^ (i as u8);
                }
                std::fs::write(&path, bytes).unwrap();
            }
            let what = format!(".{kind} garbled at its {place}");
            let lib = Library::open(&dir).unwrap_or_else(|e| panic!("{what}: open: {e}"));
            assert_eq!(lib.records().unwrap().len(), 4, "{what}");
            lib.listing()
                .unwrap_or_else(|e| panic!("{what}: list: {e}"));
            lib.export_annotations(None)
                .unwrap_or_else(|e| panic!("{what}: export: {e}"));
            lib.backup(&root.path().join(format!("backup-{case}")))
                .unwrap_or_else(|e| panic!("{what}: backup: {e}"));
            assert_eq!(search(&lib, "资产追回"), hits, "{what}");
            assert_eq!(search(&lib, "quokka"), 1, "{what}: the note is found");
            lib.reindex()
                .unwrap_or_else(|e| panic!("{what}: reindex: {e}"));
            assert_eq!(search(&lib, "quokka"), 1, "{what}");
        }
    }
}
