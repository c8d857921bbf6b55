//! `translate-openstack`: built-in translator component over the openstack table of
//! `opgap-translations`.

opgap_translations::export_stack_translator!("openstack");
