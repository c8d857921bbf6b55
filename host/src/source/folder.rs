//! Files on disk: a working tree (honouring .gitignore) or a plain folder.
//! Symlinks are never followed, so nothing outside the folder is read.

use std::path::Path;

use anyhow::Result;

use super::{FileRead, RepoInfo, SkipReason, Sources, read_regular, unsafe_name};

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
            sources.skip(SkipReason::UnsafeName);
            continue;
        };
        if kind.is_dir() {
            continue;
        }
        if path.split('/').any(unsafe_name) {
            sources.skip(SkipReason::UnsafeName);
        } else if kind.is_symlink() {
            sources.skip(SkipReason::Symlink);
        } else if crate::parse::format_for_path(&path).is_none() {
            sources.skip(SkipReason::Unsupported);
        } else if !kind.is_file() {
            sources.skip(SkipReason::NotAFile);
        } else {
            read_into(&mut sources, entry.path(), path);
        }
    }
    Ok(sources)
}

fn read_into(sources: &mut Sources, file: &Path, path: String) {
    match read_regular(file) {
        Ok(FileRead::Bytes(bytes)) => sources.offer(path, bytes, None),
        Ok(FileRead::Skipped(reason)) => sources.skip(reason),
        Err(e) => sources.unreadable(path, e.to_string()),
    }
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
    read_into(&mut sources, file, name);
    Ok(sources)
}
