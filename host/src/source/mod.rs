//! Where runbooks come from: a git revision's tree, a working tree, or a
//! plain folder. Every file is either read or skipped with a counted reason.

mod folder;
mod git;
pub mod remote;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

/// Files larger than this are skipped, not read.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// The tree of a revision (`HEAD` by default).
    Revision(String),
    /// The files on disk, honouring `.gitignore`.
    Worktree,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    /// Not a format opgap reads.
    Unsupported,
    Binary,
    NotUtf8,
    TooLarge,
    Symlink,
    Submodule,
    LfsPointer,
    /// Could not be read (the error is reported too).
    Unreadable,
    /// Matched an `ignore` glob of opgap.toml.
    Ignored,
    /// A FIFO, socket or device: reading it could block or never end.
    NotAFile,
    /// A name no checkout could hold safely or no report could show
    /// faithfully: `.`, `..`, `.git`, control characters, or bytes that are
    /// not UTF-8. A folder so named counts once; nothing below it is read.
    UnsafeName,
}

impl SkipReason {
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Unsupported => "unsupported",
            SkipReason::Binary => "binary",
            SkipReason::NotUtf8 => "not-utf8",
            SkipReason::TooLarge => "too-large",
            SkipReason::Symlink => "symlink",
            SkipReason::Submodule => "submodule",
            SkipReason::LfsPointer => "lfs-pointer",
            SkipReason::Unreadable => "unreadable",
            SkipReason::Ignored => "ignored",
            SkipReason::NotAFile => "not-a-file",
            SkipReason::UnsafeName => "unsafe-name",
        }
    }
}

pub struct SourceFile {
    /// Repository-relative, `/`-separated.
    pub path: String,
    /// The git blob id of the contents (computed for files on disk), so an
    /// unchanged file is recognised without reading its results again.
    pub blob: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RepoInfo {
    pub name: String,
    pub root: PathBuf,
    /// `git` (a commit's tree), `worktree` or `folder`.
    pub mode: &'static str,
    /// The URL it was fetched from (credentials removed), for a remote.
    pub origin: Option<String>,
    /// The commit scanned, for `git` mode.
    pub revision: Option<String>,
}

pub struct Sources {
    pub repo: RepoInfo,
    pub files: Vec<SourceFile>,
    pub skipped: BTreeMap<SkipReason, u64>,
    /// Files that could not be read: (path, message).
    pub errors: Vec<(String, String)>,
    /// With `--changed-since`: what changed; `files` holds only those.
    pub changes: Option<Changes>,
}

impl Sources {
    fn new(repo: RepoInfo) -> Self {
        Self {
            repo,
            files: Vec::new(),
            skipped: BTreeMap::new(),
            errors: Vec::new(),
            changes: None,
        }
    }

    /// Drop the files `ignored` picks, counting them.
    pub fn ignore(&mut self, ignored: impl Fn(&str) -> bool) {
        let before = self.files.len();
        self.files.retain(|f| !ignored(&f.path));
        let dropped = (before - self.files.len()) as u64;
        if dropped > 0 {
            *self.skipped.entry(SkipReason::Ignored).or_default() += dropped;
        }
    }

    fn skip(&mut self, reason: SkipReason) {
        *self.skipped.entry(reason).or_default() += 1;
    }

    /// Keep the bytes of a file in a format opgap reads if they are text;
    /// `blob` is their git id when the object database already knows it.
    fn offer(&mut self, path: String, bytes: Vec<u8>, blob: Option<git2::Oid>) {
        if bytes.starts_with(b"version https://git-lfs.github.com/spec/") {
            return self.skip(SkipReason::LfsPointer);
        }
        if memchr::memchr(0, &bytes[..bytes.len().min(8000)]).is_some() {
            return self.skip(SkipReason::Binary);
        }
        let blob = blob
            .or_else(|| git2::Oid::hash_object(git2::ObjectType::Blob, &bytes).ok())
            .map(|id| id.to_string())
            .unwrap_or_default();
        match String::from_utf8(bytes) {
            Ok(text) => self.files.push(SourceFile { path, blob, text }),
            Err(_) => self.skip(SkipReason::NotUtf8),
        }
    }

    fn unreadable(&mut self, path: String, message: String) {
        self.skip(SkipReason::Unreadable);
        self.errors.push((path, message));
    }
}

/// Whether a path component could escape the repository when joined to a
/// folder (`..`, `.git`), or carries characters that would rewrite a
/// terminal or a report (control characters, bidirectional overrides).
pub fn unsafe_name(name: &str) -> bool {
    matches!(name, "" | "." | "..")
        || name.eq_ignore_ascii_case(".git")
        || name
            .chars()
            .any(|c| c == '/' || crate::plugin::rewrites_display(c))
}

/// Whether `path` (a file or a folder) is, or holds, one of the files a
/// `--changed-since` scan reads (`only`); without `only`, every path is.
/// What is not listed is neither read nor counted as skipped.
fn listed(only: Option<&HashSet<String>>, path: &str) -> bool {
    only.is_none_or(|only| {
        only.contains(path)
            || only.iter().any(|p| {
                p.strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('/'))
            })
    })
}

/// What changed since a base revision (`--changed-since`).
#[derive(Debug, Default, Clone)]
pub struct Changes {
    /// Added, modified or renamed-to paths: the only ones scanned.
    pub changed: HashSet<String>,
    /// Deleted or renamed-from paths: the only ones the index forgets.
    pub deleted: HashSet<String>,
}

/// The paths of the repository at `root` that changed since `base`.
pub fn changed_since(root: &Path, base: &str, selection: &Selection) -> Result<Changes> {
    let repo = git2::Repository::open(root).with_context(|| {
        format!(
            "{} is not a git repository, so --changed-since cannot be used",
            root.display()
        )
    })?;
    git::changed_since(&repo, base, selection)
}

/// Read the runbooks under `root`. A git repository is read at the selected
/// revision; anything else is read as a folder. A single file is read on
/// its own, named by its file name. With `only`, files at other paths are
/// neither read nor counted (a `--changed-since` scan).
pub fn read(root: &Path, selection: &Selection, only: Option<&HashSet<String>>) -> Result<Sources> {
    let root = root
        .canonicalize()
        .with_context(|| format!("cannot open {}", root.display()))?;
    let name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| root.display().to_string());
    // Anything that is not a folder (a file, a FIFO, a device) is read as
    // one file, which refuses what is not a regular file.
    if !root.is_dir() {
        return folder::read_file(&root, name);
    }
    let mut sources = match git2::Repository::open(&root) {
        Ok(repo) => match selection {
            Selection::Revision(rev) => git::read_revision(&repo, rev, name, &root, only)?,
            Selection::Worktree => folder::read(&root, name, "worktree", only)?,
        },
        Err(_) => {
            if let Selection::Revision(rev) = selection
                && rev != "HEAD"
            {
                anyhow::bail!(
                    "{} is not a git repository, so --rev {rev} cannot be read",
                    root.display()
                );
            }
            folder::read(&root, name, "folder", only)?
        }
    };
    sources.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(sources)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_listed_files_and_the_folders_holding_them_count() {
        let only: HashSet<String> = ["docs/a.md".to_string(), "b.md".to_string()].into();
        assert!(listed(None, "anything"));
        assert!(listed(Some(&only), "docs/a.md"));
        assert!(listed(Some(&only), "docs"));
        assert!(listed(Some(&only), "b.md"));
        assert!(!listed(Some(&only), "doc"), "a prefix that is not a folder");
        assert!(!listed(Some(&only), "docs/a"));
        assert!(!listed(Some(&only), "c.md"));
    }
}
