//! Reading one file without trusting it: opened once, non-blocking (a FIFO
//! with no writer cannot hang us), checked on the open handle to be a
//! regular file, and read no further than a bound. Repository files,
//! plugin files and the text files the user names (configuration,
//! questionnaires, baselines, saved reports) all come through here.

use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Size bounds, generous for real files of each kind.
pub const CONFIG_MAX: u64 = 1 << 20;
pub const QUESTIONNAIRE_MAX: u64 = 4 << 20;
pub const BASELINE_MAX: u64 = 256 << 20;
pub const REPORT_MAX: u64 = 512 << 20;

/// What reading a file gave.
pub enum Bounded {
    Bytes(Vec<u8>),
    /// A FIFO, socket, device or folder.
    NotAFile,
    TooLarge,
    /// A symlink, when links are not followed.
    Symlink,
}

/// Read `path` once, up to `max` bytes. `follow_links: false` refuses a
/// symlink (inside a repository nothing is followed).
pub fn read_bounded(path: &Path, max: u64, follow_links: bool) -> std::io::Result<Bounded> {
    let flags = if follow_links {
        libc::O_NONBLOCK
    } else {
        libc::O_NONBLOCK | libc::O_NOFOLLOW
    };
    let file = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if !follow_links && e.raw_os_error() == Some(libc::ELOOP) => {
            return Ok(Bounded::Symlink);
        }
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Ok(Bounded::NotAFile);
    }
    if meta.len() > max {
        return Ok(Bounded::TooLarge);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Ok(Bounded::TooLarge);
    }
    Ok(Bounded::Bytes(bytes))
}

/// The UTF-8 text of a file the user named, or why it cannot be had
/// (without the path: callers put it where their errors put paths).
pub fn read_text(path: &Path, max: u64) -> Result<String, String> {
    let bytes = match read_bounded(path, max, true).map_err(|e| e.to_string())? {
        Bounded::Bytes(bytes) => bytes,
        Bounded::NotAFile | Bounded::Symlink => return Err("not a regular file".into()),
        Bounded::TooLarge => {
            return Err(format!("larger than the {} limit for this file", size(max)));
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", bytes >> 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_small_utf8_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "x = 1\n").unwrap();
        assert_eq!(read_text(&path, 100).unwrap(), "x = 1\n");
    }

    #[test]
    fn large_binary_and_special_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "x".repeat(2048)).unwrap();
        assert_eq!(
            read_text(&path, 1024).unwrap_err(),
            "larger than the 1 KiB limit for this file"
        );
        std::fs::write(&path, b"x = \"\xff\"").unwrap();
        assert!(read_text(&path, 1024).unwrap_err().contains("offset 5"));
        assert_eq!(
            read_text(Path::new("/dev/zero"), 1024).unwrap_err(),
            "not a regular file"
        );
        let fifo = dir.path().join("fifo.toml");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        assert_eq!(read_text(&fifo, 1024).unwrap_err(), "not a regular file");
    }
}
