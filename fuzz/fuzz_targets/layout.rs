//! A layout built from arbitrary bytes (any roles, tables, markers, sizes and
//! boxes, NaN included) through the structure parser, the page view's places
//! and the worker's JSON: whatever a front end makes, nothing after it fails.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dossier_core::fuzzing::layout(data);
});
