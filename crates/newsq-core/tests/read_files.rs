//! Bad inputs and directory walking. Files with binary or non-UTF-8 content are
//! written into a fresh temporary directory per test.

use std::fs;
use std::path::{Path, PathBuf};

use newsq_core::read::{discover, read_file, ReadOptions, SkipReason, SkipSummary, Skipped};

/// A fresh, empty directory for one test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsq-read-files-{}-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Read a file that must produce exactly one skip.
fn skip_of(path: &Path) -> Skipped {
    let mut items = read_file(path, &ReadOptions::default());
    assert_eq!(items.len(), 1, "{items:?}");
    items.remove(0).expect_err("should be skipped")
}

#[test]
fn binary_file_is_skipped() {
    let dir = temp_dir("binary");
    let p = dir.join("scan.pdf");
    fs::write(&p, b"%PDF-1.7\n\x00\x01\x02binary stuff").unwrap();
    let s = skip_of(&p);
    assert_eq!(s.reason, SkipReason::Binary);
    assert_eq!(
        s.to_string(),
        format!(
            "{}: binary file, skipped; newsq reads plain text, JSON, JSON Lines, \
             HTML and WARC (or .warc.gz)",
            p.display()
        )
    );
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn invalid_utf8_reports_byte_offset() {
    let dir = temp_dir("utf8");
    let p = dir.join("latin1.txt");
    // "Caf\xe9" in Latin-1: 14 bytes of headline, then "Caf", then the bad byte.
    fs::write(&p, b"Headline here\nCaf\xe9 au lait").unwrap();
    let s = skip_of(&p);
    assert_eq!(s.reason, SkipReason::InvalidUtf8 { byte_offset: 17 });
    let msg = s.to_string();
    assert!(
        msg.starts_with(&format!("{}: invalid UTF-8 at byte 17;", p.display())),
        "{msg}"
    );
    assert!(!msg.contains('\n'));
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn empty_and_whitespace_only_files_are_skipped() {
    let dir = temp_dir("empty");
    let empty = dir.join("empty.txt");
    let blank = dir.join("blank.txt");
    fs::write(&empty, b"").unwrap();
    fs::write(&blank, b" \n\t\r\n  \n").unwrap();
    assert_eq!(skip_of(&empty).reason, SkipReason::Empty);
    assert_eq!(skip_of(&blank).reason, SkipReason::Empty);
    assert_eq!(
        skip_of(&empty).to_string(),
        format!("{}: empty file, skipped; nothing to read", empty.display())
    );
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn nonexistent_path_is_not_found() {
    let p = PathBuf::from("/nonexistent/newsq/nothing-here.txt");
    let s = skip_of(&p);
    assert_eq!(s.reason, SkipReason::NotFound);
    assert_eq!(
        s.to_string(),
        "/nonexistent/newsq/nothing-here.txt: no such file or directory; check the path"
    );
    let found = discover(std::slice::from_ref(&p));
    assert!(matches!(&found[..], [Err(s)] if s.reason == SkipReason::NotFound));
}

#[test]
fn directory_passed_as_file_is_unreadable() {
    let dir = temp_dir("dir-as-file");
    let s = skip_of(&dir);
    assert_eq!(
        s.reason,
        SkipReason::Unreadable("is a directory".to_string())
    );
    assert!(s.to_string().contains("cannot read (is a directory)"));
    fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn special_file_is_not_read() {
    // Reading a device would never end; it is reported instead.
    let s = skip_of(Path::new("/dev/zero"));
    assert_eq!(
        s.reason,
        SkipReason::Unreadable("not a regular file".to_string())
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("chmod");
    let p = dir.join("locked.txt");
    fs::write(&p, "Locked headline\n\nSecret body.").unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&p).is_ok() {
        // Running as root: permissions do not stop reads, nothing to test.
        eprintln!("skipping: file readable despite mode 000 (root?)");
    } else {
        let s = skip_of(&p);
        assert_eq!(
            s.reason,
            SkipReason::Unreadable("permission denied".to_string())
        );
        assert_eq!(
            s.to_string(),
            format!(
                "{}: cannot read (permission denied); check that it is a readable file or folder",
                p.display()
            )
        );
    }
    fs::set_permissions(&p, fs::Permissions::from_mode(0o644)).ok();
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn bom_and_crlf_are_normalized() {
    let dir = temp_dir("bom");
    let p = dir.join("windows.txt");
    fs::write(
        &p,
        b"\xEF\xBB\xBFTown hall repainted\r\n\r\nThe town hall was repainted blue.\r\n",
    )
    .unwrap();
    let a = read_file(&p, &ReadOptions::default()).remove(0).unwrap();
    assert_eq!(a.title.as_deref(), Some("Town hall repainted"));
    assert_eq!(a.body, "The town hall was repainted blue.");
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn skip_summary_counts_by_kind() {
    let mut summary = SkipSummary::default();
    assert_eq!(summary.total(), 0);
    assert_eq!(summary.to_string(), "skipped no inputs");
    summary.record(&Skipped::file("x.pdf", SkipReason::Binary));
    assert_eq!(summary.to_string(), "skipped 1 input: 1 binary");
    summary.record(&Skipped::file(
        "a.txt",
        SkipReason::InvalidUtf8 { byte_offset: 3 },
    ));
    summary.record(&Skipped::at_line(
        "a.jsonl",
        7,
        SkipReason::MalformedJson("expected value at column 1".into()),
    ));
    assert_eq!(summary.total(), 3);
    assert_eq!(
        summary.to_string(),
        "skipped 3 inputs: 1 binary, 1 invalid UTF-8, 1 malformed JSON line"
    );
    summary.record(&Skipped::at_line(
        "b.jsonl",
        2,
        SkipReason::MalformedJson("x".into()),
    ));
    assert!(summary.to_string().ends_with("2 malformed JSON lines"));
}

#[test]
fn every_skip_message_is_one_line() {
    let reasons = [
        SkipReason::NotFound,
        SkipReason::Unreadable("permission denied".into()),
        SkipReason::Binary,
        SkipReason::InvalidUtf8 { byte_offset: 9 },
        SkipReason::Empty,
        SkipReason::MalformedJson("expected value at column 3".into()),
        SkipReason::NoText,
    ];
    for reason in reasons {
        for line in [None, Some(4)] {
            let s = match line {
                Some(n) => Skipped::at_line("data/a.jsonl", n, reason.clone()),
                None => Skipped::file("data/a.jsonl", reason.clone()),
            };
            let msg = s.to_string();
            assert!(!msg.contains('\n'), "{msg}");
            let prefix = match line {
                Some(n) => format!("data/a.jsonl:{n}: "),
                None => "data/a.jsonl: ".to_string(),
            };
            assert!(msg.starts_with(&prefix), "{msg}");
            assert!(msg.contains("; "), "says what to do: {msg}");
        }
    }
}

#[test]
fn discover_walks_sorted_skipping_hidden_and_other_extensions() {
    let dir = temp_dir("walk");
    for name in [
        "b.txt",
        "a.json",
        "README",
        "README.TXT",
        "LICENSE",
        "sub/changelog.txt",
        "article",
        "x.TXT",
        "c.md",
        "image.PNG",
        ".hidden.txt",
        ".git/config.txt",
        "sub/z.jsonl",
        "sub/a.text",
        "sub/deeper/m.ndjson",
        ".cache/a.txt",
    ] {
        let p = dir.join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(&p, "Headline\n\nBody.").unwrap();
    }
    let explicit = dir.join("c.md");
    let readme = dir.join("README.TXT");
    let missing = dir.join("missing.txt");
    let found = discover(&[dir.clone(), explicit.clone(), readme, missing.clone()]);

    let rel: Vec<String> = found
        .iter()
        .map(|r| match r {
            Ok(p) => p.strip_prefix(&dir).unwrap().to_string_lossy().into_owned(),
            Err(s) => format!("ERR {:?}", s.reason),
        })
        .collect();
    assert_eq!(
        rel,
        vec![
            // (A folder's README, LICENSE and changelog are notes about the
            // corpus, not articles.)
            "a.json",
            "article",
            "b.txt",
            "sub/a.text",
            "sub/deeper/m.ndjson",
            "sub/z.jsonl",
            "x.TXT",
            // Named explicitly: taken whatever the extension or name.
            "c.md",
            "README.TXT",
            "ERR NotFound",
        ]
    );
    fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn unlistable_directory_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("unlistable");
    let locked = dir.join("locked");
    fs::create_dir_all(&locked).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read_dir(&locked).is_ok() {
        eprintln!("skipping: directory listable despite mode 000 (root?)");
    } else {
        let found = discover(std::slice::from_ref(&locked));
        assert!(
            matches!(&found[..], [Err(s)] if matches!(s.reason, SkipReason::Unreadable(_))),
            "{found:?}"
        );
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).ok();
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn links_that_lead_nowhere_are_reported_and_links_to_folders_are_not_followed() {
    let dir = temp_dir("links");
    fs::write(
        dir.join("story.txt"),
        "Headline\n\n“We stay,” Ana Lopes said.",
    )
    .unwrap();
    fs::create_dir_all(dir.join("sub")).unwrap();
    // A loop of two links, a dangling link, and a link back up the tree.
    std::os::unix::fs::symlink("loop-b.txt", dir.join("loop-a.txt")).unwrap();
    std::os::unix::fs::symlink("loop-a.txt", dir.join("loop-b.txt")).unwrap();
    std::os::unix::fs::symlink("gone.txt", dir.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("../story.txt", dir.join("sub/story-link.txt")).unwrap();

    let found = discover(std::slice::from_ref(&dir));
    let shown: Vec<String> = found
        .iter()
        .map(|r| match r {
            Ok(p) => p.strip_prefix(&dir).unwrap().display().to_string(),
            Err(s) => s.to_string().replace(&format!("{}/", dir.display()), ""),
        })
        .collect();
    assert_eq!(
        shown,
        [
            "dangling.txt: no such file or directory; check the path",
            "loop-a.txt: cannot read (too many levels of symbolic links); check that it is a readable file or folder",
            "loop-b.txt: cannot read (too many levels of symbolic links); check that it is a readable file or folder",
            "story.txt",
            "sub/story-link.txt",
        ]
    );
    // A loop named by the user is reported the same way.
    let named = discover(&[dir.join("loop-a.txt")]);
    assert!(
        matches!(&named[..], [Err(s)] if s.reason.is_unreadable()),
        "{named:?}"
    );
    fs::remove_dir_all(&dir).ok();
}
