//! Runs `ics_check.py` (beside this file): calendars read back by Python's
//! `icalendar` and `vobject`, two parsers independent of the Rust one.
//! Shared by the core's and the CLI's tests (`#[path]`).

#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Checker {
    python: String,
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../dossier-core/tests/ics_check/ics_check.py")
        .canonicalize()
        .expect("ics_check.py beside ics_check/mod.rs")
}

/// A Python that has both parsers: `$DOSSIER_PYTHON` when set, else
/// `python3` on the PATH, else the system's (a pyenv `python3` does not see
/// Debian's packages). Without one the test fails when `CI` is set (CI runs
/// `./dev.sh`, which installs them) and is skipped, with a notice, elsewhere.
pub fn checker() -> Option<Checker> {
    let candidates = match std::env::var("DOSSIER_PYTHON") {
        Ok(python) => vec![python],
        Err(_) => vec!["python3".to_string(), "/usr/bin/python3".to_string()],
    };
    for python in candidates {
        let ok = Command::new(&python)
            .args(["-c", "import icalendar, vobject"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(Checker { python });
        }
    }
    let missing = "python3 with the icalendar and vobject modules is needed to read the \
                   calendars back (apt-get install python3-icalendar python3-vobject, \
                   which ./dev.sh does; or set DOSSIER_PYTHON)";
    if std::env::var("CI").is_ok_and(|v| !v.is_empty()) {
        panic!("{missing}");
    }
    eprintln!("SKIPPED: {missing}");
    None
}

/// What the checker made of some calendars.
pub struct Report {
    pub ok: bool,
    pub output: String,
}

impl Checker {
    /// Writes `files` (name, bytes) to a temporary folder and checks them
    /// against `expected` (see ics_check.py).
    pub fn run(&self, files: &[(&str, &[u8])], expected: &Value) -> Report {
        let dir = tempfile::tempdir().unwrap();
        let json = dir.path().join("expected.json");
        std::fs::write(&json, serde_json::to_vec_pretty(expected).unwrap()).unwrap();
        let mut cmd = Command::new(&self.python);
        cmd.arg(script()).arg(&json);
        for (name, bytes) in files {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            cmd.arg(path);
        }
        let out = cmd.output().expect("run ics_check.py");
        let output = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // 1 is "problems found"; anything else (2, a traceback) is the checker failing.
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "ics_check.py failed: {output}"
        );
        Report {
            ok: out.status.success(),
            output,
        }
    }

    pub fn assert_ok(&self, files: &[(&str, &[u8])], expected: &Value) {
        let report = self.run(files, expected);
        assert!(report.ok, "{}", report.output);
        eprint!("{}", report.output);
    }
}
