//! Arbitrary bytes as a .pdf file: extraction then parsing must return a
//! document or a clear error, never panic or hang.
//!
//! pdf-extract panics on some malformed files; the core contains that with
//! `catch_unwind` and reports the PDF as unreadable. libfuzzer-sys's panic
//! hook would abort even on a contained panic, so this target replaces it
//! with a quiet one: a panic that escapes the core still aborts (libfuzzer-sys
//! catches the unwind and aborts), a contained one does not.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::Once;

static QUIET: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    dossier_core::fuzzing::extract_and_parse("input.pdf", data);
});
