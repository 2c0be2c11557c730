//! Running the `newsq` binary in tests, with every folder it could touch
//! inside the test's scratch folder.
#![allow(dead_code)] // each test crate uses its own share of these

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A fresh folder for one test's files.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "newsq-{}-{}-{name}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

pub fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

pub fn s(path: &Path) -> String {
    path.display().to_string()
}

/// `newsq ARGS` with every folder it could touch inside `dir`.
pub fn newsq_in(dir: &Path, args: &[&str]) -> Output {
    newsq_env(dir, args, &[], &[])
}

pub fn newsq_env(dir: &Path, args: &[&str], set: &[(&str, &str)], remove: &[&str]) -> Output {
    let mut command = newsq_command(dir, args);
    for (key, value) in set {
        command.env(key, value);
    }
    for key in remove {
        command.env_remove(key);
    }
    match command.output() {
        Ok(out) => out,
        Err(e) => panic!("cannot run newsq: {e}"),
    }
}

/// The command `newsq ARGS`, not started, with every folder it could touch
/// inside `dir`.
pub fn newsq_command(dir: &Path, args: &[&str]) -> Command {
    newsq_command_of(Path::new(env!("CARGO_BIN_EXE_newsq")), dir, args)
}

/// [`newsq_command`] with the binary at `program` (a copy other users can
/// reach, say).
pub fn newsq_command_of(program: &Path, dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env("HOME", dir.join("home"))
        .env("XDG_DATA_HOME", dir.join("xdg-data"))
        .env("XDG_CACHE_HOME", dir.join("xdg-cache"))
        .env("NEWSQ_CACHE", dir.join("cache"))
        .env("NEWSQ_INDEX", dir.join("default-index"));
    command
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn expect_code(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
}

/// stdout as JSON Lines.
pub fn json_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// `newsq index -q --index INDEX ARGS...`, which must succeed.
pub fn index_quietly(dir: &Path, index: &str, args: &[&str]) {
    let mut all = vec!["index", "-q", "--index", index];
    all.extend_from_slice(args);
    expect_code(&newsq_in(dir, &all), 0);
}

/// `newsq search --index INDEX ARGS...`.
pub fn search(dir: &Path, index: &str, args: &[&str]) -> Output {
    let mut all = vec!["search", "--index", index];
    all.extend_from_slice(args);
    newsq_in(dir, &all)
}

/// The hit lines of `newsq search --json` output: statements and articles.
pub fn hits(lines: &[Value]) -> Vec<&Value> {
    lines
        .iter()
        .filter(|v| v["type"] == "statement" || v["type"] == "article")
        .collect()
}
