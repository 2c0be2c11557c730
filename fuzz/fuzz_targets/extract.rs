//! Any text as an article body: no panic, and every quotation's offsets lie
//! on character boundaries with its words inside `body[start..end]`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &str| {
    for quotation in newsq_core::extract(body) {
        if let Some(problem) = quotation.problem_in(body) {
            panic!("{problem}");
        }
    }
});
