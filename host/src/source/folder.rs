//! Files on disk: a working tree (honouring .gitignore) or a plain folder.
//! Symlinks are never followed, so nothing outside the folder is read.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Result;

use super::{MAX_FILE_BYTES, RepoInfo, SkipReason, Sources, unsafe_name};
use crate::textfile::{Bounded, read_bounded};

pub fn read(
    root: &Path,
    name: String,
    mode: &'static str,
    only: Option<&HashSet<String>>,
) -> Result<Sources> {
    let mut sources = Sources::new(RepoInfo {
        name,
        root: root.to_path_buf(),
        mode,
        origin: None,
        revision: None,
    });
    // The walker opens every `.gitignore` and `.ignore` it meets with a
    // plain blocking read; one that is a FIFO, a device or a symlink (to
    // `/dev/zero`, say) would hang the scan. Such a folder is walked
    // without ignore files, and the error says why.
    let odd_ignore_files = ignore_files_not_regular(root);
    for path in &odd_ignore_files {
        sources.unreadable(
            path.clone(),
            "an ignore file that is not a regular file; ignore files are not honoured in this \
             folder"
                .into(),
        );
    }
    // Folders with unsafe names are counted once and not entered (with
    // `only`, when they hold a listed file).
    let unsafe_folders = Arc::new(AtomicU64::new(0));
    let counter = unsafe_folders.clone();
    let (listed_only, walk_root) = (only.cloned(), root.to_path_buf());
    let walker = ignore::WalkBuilder::new(root)
        .hidden(false)
        .follow_links(false)
        .require_git(false)
        .standard_filters(odd_ignore_files.is_empty())
        .hidden(false)
        .filter_entry(move |e| {
            if e.depth() == 0 {
                return true;
            }
            let name = e.file_name();
            if name == ".git" {
                return false;
            }
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            if is_dir && name.to_str().is_none_or(unsafe_name) {
                let relative = e
                    .path()
                    .strip_prefix(&walk_root)
                    .ok()
                    .and_then(|p| p.to_str());
                let counted = match relative {
                    Some(path) => super::listed(listed_only.as_ref(), &path.replace('\\', "/")),
                    None => listed_only.is_none(),
                };
                if counted {
                    counter.fetch_add(1, Ordering::Relaxed);
                }
                return false;
            }
            true
        })
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
            // No changed path (a string) can name it.
            if only.is_none() {
                sources.skip(SkipReason::UnsafeName);
            }
            continue;
        };
        if kind.is_dir() || only.is_some_and(|only| !only.contains(&path)) {
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
    for _ in 0..unsafe_folders.load(Ordering::Relaxed) {
        sources.skip(SkipReason::UnsafeName);
    }
    Ok(sources)
}

/// Paths (relative to `root`) of `.gitignore` and `.ignore` files that are
/// not regular files, found by a walk that reads no ignore file.
fn ignore_files_not_regular(root: &Path) -> Vec<String> {
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .follow_links(false)
        .filter_entry(|e| e.file_name() != ".git")
        .build();
    walker
        .flatten()
        .filter(|e| e.file_name() == ".gitignore" || e.file_name() == ".ignore")
        .filter(|e| !e.file_type().is_some_and(|t| t.is_file()))
        .filter_map(|e| {
            let relative = e.path().strip_prefix(root).ok()?;
            Some(relative.to_string_lossy().into_owned())
        })
        .collect()
}

fn read_into(sources: &mut Sources, file: &Path, path: String) {
    // Read once through one handle, never following a link, never blocking
    // on a FIFO and never past the size limit: a file swapped or grown while
    // the scan runs cannot hang or flood it.
    match read_bounded(file, MAX_FILE_BYTES, false) {
        Ok(Bounded::Bytes(bytes)) => sources.offer(path, bytes, None),
        Ok(Bounded::NotAFile) => sources.skip(SkipReason::NotAFile),
        Ok(Bounded::TooLarge) => sources.skip(SkipReason::TooLarge),
        Ok(Bounded::Symlink) => sources.skip(SkipReason::Symlink),
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
