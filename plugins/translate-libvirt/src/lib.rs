//! `translate-libvirt`: built-in translator component over the libvirt table of
//! `opgap-translations`.

opgap_translations::export_stack_translator!("libvirt");
