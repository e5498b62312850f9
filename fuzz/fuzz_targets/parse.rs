//! Arbitrary text through the structure parser: it never fails on readable text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dossier_core::fuzzing::parse(data);
});
