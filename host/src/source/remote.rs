//! Remote repositories: git URLs (`https://`, `ssh://`, `file://`,
//! scp-like `user@host:path`) mirrored into a cache folder with git2, all
//! fetched at once on tokio's blocking pool.
//!
//! A mirror is a bare repository whose branches and tags track the
//! remote's, so any revision can be read from its object database just as
//! from a local clone. Credentials come from the git credential helpers or
//! the SSH agent and never appear in names or messages.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use git2::{Cred, CredentialType, FetchOptions, RemoteCallbacks, Repository};
use sha2::{Digest, Sha256};

/// Whether `location` names a remote repository rather than a path.
pub fn is_url(location: &str) -> bool {
    if ["https://", "http://", "ssh://", "git://", "file://"]
        .iter()
        .any(|scheme| location.starts_with(scheme))
    {
        return true;
    }
    // scp-like: `[user@]host:path`, where the host has no slash and is not a
    // single letter (a Windows drive) and the path does not start with `//`.
    match location.split_once(':') {
        Some((host, path)) => {
            !host.is_empty()
                && host.len() > 1
                && !host.contains('/')
                && !path.starts_with("//")
                && !Path::new(location).exists()
        }
        None => false,
    }
}

/// `url` with any password (`user:secret@`) removed, for display.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            let shown = if userinfo.contains(':') {
                format!("{user}:***")
            } else {
                user.to_string()
            };
            format!("{scheme}://{shown}@{host}{path}")
        }
        None => url.to_string(),
    }
}

/// A short name for a remote: its last path segment without `.git`.
pub fn name_of(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    let last = trimmed
        .rsplit(['/', ':'])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(trimmed);
    last.strip_suffix(".git").unwrap_or(last).to_string()
}

/// Where the mirror of `url` lives under `mirrors`: one folder per URL,
/// named so a person can tell them apart.
pub fn mirror_dir(mirrors: &Path, url: &str) -> PathBuf {
    let hash = hex::encode(&Sha256::digest(redact(url).as_bytes())[..8]);
    let name: String = name_of(url)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    mirrors.join(format!("{name}-{hash}"))
}

/// Clone or update the mirrors of `urls`, concurrently; one result per URL,
/// in order. A failure names the URL without its credentials.
pub fn fetch_all(urls: &[String], mirrors: &Path) -> Vec<Result<PathBuf>> {
    if urls.is_empty() {
        return Vec::new();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .max_blocking_threads(urls.len().clamp(1, 8))
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            return urls
                .iter()
                .map(|_| Err(anyhow::anyhow!("cannot start the fetch runtime: {e}")))
                .collect();
        }
    };
    runtime.block_on(async {
        let tasks: Vec<_> = urls
            .iter()
            .map(|url| {
                let (url, dir) = (url.clone(), mirror_dir(mirrors, url));
                tokio::task::spawn_blocking(move || mirror(&url, &dir).map(|()| dir))
            })
            .collect();
        let mut results = Vec::with_capacity(tasks.len());
        for (task, url) in tasks.into_iter().zip(urls) {
            results.push(match task.await {
                Ok(r) => r.with_context(|| format!("cannot fetch {}", redact(url))),
                Err(e) => Err(anyhow::anyhow!("fetching {} failed: {e}", redact(url))),
            });
        }
        results
    })
}

/// Make `dir` a current mirror of `url`: clone it the first time, fetch
/// every branch and tag afterwards, and point HEAD at the remote's default
/// branch.
fn mirror(url: &str, dir: &Path) -> Result<()> {
    let repo = match Repository::open_bare(dir) {
        Ok(repo) => repo,
        Err(_) => {
            if dir.exists() {
                // A half-made mirror from an interrupted run.
                std::fs::remove_dir_all(dir)
                    .with_context(|| format!("cannot clear {}", dir.display()))?;
            }
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            Repository::init_bare(dir)?
        }
    };
    let mut remote = repo.remote_anonymous(url).map_err(scrub(url))?;
    let refspecs = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"];
    let mut options = FetchOptions::new();
    options.remote_callbacks(callbacks());
    options.prune(git2::FetchPrune::On);
    remote
        .fetch(&refspecs, Some(&mut options), None)
        .map_err(scrub(url))?;
    if let Ok(default) = remote.default_branch()
        && let Ok(name) = default.as_str()
    {
        repo.set_head(name)?;
    }
    Ok(())
}

/// A git2 error as a message that cannot carry the URL's password.
fn scrub(url: &str) -> impl Fn(git2::Error) -> anyhow::Error + '_ {
    move |e| {
        let mut message = e.message().to_string();
        if url != redact(url) {
            message = message.replace(url, &redact(url));
        }
        if let Some(secret) = password(url) {
            message = message.replace(&secret, "***");
        }
        anyhow::anyhow!("{message}")
    }
}

fn password(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = &rest[..rest.find('/').unwrap_or(rest.len())];
    let userinfo = authority.rsplit_once('@')?.0;
    userinfo
        .split_once(':')
        .map(|(_, p)| p.to_string())
        .filter(|p| !p.is_empty())
}

/// Credentials as git itself finds them: the SSH agent for SSH, the
/// configured credential helpers for HTTPS. libgit2 asks again after a
/// rejected credential, so give up after a few tries instead of looping.
fn callbacks() -> RemoteCallbacks<'static> {
    let mut callbacks = RemoteCallbacks::new();
    let mut tries = 0;
    callbacks.credentials(move |url, username, allowed| {
        tries += 1;
        if tries > 3 {
            return Err(git2::Error::from_str(
                "authentication failed (credentials from the SSH agent and git credential helpers were refused)",
            ));
        }
        if allowed.contains(CredentialType::SSH_KEY) {
            return Cred::ssh_key_from_agent(username.unwrap_or("git"));
        }
        if allowed.contains(CredentialType::USER_PASS_PLAINTEXT) {
            let config = git2::Config::open_default()?;
            return Cred::credential_helper(&config, url, username);
        }
        if allowed.contains(CredentialType::USERNAME) {
            return Cred::username(username.unwrap_or("git"));
        }
        Cred::default()
    });
    callbacks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_paths_are_told_apart() {
        for url in [
            "https://git.example.com/ops/runbooks.git",
            "ssh://git@git.example.com/ops/runbooks",
            "file:///srv/git/runbooks",
            "git@github.com:ops/runbooks.git",
        ] {
            assert!(is_url(url), "{url}");
        }
        for path in [
            "runbooks",
            "./runbooks",
            "/srv/runbooks",
            "C:runbooks",
            "a/b:c",
        ] {
            assert!(!is_url(path), "{path}");
        }
    }

    #[test]
    fn passwords_never_reach_names_or_messages() {
        let url = "https://ci:s3cret@git.example.com/ops/runbooks.git";
        assert_eq!(
            redact(url),
            "https://ci:***@git.example.com/ops/runbooks.git"
        );
        assert_eq!(
            redact("https://git.example.com/x"),
            "https://git.example.com/x"
        );
        assert_eq!(redact("ssh://git@host/x"), "ssh://git@host/x");
        assert_eq!(name_of(url), "runbooks");
        assert_eq!(
            name_of("git@github.com:ops/net-runbooks.git"),
            "net-runbooks"
        );
        assert_eq!(name_of("file:///srv/git/dc-ops/"), "dc-ops");
        let error = scrub(url)(git2::Error::from_str(&format!("failed to reach {url}")));
        assert!(!error.to_string().contains("s3cret"), "{error}");
        let dir = mirror_dir(Path::new("/c"), url);
        assert!(!dir.display().to_string().contains("s3cret"));
        assert_eq!(dir, mirror_dir(Path::new("/c"), url), "stable per URL");
    }
}
