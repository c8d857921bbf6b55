//! Text files the user names (configuration, questionnaires, baselines,
//! saved reports): read only when they are regular files within a size
//! bound, so a path to a FIFO or a device, or a runaway file, is a clear
//! error instead of a hang or an exhausted memory.

use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// Size bounds, generous for real files of each kind.
pub const CONFIG_MAX: u64 = 1 << 20;
pub const QUESTIONNAIRE_MAX: u64 = 4 << 20;
pub const BASELINE_MAX: u64 = 256 << 20;
pub const REPORT_MAX: u64 = 512 << 20;

/// The UTF-8 text of `path`, or why it cannot be had (without the path:
/// callers put it where their errors put paths).
pub fn read_text(path: &Path, max: u64) -> Result<String, String> {
    // Non-blocking, so opening a FIFO with no writer returns at once.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    let too_large = || format!("larger than the {} limit for this file", size(max));
    if meta.len() > max {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
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
