//! A progress line on stderr, for long indexing runs: only on a terminal,
//! redrawn at most ten times a second.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    enabled: bool,
    total_bytes: u64,
    total_files: usize,
    done_bytes: u64,
    done_files: usize,
    started: Instant,
    last_drawn: Option<Instant>,
}

impl Progress {
    /// A progress line, drawn only when `wanted` and stderr is a terminal.
    pub fn new(wanted: bool) -> Self {
        Progress {
            enabled: wanted && io::stderr().is_terminal(),
            total_bytes: 0,
            total_files: 0,
            done_bytes: 0,
            done_files: 0,
            started: Instant::now(),
            last_drawn: None,
        }
    }

    pub fn plan(&mut self, files: usize, bytes: u64) {
        self.total_files = files;
        self.total_bytes = bytes;
        self.started = Instant::now();
    }

    pub fn advance(&mut self, bytes: u64) {
        self.done_files += 1;
        self.done_bytes += bytes;
        let due = self
            .last_drawn
            .is_none_or(|t| t.elapsed() >= Duration::from_millis(100));
        if self.enabled && due {
            self.draw();
            self.last_drawn = Some(Instant::now());
        }
    }

    /// Clear the line before other output goes to stderr.
    pub fn clear(&mut self) {
        if self.enabled && self.last_drawn.is_some() {
            let _ = write!(io::stderr(), "\r\x1b[2K");
        }
    }

    fn draw(&self) {
        const WIDTH: usize = 30;
        let fraction = if self.total_bytes == 0 {
            1.0
        } else {
            (self.done_bytes as f64 / self.total_bytes as f64).min(1.0)
        };
        let filled = (fraction * WIDTH as f64) as usize;
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        let rate = self.done_bytes as f64 / (1024.0 * 1024.0) / seconds;
        let _ = write!(
            io::stderr(),
            "\r\x1b[2K[{}{}] {}/{} files, {:.1} MiB/s",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            self.done_files,
            self.total_files,
            rate
        );
    }
}
