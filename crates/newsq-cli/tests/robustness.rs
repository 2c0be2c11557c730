//! What real machines do to an index: `kill -9` in the middle of a run, a
//! second writer, searches while it writes, a read-only folder, a folder
//! the user may not write, a full disk. Each test runs the `newsq` binary
//! as a user would and checks the exit code, the message and that the index
//! still answers.
//!
//! The generated corpus is newsq-synthetic's (invented articles); the small
//! articles are fictional too.

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;
use newsq_core::index::{DocKind, NewsIndex, WriterOptions};
use newsq_core::Article;
use newsq_synthetic::{write_corpus, CorpusLayout, Generator};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::TantivyDocument;

const HARBOUR: &str = "Selvik harbour to reopen in spring\n\n\
“We will not wait another winter,” Mayor Petra Osk said on Monday.\n";

const FERRY: &str = "Ferry strike ends\n\n\
“The crossing reopens at dawn,” Port Director Ines Kalder said.\n";

fn corpus(dir: &Path, articles: u64, per_file: u64) -> std::path::PathBuf {
    let path = dir.join("corpus");
    let layout = CorpusLayout {
        articles,
        per_file,
        threads: 2,
    };
    write_corpus(&Generator::new(11), layout, &path).expect("corpus");
    path
}

/// Quotations per article key, read from the index's stored documents:
/// equal maps mean the same articles with the same quotations, none twice.
fn quotations_per_article(index_dir: &Path) -> BTreeMap<String, usize> {
    let index = NewsIndex::open(index_dir).expect("the index opens");
    let searcher = index.reader().expect("reader").searcher();
    let of_kind = |kind: DocKind| {
        let query = TermQuery::new(
            Term::from_field_u64(index.fields().kind, kind.code()),
            IndexRecordOption::Basic,
        );
        let found = searcher.search(&query, &DocSetCollector).expect("search");
        found
            .into_iter()
            .map(|address| {
                let doc: TantivyDocument = searcher.doc(address).expect("stored");
                doc.get_first(index.fields().article_id)
                    .and_then(|v| v.as_str().map(str::to_string))
                    .expect("an article key")
            })
            .collect::<Vec<String>>()
    };
    let mut counts = BTreeMap::new();
    for key in of_kind(DocKind::Article) {
        let previous = counts.insert(key.clone(), 0);
        assert_eq!(previous, None, "{key} indexed twice");
    }
    for key in of_kind(DocKind::Quotation) {
        *counts
            .get_mut(&key)
            .unwrap_or_else(|| panic!("a quotation of {key} without its article")) += 1;
    }
    counts
}

fn committed_docs(index_dir: &Path) -> u64 {
    if !index_dir.join("meta.json").exists() {
        return 0;
    }
    NewsIndex::open(index_dir)
        .and_then(|index| index.reader())
        .map_or(0, |reader| reader.searcher().num_docs())
}

#[test]
fn kill_9_mid_run_leaves_the_last_commit_and_the_same_command_completes_it() {
    let dir = scratch("kill");
    let articles = corpus(&dir, 1600, 40);
    let index = dir.join("index");
    let reference = dir.join("reference");
    let command = |index: &Path| {
        let (index, articles) = (s(index), s(&articles));
        newsq_command(
            &dir,
            &[
                "index",
                "-q",
                "--commit-every",
                "1",
                "--index",
                &index,
                &articles,
            ],
        )
    };
    let reference_run = command(&reference).output().expect("run newsq");
    expect_code(&reference_run, 0);
    let complete = quotations_per_article(&reference);
    assert_eq!(complete.len(), 1600);

    let mut child = command(&index)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn newsq index");
    // Wait for the first commit, then search while it goes on writing.
    let started = Instant::now();
    while committed_docs(&index) == 0 {
        let finished = child.try_wait().expect("wait");
        assert!(
            finished.is_none(),
            "newsq index finished before its first commit was seen"
        );
        assert!(started.elapsed() < Duration::from_secs(120), "no commit");
        std::thread::sleep(Duration::from_millis(10));
    }
    let during = search(&dir, &s(&index), &["--count", "--articles", "said"]);
    expect_code(&during, 0);
    assert!(
        child.try_wait().expect("wait").is_none(),
        "finished too soon"
    );
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");

    // The index opens at its last commit: some articles, each whole.
    let interrupted = quotations_per_article(&index);
    assert!(
        !interrupted.is_empty() && interrupted.len() < complete.len(),
        "{} of {} articles committed",
        interrupted.len(),
        complete.len()
    );
    for (key, quotations) in &interrupted {
        assert_eq!(
            Some(quotations),
            complete.get(key),
            "{key} committed in part"
        );
    }
    expect_code(
        &search(&dir, &s(&index), &["--count", "--articles", "said"]),
        0,
    );

    // The same command again: the rest, and nothing twice.
    expect_code(&command(&index).output().expect("run newsq"), 0);
    assert_eq!(quotations_per_article(&index), complete);
}

/// A scratch folder with an index of the harbour article (in `articles/`)
/// and the ferry article waiting in `more/`.
fn harbour_indexed(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = scratch(name);
    write(&dir.join("articles/harbour.txt"), HARBOUR);
    write(&dir.join("more/ferry.txt"), FERRY);
    let index_dir = dir.join("index");
    let articles = s(&dir.join("articles"));
    let out = newsq_in(&dir, &["index", "-q", "--index", &s(&index_dir), &articles]);
    expect_code(&out, 0);
    (dir, index_dir)
}

#[test]
fn a_second_writer_fails_at_once_and_searches_see_the_last_commit() {
    let (dir, index_dir) = harbour_indexed("lock");
    // This process writes now, with an article not yet committed.
    let index = NewsIndex::open(&index_dir).expect("open");
    let mut writer = index.writer(&WriterOptions::default()).expect("writer");
    writer
        .add_article(&Article::from_body("ferry.txt", FERRY))
        .expect("add");

    let started = Instant::now();
    let second = newsq_in(
        &dir,
        &["index", "--index", &s(&index_dir), &s(&dir.join("more"))],
    );
    assert!(started.elapsed() < Duration::from_secs(10), "it waited");
    expect_code(&second, 2);
    assert_eq!(
        stderr(&second),
        format!(
            "newsq: {}: another newsq process is writing this index; wait for it to finish, or use another --index\n",
            index_dir.display()
        )
    );
    // Searches work and see the last commit, not the article being written.
    expect_code(&search(&dir, &s(&index_dir), &["winter"]), 0);
    expect_code(&search(&dir, &s(&index_dir), &["crossing"]), 1);
    writer.commit().expect("commit");
    expect_code(&search(&dir, &s(&index_dir), &["crossing"]), 0);
    // Once the writer is gone, indexing works again.
    drop(writer);
    index_quietly(&dir, &s(&index_dir), &[&s(&dir.join("more"))]);
}

/// Whether this process runs as root (permissions do not stop root; a test
/// of them runs its `newsq` as another user, and root can mount).
fn running_as_root(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.join("owner-probe");
    write(&probe, "");
    std::fs::metadata(&probe).expect("probe").uid() == 0
}

/// Run `script` with `sh` in a mount namespace of its own (so that what it
/// mounts is gone when it ends), with `NEWSQ` naming the binary; `None`
/// when this machine does not allow it (not root, no `unshare`).
fn in_mount_namespace(dir: &Path, script: &str) -> Option<Output> {
    let allowed = Command::new("unshare")
        .args(["-m", "true"])
        .status()
        .is_ok_and(|status| status.success());
    if !allowed {
        return None;
    }
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c", script])
        .env("NEWSQ", env!("CARGO_BIN_EXE_newsq"))
        .env("SCRATCH", dir)
        .env("NEWSQ_CACHE", dir.join("cache"))
        .env_remove("NEWSQ_INDEX")
        .output()
        .expect("run unshare");
    Some(out)
}

/// `NAME=CODE` lines a script printed.
fn codes(out: &Output) -> BTreeMap<String, String> {
    stdout(out)
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn a_read_only_index_is_searched_and_indexing_it_says_it_cannot_write() {
    let (dir, index_dir) = harbour_indexed("read-only");
    let script = r#"
        mount --bind "$SCRATCH/index" "$SCRATCH/index" &&
        mount -o remount,bind,ro "$SCRATCH/index" || exit 90
        "$NEWSQ" search --count winter --index "$SCRATCH/index" >"$SCRATCH/search.out" 2>&1
        echo "search=$?"
        "$NEWSQ" index --index "$SCRATCH/index" "$SCRATCH/more" 2>"$SCRATCH/index.err"
        echo "index=$?"
    "#;
    let (search_code, search_out, index_code, index_err) = if running_as_root(&dir) {
        let out = match in_mount_namespace(&dir, script) {
            Some(out) if out.status.code() != Some(90) => out,
            _ => {
                eprintln!("skipped: root, but not allowed to mount here");
                return;
            }
        };
        let codes = codes(&out);
        (
            codes.get("search").cloned(),
            std::fs::read_to_string(dir.join("search.out")).unwrap_or_default(),
            codes.get("index").cloned(),
            std::fs::read_to_string(dir.join("index.err")).unwrap_or_default(),
        )
    } else {
        // Without root, the folder's mode stops this user.
        set_mode_all(&index_dir, 0o555);
        let searched = search(&dir, &s(&index_dir), &["--count", "winter"]);
        let indexed = newsq_in(
            &dir,
            &["index", "--index", &s(&index_dir), &s(&dir.join("more"))],
        );
        set_mode_all(&index_dir, 0o755);
        (
            searched.status.code().map(|c| c.to_string()),
            stdout(&searched) + &stderr(&searched),
            indexed.status.code().map(|c| c.to_string()),
            stderr(&indexed),
        )
    };
    assert_eq!(search_code.as_deref(), Some("0"), "{search_out}");
    assert_eq!(search_out, "1\n");
    assert_eq!(index_code.as_deref(), Some("2"), "{index_err}");
    let expected = format!("newsq: {}: cannot write the index (", index_dir.display());
    assert!(index_err.starts_with(&expected), "{index_err}");
    assert!(
        index_err.contains("Read-only file system") || index_err.contains("Permission denied"),
        "{index_err}"
    );
    assert!(
        index_err.ends_with("searching it works as it is\n"),
        "{index_err}"
    );
}

/// Whether users other than the owner (and root) may pass through `dir`.
fn others_may_enter(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).is_ok_and(|meta| meta.mode() & 0o001 != 0)
}

fn set_mode_all(dir: &Path, mode: u32) {
    for entry in std::fs::read_dir(dir).expect("list").flatten() {
        let _ = std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(mode));
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn a_folder_the_user_may_not_write_or_read_is_named_with_what_to_do() {
    let dir = scratch("permission");
    let locked = dir.join("locked");
    write(&locked.join("harbour.txt"), HARBOUR);
    write(&dir.join("open/ferry.txt"), FERRY);
    let secret = dir.join("open/secret.txt");
    write(&secret, HARBOUR);
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root is not stopped by modes: its newsq runs as nobody, from a copy in
    // the scratch folder (the build's may sit in a folder nobody cannot
    // enter, such as a checkout in a `mktemp -d` folder).
    let root = running_as_root(&dir);
    let mut program = PathBuf::from(env!("CARGO_BIN_EXE_newsq"));
    if root {
        if let Some(closed) = dir.ancestors().find(|a| !others_may_enter(a)) {
            eprintln!(
                "skipped: {} cannot be entered by other users, so the test cannot run newsq as nobody there; set TMPDIR to a folder others may enter",
                closed.display()
            );
            return;
        }
        program = dir.join("bin/newsq");
        std::fs::create_dir_all(dir.join("bin")).expect("bin folder");
        std::fs::copy(env!("CARGO_BIN_EXE_newsq"), &program).expect("copy newsq");
        std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let as_user = |args: &[&str]| {
        let mut command = newsq_command_of(&program, &dir, args);
        if root {
            command.uid(65534).gid(65534);
        }
        command.output().expect("run newsq")
    };
    let index_in_locked = locked.join("index");
    let out = as_user(&[
        "index",
        "--index",
        &s(&index_in_locked),
        &s(&dir.join("open")),
    ]);
    expect_code(&out, 2);
    assert_eq!(
        stderr(&out),
        format!(
            "newsq: {}: cannot write the index (Permission denied (os error 13)); index into a folder you can write (--index DIR), or ask its owner; searching it works as it is\n",
            index_in_locked.display()
        )
    );
    // An unreadable file is named, the rest is indexed, and the run exits 2.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let index_dir = dir.join("index");
    let out = as_user(&["index", "--index", &s(&index_dir), &s(&dir.join("open"))]);
    expect_code(&out, 2);
    let secret = std::fs::canonicalize(&secret).expect("canonical");
    assert!(
        stderr(&out).starts_with(&format!(
            "newsq: {}: cannot read (permission denied); check that it is a readable file or folder\n",
            secret.display()
        )),
        "{}",
        stderr(&out)
    );
    let found = as_user(&["search", "--count", "crossing", "--index", &s(&index_dir)]);
    expect_code(&found, 0);
    // A file of the index this user may not read is named, with what to do.
    let meta = index_dir.join("meta.json");
    std::fs::set_permissions(&meta, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let refused = as_user(&["search", "--count", "crossing", "--index", &s(&index_dir)]);
    expect_code(&refused, 2);
    assert_eq!(
        stderr(&refused),
        format!(
            "newsq: {}: cannot read this file of the index (permission denied); ask the owner of {} to let others read it (chmod -R a+rX {}), or build an index of your own with `newsq index --index DIR PATH...`\n",
            meta.display(),
            index_dir.display(),
            index_dir.display()
        )
    );
    std::fs::set_permissions(&meta, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).ok();
}

#[test]
fn a_full_disk_fails_naming_the_index_which_keeps_its_last_commit() {
    let dir = scratch("disk-full");
    write(&dir.join("articles/harbour.txt"), HARBOUR);
    corpus(&dir, 1200, 200);
    std::fs::create_dir_all(dir.join("disk")).expect("mount point");
    let script = r#"
        mount -t tmpfs -o size=1m tmpfs "$SCRATCH/disk" || exit 90
        "$NEWSQ" index -q --index "$SCRATCH/disk/index" "$SCRATCH/articles"
        echo "first=$?"
        "$NEWSQ" index --index "$SCRATCH/disk/index" "$SCRATCH/corpus" 2>"$SCRATCH/full.err"
        echo "full=$?"
        echo "search=$("$NEWSQ" search --count winter --index "$SCRATCH/disk/index")"
        mount -o remount,size=64m "$SCRATCH/disk" || exit 91
        "$NEWSQ" index -q --index "$SCRATCH/disk/index" "$SCRATCH/corpus"
        echo "again=$?"
        echo "articles=$("$NEWSQ" search --count --articles said --index "$SCRATCH/disk/index")"
    "#;
    let Some(out) = in_mount_namespace(&dir, script).filter(|out| out.status.code() != Some(90))
    else {
        eprintln!("skipped: this machine does not let the test mount a small file system");
        return;
    };
    let codes = codes(&out);
    let err = std::fs::read_to_string(dir.join("full.err")).unwrap_or_default();
    assert_eq!(
        codes.get("first").map(String::as_str),
        Some("0"),
        "{}",
        stderr(&out)
    );
    assert_eq!(codes.get("full").map(String::as_str), Some("2"), "{err}");
    assert_eq!(
        err,
        format!(
            "newsq: {}: cannot write the index (No space left on device (os error 28)); free some space and run the same command again: what was committed is kept, and only the rest is read again\n",
            dir.join("disk/index").display()
        )
    );
    // The first commit still answers; with space, the same command completes.
    assert_eq!(codes.get("search").map(String::as_str), Some("1"));
    assert_eq!(
        codes.get("again").map(String::as_str),
        Some("0"),
        "{}",
        stderr(&out)
    );
    assert!(codes
        .get("articles")
        .is_some_and(|n| n.parse::<u64>().unwrap_or(0) > 1000));
}

#[test]
fn index_files_get_the_modes_of_any_new_file_so_others_can_search_a_shared_index() {
    use std::os::unix::fs::MetadataExt;
    let dir = scratch("modes");
    write(&dir.join("articles/harbour.txt"), HARBOUR);
    let index = dir.join("index");
    let out = newsq_command(
        &dir,
        &[
            "index",
            "-q",
            "--index",
            &s(&index),
            &s(&dir.join("articles")),
        ],
    )
    .output()
    .expect("run newsq");
    expect_code(&out, 0);
    // A file this process creates gets the umask's modes; so must every
    // file of the index (tantivy's own atomic writes make 0600 files).
    let probe = dir.join("probe");
    write(&probe, "");
    let expected = std::fs::metadata(&probe).expect("probe").mode() & 0o777;
    let mut files = 0;
    for entry in std::fs::read_dir(&index).expect("list index").flatten() {
        let meta = entry.metadata().expect("metadata");
        if meta.is_file() {
            files += 1;
            assert_eq!(meta.mode() & 0o777, expected, "{}", entry.path().display());
        }
    }
    assert!(files > 3, "{files} files");
}
