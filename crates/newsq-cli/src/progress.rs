//! A progress line on stderr, for long runs (indexing files, exporting or
//! pushing documents): only on a terminal, redrawn at most ten times a
//! second.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    enabled: bool,
    /// What is counted: "files", "documents".
    unit: &'static str,
    total_bytes: u64,
    total_units: u64,
    done_bytes: u64,
    done_units: u64,
    started: Instant,
    last_drawn: Option<Instant>,
}

impl Progress {
    /// A progress line counting files, drawn only when `wanted` and stderr
    /// is a terminal.
    pub fn new(wanted: bool) -> Self {
        Progress::counting(wanted, "files")
    }

    /// A progress line counting `unit`s.
    pub fn counting(wanted: bool, unit: &'static str) -> Self {
        Progress {
            enabled: wanted && io::stderr().is_terminal(),
            unit,
            total_bytes: 0,
            total_units: 0,
            done_bytes: 0,
            done_units: 0,
            started: Instant::now(),
            last_drawn: None,
        }
    }

    /// The whole run: `units` to do, `bytes` of them (0 when not known in
    /// advance: the bar then follows the units).
    pub fn plan(&mut self, units: u64, bytes: u64) {
        self.total_units = units;
        self.total_bytes = bytes;
        self.started = Instant::now();
    }

    /// One unit done, of `bytes`.
    pub fn advance(&mut self, bytes: u64) {
        self.advance_by(1, bytes);
    }

    /// `units` done, of `bytes` in all.
    pub fn advance_by(&mut self, units: u64, bytes: u64) {
        self.done_units += units;
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
        let fraction = match (self.total_bytes, self.total_units) {
            (0, 0) => 1.0,
            (0, units) => self.done_units as f64 / units as f64,
            (bytes, _) => self.done_bytes as f64 / bytes as f64,
        }
        .min(1.0);
        let filled = (fraction * WIDTH as f64) as usize;
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        let rate = self.done_bytes as f64 / (1024.0 * 1024.0) / seconds;
        let _ = write!(
            io::stderr(),
            "\r\x1b[2K[{}{}] {}/{} {}, {:.1} MiB/s",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            self.done_units,
            self.total_units,
            self.unit,
            rate
        );
    }
}
