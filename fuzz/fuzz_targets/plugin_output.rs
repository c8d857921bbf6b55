#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| opgap_fuzz::plugin_output(data));
