//! Arbitrary bytes as the extraction worker's protocol, read by the worker
//! (requests) and by the app (answers, and the layouts they carry, which go
//! on through the parser): a worker that sends garbage is only a failed file.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dossier_core::fuzzing::worker_protocol(data);
});
