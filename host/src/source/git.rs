//! Files of one commit, read from the object database with git2 (the
//! working tree is not touched, so uncommitted edits do not leak in).

use std::collections::HashSet;
use std::path::Path;

use anyhow::{Context, Result};
use git2::{ObjectType, Repository, TreeWalkMode, TreeWalkResult};

use super::{MAX_FILE_BYTES, RepoInfo, SkipReason, Sources};

const MODE_SYMLINK: i32 = 0o120000;

pub fn read_revision(
    repo: &Repository,
    rev: &str,
    name: String,
    root: &Path,
    only: Option<&HashSet<String>>,
) -> Result<Sources> {
    let commit = repo
        .revparse_single(rev)
        .and_then(|o| o.peel_to_commit())
        .with_context(|| {
            // `is_empty` only knows the default branch name; an unborn
            // HEAD on any branch means no commits yet.
            let unborn = matches!(repo.head(), Err(e) if e.code() == git2::ErrorCode::UnbornBranch);
            if rev == "HEAD" && unborn {
                format!("{} is a git repository without commits", root.display())
            } else {
                format!("cannot resolve revision {rev:?} in {}", root.display())
            }
        })?;
    let tree = commit.tree()?;
    let mut sources = Sources::new(RepoInfo {
        name,
        root: root.to_path_buf(),
        mode: "git",
        origin: None,
        revision: Some(commit.id().to_string()),
    });
    let odb = repo.odb()?;
    tree.walk(TreeWalkMode::PreOrder, |dir, entry| {
        let Ok(file_name) = entry.name() else {
            // Not UTF-8: it cannot be named in a report, and a folder's
            // children could not be walked (git2 gives up on such a root).
            // No changed path (a string) can name it.
            if only.is_none() {
                sources.skip(SkipReason::UnsafeName);
            }
            return TreeWalkResult::Skip;
        };
        if super::unsafe_name(file_name) {
            // `..` or `.git` as a tree entry (git itself refuses to check
            // these out): neither it nor anything below it is read.
            if super::listed(only, &format!("{dir}{file_name}")) {
                sources.skip(SkipReason::UnsafeName);
            }
            return TreeWalkResult::Skip;
        }
        let path = format!("{dir}{file_name}");
        let blob = matches!(entry.kind(), Some(ObjectType::Blob | ObjectType::Commit));
        if blob && only.is_some_and(|only| !only.contains(&path)) {
            return TreeWalkResult::Ok;
        }
        match entry.kind() {
            Some(ObjectType::Tree) => {}
            Some(ObjectType::Commit) => sources.skip(SkipReason::Submodule),
            Some(ObjectType::Blob) if entry.filemode() == MODE_SYMLINK => {
                sources.skip(SkipReason::Symlink)
            }
            Some(ObjectType::Blob) => {
                if crate::parse::format_for_path(&path).is_none() {
                    sources.skip(SkipReason::Unsupported);
                    return TreeWalkResult::Ok;
                }
                match odb.read_header(entry.id()) {
                    Ok((size, _)) if size as u64 > MAX_FILE_BYTES => {
                        sources.skip(SkipReason::TooLarge)
                    }
                    Ok(_) => match repo.find_blob(entry.id()) {
                        Ok(blob) => sources.offer(path, blob.content().to_vec(), Some(entry.id())),
                        Err(e) => sources.unreadable(path, e.message().to_string()),
                    },
                    Err(e) => sources.unreadable(path, e.message().to_string()),
                }
            }
            _ => sources.skip(SkipReason::Unsupported),
        }
        TreeWalkResult::Ok
    })?;
    Ok(sources)
}

/// Paths that differ between `base` and what `selection` reads: the
/// changed or added ones (to scan) and the deleted ones (to forget).
pub fn changed_since(
    repo: &Repository,
    base: &str,
    selection: &super::Selection,
) -> Result<super::Changes> {
    let base_tree = repo
        .revparse_single(base)
        .and_then(|o| o.peel_to_tree())
        .with_context(|| {
            if repo.is_shallow() {
                format!(
                    "cannot resolve --changed-since {base:?}: this is a shallow clone without \
                     that history (fetch it with `git fetch --unshallow`, or clone with a \
                     larger --depth)"
                )
            } else {
                format!("cannot resolve --changed-since {base:?}")
            }
        })?;
    let diff = match selection {
        super::Selection::Revision(rev) => {
            let tree = repo
                .revparse_single(rev)
                .and_then(|o| o.peel_to_tree())
                .with_context(|| format!("cannot resolve revision {rev:?}"))?;
            repo.diff_tree_to_tree(Some(&base_tree), Some(&tree), None)?
        }
        super::Selection::Worktree => {
            let mut options = git2::DiffOptions::new();
            options.include_untracked(true).recurse_untracked_dirs(true);
            repo.diff_tree_to_workdir_with_index(Some(&base_tree), Some(&mut options))?
        }
    };
    let mut changes = super::Changes::default();
    let path = |f: git2::DiffFile| f.path().map(|p| p.to_string_lossy().replace('\\', "/"));
    for delta in diff.deltas() {
        match delta.status() {
            git2::Delta::Deleted => changes.deleted.extend(path(delta.old_file())),
            git2::Delta::Renamed => {
                changes.deleted.extend(path(delta.old_file()));
                changes.changed.extend(path(delta.new_file()));
            }
            _ => changes.changed.extend(path(delta.new_file())),
        }
    }
    Ok(changes)
}
