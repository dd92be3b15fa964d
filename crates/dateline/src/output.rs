//! Where the command line writes, checked.
//!
//! - Standard error carries reports (`error: …`, `warning: …`, summaries).
//!   Every write to it is checked, and a failure (a closed pipe, a full
//!   disk) is ignored rather than fatal: losing a report must never lose the
//!   work (an index is still saved, records are still processed).
//! - Standard output carries results. A command that writes results asks
//!   for it with [`stdout`] before doing any work: when it is closed
//!   (`>&-`) that is an error (exit 1), not a silent loss; write errors are
//!   errors of the command, and a reader going away (`| head`) ends it
//!   quietly.
//! - At start-up [`guard_standard_streams`] gives a closed descriptor 0, 1
//!   or 2 to `/dev/null`, so that no file opened later takes its number
//!   (reports would otherwise be written into it, an index for instance).

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::commands::CliError;

/// Standard output was closed when the process started.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Points closed standard descriptors (0, 1, 2) at `/dev/null`; remembers a
/// closed standard output. Call first, before any file is opened.
///
/// On most Unix systems the Rust runtime has already done the first part
/// before `main`, opening `/dev/null` read-write where a standard descriptor
/// was closed; on Linux such a standard output is recognized by that: a
/// shell redirection `>/dev/null` opens it write-only.
pub(crate) fn guard_standard_streams() {
    #[cfg(target_os = "linux")]
    if reopened_dev_null(1) {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
    }
    #[cfg(unix)]
    {
        use std::os::fd::{AsRawFd, IntoRawFd};
        // Opening takes the lowest free descriptor: while that is 0, 1 or
        // 2, a standard stream was closed; keep /dev/null open there.
        for _ in 0..3 {
            let Ok(f) = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/null")
            else {
                return;
            };
            let fd = f.as_raw_fd();
            if fd > 2 {
                return;
            }
            if fd == 1 {
                STDOUT_CLOSED.store(true, Ordering::Relaxed);
            }
            let _kept_open = f.into_raw_fd();
        }
    }
}

/// Descriptor `fd` is `/dev/null` opened read-write: what the Rust runtime
/// puts in place of a closed standard descriptor.
#[cfg(target_os = "linux")]
fn reopened_dev_null(fd: u32) -> bool {
    let is_null = std::fs::read_link(format!("/proc/self/fd/{fd}"))
        .is_ok_and(|p| p == std::path::Path::new("/dev/null"));
    is_null
        && std::fs::read_to_string(format!("/proc/self/fdinfo/{fd}"))
            .ok()
            .and_then(|info| {
                info.lines()
                    .find_map(|l| l.strip_prefix("flags:"))
                    .and_then(|v| u32::from_str_radix(v.trim(), 8).ok())
            })
            .is_some_and(|flags| flags & 0o3 == 0o2)
}

/// Buffered standard output for a command's results, or an error when it
/// is closed (checked before the work starts, so none is done in vain).
pub(crate) fn stdout() -> Result<std::io::BufWriter<std::io::StdoutLock<'static>>, CliError> {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Err(CliError::Failed(
            "standard output is closed; nothing would be shown".into(),
        ));
    }
    Ok(std::io::BufWriter::new(std::io::stdout().lock()))
}

/// Writes one line to standard error. A failing standard error is ignored:
/// there is nowhere left to report it, and the work goes on.
pub(crate) fn stderr_line(args: std::fmt::Arguments<'_>) {
    let mut err = std::io::stderr().lock();
    let _ignored = err
        .write_fmt(args)
        .and_then(|()| err.write_all(b"\n"))
        .and_then(|()| err.flush());
}
