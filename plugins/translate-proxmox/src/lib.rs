//! `translate-proxmox`: built-in translator component over the proxmox table of
//! `opgap-translations`.

opgap_translations::export_stack_translator!("proxmox");
