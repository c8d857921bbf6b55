//! `translate-ovirt`: built-in translator component over the ovirt table of
//! `opgap-translations`.

opgap_translations::export_stack_translator!("ovirt");
