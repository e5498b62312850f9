//! Arbitrary bytes as a .docx file: extraction then parsing must return a
//! document or a clear error, never panic or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dossier_core::fuzzing::extract_and_parse("input.docx", data);
});
