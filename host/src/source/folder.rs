//! Files on disk: a working tree (honouring .gitignore) or a plain folder.
//! Symlinks are never followed, so nothing outside the folder is read.

use std::path::Path;

use anyhow::Result;

use super::{MAX_FILE_BYTES, RepoInfo, SkipReason, Sources};

pub fn read(root: &Path, name: String, mode: &'static str) -> Result<Sources> {
    let mut sources = Sources::new(RepoInfo {
        name,
        root: root.to_path_buf(),
        mode,
        origin: None,
        revision: None,
    });
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .follow_links(false)
        .require_git(false)
        .filter_entry(|e| e.file_name() != ".git")
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                sources.unreadable(String::new(), e.to_string());
                continue;
            }
        };
        let Some(kind) = entry.file_type() else {
            continue;
        };
        let Ok(relative) = entry.path().strip_prefix(root) else {
            continue;
        };
        let Some(path) = relative.to_str().map(|p| p.replace('\\', "/")) else {
            sources.skip(SkipReason::NotUtf8);
            continue;
        };
        if kind.is_symlink() {
            sources.skip(SkipReason::Symlink);
        } else if kind.is_file() {
            if crate::parse::format_for_path(&path).is_none() {
                sources.skip(SkipReason::Unsupported);
                continue;
            }
            match entry.metadata() {
                Ok(meta) if meta.len() > MAX_FILE_BYTES => sources.skip(SkipReason::TooLarge),
                _ => match std::fs::read(entry.path()) {
                    Ok(bytes) => sources.offer(path, bytes, None),
                    Err(e) => sources.unreadable(path, e.to_string()),
                },
            }
        }
    }
    Ok(sources)
}

/// One file on its own: the "repository" is its folder, the path its name.
pub fn read_file(file: &Path, name: String) -> Result<Sources> {
    let root = file.parent().unwrap_or(file);
    let mut sources = Sources::new(RepoInfo {
        name: name.clone(),
        root: root.to_path_buf(),
        mode: "folder",
        origin: None,
        revision: None,
    });
    if crate::parse::format_for_path(&name).is_none() {
        sources.skip(SkipReason::Unsupported);
        return Ok(sources);
    }
    match std::fs::read(file) {
        Ok(bytes) if bytes.len() as u64 > MAX_FILE_BYTES => sources.skip(SkipReason::TooLarge),
        Ok(bytes) => sources.offer(name, bytes, None),
        Err(e) => sources.unreadable(name, e.to_string()),
    }
    Ok(sources)
}
