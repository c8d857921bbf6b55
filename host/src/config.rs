//! `opgap.toml`: the settings a team keeps beside its runbooks.
//!
//! Found by walking up from the scanned path, or named with `--config`.
//! Every key is checked: an unknown key or a wrong value is an error that
//! names the file, line, column and key, never a silent default.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

pub const FILE_NAME: &str = "opgap.toml";

/// What `opgap init` writes: every setting, commented.
pub const TEMPLATE: &str = include_str!("config_template.toml");

/// The levels `fail_on` may name.
pub const FAIL_ON: [&str; 6] = ["info", "low", "medium", "high", "critical", "never"];

/// The management planes a `stack` setting may name.
pub const STACKS: [&str; 4] = ["libvirt", "proxmox", "ovirt", "openstack"];

#[derive(Debug, Default, Clone)]
pub struct Config {
    /// Where it was read from; `None` when no file was found.
    pub path: Option<PathBuf>,
    /// The management plane findings are translated for.
    pub stack: Option<String>,
    /// The repositories `opgap scan` reads when no PATH is given.
    pub repos: Vec<RepoEntry>,
    /// The severity at which a scan exits 1 (`never` only reports).
    pub fail_on: Option<String>,
    /// Ignore globs and rule settings.
    pub policy: crate::policy::Policy,
    /// Third-party plugins, each pinned by sha256.
    pub plugins: Vec<PinnedPlugin>,
}

/// A `[[plugins]]` entry: a component file that must have this sha256.
#[derive(Debug, Clone)]
pub struct PinnedPlugin {
    /// Made absolute against the config's folder.
    pub path: PathBuf,
    pub sha256: String,
    /// `opgap.toml:LINE:COLUMN` of the pinned hash.
    pub pinned_at: String,
}

/// Why a plugin file given on the command line may not run, if it may
/// not: it must be pinned by hash in opgap.toml, unless the user allows
/// unpinned plugins while developing one.
pub fn unpinned_refusal(
    path: &Path,
    bytes: &[u8],
    pins: &[PinnedPlugin],
    allow_unpinned: bool,
) -> Option<String> {
    use sha2::{Digest, Sha256};
    let actual = hex::encode(Sha256::digest(bytes));
    if allow_unpinned || pins.iter().any(|p| p.sha256 == actual) {
        return None;
    }
    // Absolute, since a relative pin is read from opgap.toml's folder, not
    // the folder the command ran in.
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    Some(format!(
        "refused: not pinned in opgap.toml (its sha256 is {actual}); to trust this build add \
         `[[plugins]] path = \"{}\" sha256 = \"{actual}\"` to opgap.toml, \
         or pass --allow-unpinned while developing it",
        path.display()
    ))
}

impl PinnedPlugin {
    /// Why `bytes` may not run under this pin, if they may not.
    pub fn mismatch(&self, bytes: &[u8]) -> Option<String> {
        use sha2::{Digest, Sha256};
        let actual = hex::encode(Sha256::digest(bytes));
        (actual != self.sha256).then(|| {
            format!(
                "refused: its sha256 is {actual} but {} pins {}; if you trust this build, set sha256 = \"{actual}\" there",
                self.pinned_at, self.sha256
            )
        })
    }
}

/// One `[[repos]]` entry: a git URL or a folder, and the revision to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepoEntry {
    /// A URL as given, or a path made absolute against the config's folder.
    pub location: String,
    pub rev: Option<String>,
}

/// What the file may say, with positions kept for error messages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    stack: Option<Spanned<String>>,
    fail_on: Option<Spanned<String>>,
    #[serde(default)]
    repos: Vec<Spanned<RawRepo>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    rules: std::collections::BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
    #[serde(default)]
    plugins: Vec<RawPlugin>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlugin {
    path: Spanned<String>,
    sha256: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    rules: std::collections::BTreeMap<String, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRepo {
    url: Option<Spanned<String>>,
    path: Option<Spanned<String>>,
    rev: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The key at fault, when the error is about one.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.path.display(), self.line, self.column)?;
        if let Some(field) = &self.field {
            write!(f, "{field}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The nearest `opgap.toml` at or above `start` (a file or a folder),
/// looking no higher than the repository's root and never in a folder
/// anyone may write to (`/tmp`): a config there could pin plugins for
/// every scan below it.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).ok()?;
    let folder = if start.is_dir() {
        start.as_path()
    } else {
        start.parent()?
    };
    for dir in folder.ancestors() {
        if world_writable(dir) {
            return None;
        }
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

#[cfg(unix)]
fn world_writable(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o002 != 0)
}

#[cfg(not(unix))]
fn world_writable(_dir: &Path) -> bool {
    false
}

/// Read the config for a scan of `scanned`: `explicit` if given, else the
/// nearest one found by [`discover`], else the defaults.
pub fn load(explicit: Option<&Path>, scanned: &Path) -> Result<Config, LoadError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match discover(scanned) {
            Some(p) => p,
            None => return Ok(Config::default()),
        },
    };
    let text =
        crate::textfile::read_text(&path, crate::textfile::CONFIG_MAX).map_err(|message| {
            LoadError::Unreadable {
                path: path.clone(),
                message,
            }
        })?;
    parse(&path, &text).map_err(LoadError::Invalid)
}

#[derive(Debug)]
pub enum LoadError {
    Unreadable { path: PathBuf, message: String },
    Invalid(ConfigError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable { path, message } => {
                write!(f, "cannot read config {}: {message}", path.display())
            }
            LoadError::Invalid(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for LoadError {}

impl ConfigError {
    /// An error at byte `span` of `text`, the contents of `path`.
    pub fn at(
        path: &Path,
        text: &str,
        span: Option<Range<usize>>,
        field: Option<String>,
        message: String,
    ) -> Self {
        let (line, column) = position(text, span.map_or(0, |s| s.start));
        ConfigError {
            path: path.to_path_buf(),
            line,
            column,
            field,
            message,
        }
    }

    /// A TOML parse or type error, with the key it is about: the unknown
    /// field it names, else the key written on the line it points at.
    pub fn from_toml(path: &Path, text: &str, e: &toml::de::Error) -> Self {
        let message = e.message().trim().to_string();
        let field = unknown_field(&message).or_else(|| {
            let start = e.span()?.start.min(text.len());
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line = text[line_start..].lines().next()?;
            let key = line.split_once('=')?.0.trim().trim_matches('"');
            (!key.is_empty() && !key.contains(' ')).then(|| key.to_string())
        });
        Self::at(path, text, e.span(), field, message)
    }
}

/// Parse and check the text of a config file read from `path`.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let error = |span: Option<Range<usize>>, field: Option<String>, message: String| {
        ConfigError::at(path, text, span, field, message)
    };
    let raw: Raw = toml::from_str(text).map_err(|e| ConfigError::from_toml(path, text, &e))?;
    let stack = match raw.stack {
        Some(stack) if !STACKS.contains(&stack.get_ref().as_str()) => {
            return Err(error(
                Some(stack.span()),
                Some("stack".into()),
                format!(
                    "unknown stack `{}`; expected one of {}",
                    stack.get_ref(),
                    STACKS.join(", ")
                ),
            ));
        }
        other => other.map(Spanned::into_inner),
    };
    let fail_on = match raw.fail_on {
        Some(level) if !FAIL_ON.contains(&level.get_ref().as_str()) => {
            return Err(error(
                Some(level.span()),
                Some("fail_on".into()),
                format!(
                    "unknown level `{}`; expected one of {}",
                    level.get_ref(),
                    FAIL_ON.join(", ")
                ),
            ));
        }
        other => other.map(Spanned::into_inner),
    };
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut repos = Vec::new();
    for entry in raw.repos {
        let span = entry.span();
        let entry = entry.into_inner();
        let location = match (entry.url, entry.path) {
            (Some(url), None) => {
                if !crate::source::remote::is_url(url.get_ref()) {
                    return Err(error(
                        Some(url.span()),
                        Some("repos.url".into()),
                        format!(
                            "`{}` is not a git URL (https://, ssh://, file:// or user@host:path); use `path` for a folder",
                            url.get_ref()
                        ),
                    ));
                }
                url.into_inner()
            }
            (None, Some(p)) => folder.join(p.get_ref()).display().to_string(),
            (Some(_), Some(p)) => {
                return Err(error(
                    Some(p.span()),
                    Some("repos.path".into()),
                    "give either `url` or `path`, not both".into(),
                ));
            }
            (None, None) => {
                return Err(error(
                    Some(span),
                    Some("repos".into()),
                    "each [[repos]] entry needs a `url` or a `path`".into(),
                ));
            }
        };
        repos.push(RepoEntry {
            location,
            rev: entry.rev,
        });
    }
    // Rule settings: every value a known level, every glob valid.
    let settings = |rules: std::collections::BTreeMap<String, Spanned<String>>,
                    field: &str|
     -> Result<crate::policy::RuleSettings, ConfigError> {
        rules
            .into_iter()
            .map(
                |(key, value)| match crate::policy::Setting::parse(value.get_ref()) {
                    Some(s) => Ok((key, s)),
                    None => Err(error(
                        Some(value.span()),
                        Some(format!("{field}.{key}")),
                        format!(
                            "unknown setting `{}`; expected one of {}",
                            value.get_ref(),
                            crate::policy::Setting::NAMES.join(", ")
                        ),
                    )),
                },
            )
            .collect()
    };
    let check_globs = |globs: &[Spanned<String>],
                       field: &str|
     -> Result<Vec<String>, ConfigError> {
        globs
            .iter()
            .map(|g| {
                globset::Glob::new(g.get_ref())
                    .map(|_| g.get_ref().clone())
                    .map_err(|e| error(Some(g.span()), Some(field.into()), e.kind().to_string()))
            })
            .collect()
    };
    let ignore = check_globs(&raw.ignore, "ignore")?;
    let rules = settings(raw.rules, "rules")?;
    let mut overrides = Vec::new();
    for o in raw.overrides {
        overrides.push((
            check_globs(&o.paths, "overrides.paths")?,
            settings(o.rules, "overrides.rules")?,
        ));
    }
    let policy = crate::policy::Policy::new(&ignore, rules, overrides)
        .map_err(|e| error(None, Some("ignore".into()), e.to_string()))?;
    let mut plugins = Vec::new();
    for p in raw.plugins {
        let sha = p.sha256.get_ref().to_ascii_lowercase();
        if sha.len() != 64 || !sha.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(error(
                Some(p.sha256.span()),
                Some("plugins.sha256".into()),
                "expected 64 hexadecimal digits (`opgap plugin inspect FILE.wasm` or `sha256sum FILE.wasm`)".into(),
            ));
        }
        let (line, column) = position(text, p.sha256.span().start);
        plugins.push(PinnedPlugin {
            path: folder.join(p.path.get_ref()),
            sha256: sha,
            pinned_at: format!("{}:{line}:{column}", path.display()),
        });
    }
    Ok(Config {
        path: Some(path.to_path_buf()),
        stack,
        repos,
        fail_on,
        policy,
        plugins,
    })
}

/// The key an "unknown field `x`" message from serde names.
fn unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_string())
}

/// 1-based line and column (in characters) of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new("opgap.toml"), text)
    }

    #[test]
    fn a_stack_is_read() {
        let c = parse_str("# ours\nstack = \"proxmox\"\n").unwrap();
        assert_eq!(c.stack.as_deref(), Some("proxmox"));
        assert_eq!(parse_str("").unwrap().stack, None);
    }

    #[test]
    fn an_unknown_stack_names_line_column_and_key() {
        let e = parse_str("\nstack = \"proxmx\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 9));
        assert_eq!(e.field.as_deref(), Some("stack"));
        assert!(e.message.contains("unknown stack `proxmx`"), "{e}");
        assert!(e.to_string().starts_with("opgap.toml:2:9: stack: "), "{e}");
    }

    #[test]
    fn an_unknown_key_is_an_error_not_ignored() {
        let e = parse_str("stack = \"ovirt\"\n  stak = \"x\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
        assert_eq!(e.field.as_deref(), Some("stak"));
    }

    #[test]
    fn a_wrong_type_and_broken_syntax_are_located() {
        let e = parse_str("stack = 4\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 9));
        let e = parse_str("stack = \"libvirt\"\n[oops\n").unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn repos_are_urls_or_folders_relative_to_the_config() {
        let c = parse(
            Path::new("/srv/ops/opgap.toml"),
            "[[repos]]\nurl = \"https://git.example.com/dc-ops.git\"\nrev = \"v2\"\n\n[[repos]]\npath = \"../net-runbooks\"\n",
        )
        .unwrap();
        assert_eq!(
            c.repos,
            [
                RepoEntry {
                    location: "https://git.example.com/dc-ops.git".into(),
                    rev: Some("v2".into())
                },
                RepoEntry {
                    location: "/srv/ops/../net-runbooks".into(),
                    rev: None
                }
            ]
        );
        let e = parse_str("[[repos]]\nurl = \"../x\"\n").unwrap_err();
        assert_eq!(
            (e.line, e.column, e.field.as_deref()),
            (2, 7, Some("repos.url"))
        );
        let e = parse_str("[[repos]]\nrev = \"main\"\n").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("repos"));
        let e = parse_str("[[repos]]\npath = \"a\"\nbranch = \"main\"\n").unwrap_err();
        assert_eq!((e.line, e.field.as_deref()), (3, Some("branch")));
    }

    #[test]
    fn rule_settings_and_globs_are_checked_with_their_positions() {
        let c = parse_str(
            "ignore = [\"archive/**\"]\n[rules]\n\"product.esxi\" = \"off\"\n[[overrides]]\npaths = [\"lab/**\"]\nrules = { \"vmotion\" = \"low\" }\n",
        )
        .unwrap();
        assert!(c.policy.ignores("archive/x.md"));
        let e = parse_str("[rules]\n\"vmotion\" = \"loud\"\n").unwrap_err();
        assert_eq!(
            (e.line, e.column, e.field.as_deref()),
            (2, 13, Some("rules.vmotion"))
        );
        let e = parse_str("ignore = [\"ok/**\", \"a/[\"]\n").unwrap_err();
        assert_eq!(
            (e.line, e.column, e.field.as_deref()),
            (1, 20, Some("ignore"))
        );
        let e = parse_str("[[overrides]]\npaths = [\"x\"]\nrulez = {}\n").unwrap_err();
        assert_eq!((e.line, e.field.as_deref()), (3, Some("rulez")));
    }

    #[test]
    fn the_init_template_is_a_valid_config() {
        let c = parse_str(TEMPLATE).unwrap();
        assert_eq!(c.fail_on.as_deref(), Some("high"));
        assert!(c.repos.is_empty() && c.stack.is_none());
    }

    #[test]
    fn the_nearest_config_above_the_scanned_path_wins() {
        let root = tempfile::tempdir().unwrap();
        let inner = root.path().join("team/runbooks");
        std::fs::create_dir_all(&inner).unwrap();
        assert_eq!(discover(&inner), discover(root.path()), "none in between");
        std::fs::write(root.path().join(FILE_NAME), "stack = \"ovirt\"\n").unwrap();
        std::fs::write(root.path().join("team").join(FILE_NAME), "").unwrap();
        let found = discover(&inner).unwrap();
        assert_eq!(
            found,
            root.path()
                .join("team")
                .join(FILE_NAME)
                .canonicalize()
                .unwrap()
        );
        let file = inner.join("a.md");
        std::fs::write(&file, "x").unwrap();
        assert_eq!(discover(&file).unwrap(), found);
    }

    #[test]
    fn discovery_stops_at_the_repository_root_and_at_shared_folders() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join(FILE_NAME), "stack = \"ovirt\"\n").unwrap();
        let repo = root.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("runbooks")).unwrap();
        assert_eq!(
            discover(&repo.join("runbooks")),
            None,
            "above the repository"
        );

        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let shared = root.path().join("shared");
            std::fs::create_dir_all(shared.join("mine")).unwrap();
            std::fs::write(shared.join(FILE_NAME), "").unwrap();
            std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
            assert_eq!(
                discover(&shared.join("mine")),
                None,
                "in a folder anyone writes"
            );
        }
    }
}
