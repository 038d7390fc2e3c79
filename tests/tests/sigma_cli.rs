//! `garrison sigma check|eval` through the real binary: the output contract.

use garrison_e2e::run;

const RULE: &str = r#"title: Whoami run
id: 5c1e1a3e-0000-4000-8000-000000000001
status: test
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\whoami.exe'
    condition: selection
level: medium
"#;

#[test]
fn eval_prints_one_json_line_per_match() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rules = dir.path().join("rules");
    std::fs::create_dir(&rules).expect("mkdir");
    std::fs::write(rules.join("whoami.yml"), RULE).expect("rule");
    let events = dir.path().join("events.jsonl");
    std::fs::write(
        &events,
        concat!(
            r#"{"Image":"C:\\Windows\\System32\\notepad.exe"}"#,
            "\n",
            r#"{"Image":"C:\\Windows\\System32\\WHOAMI.EXE"}"#,
            "\n"
        ),
    )
    .expect("events");
    let out = run(
        &[
            "sigma",
            "eval",
            "--rules",
            rules.to_str().expect("utf8"),
            "--events",
            events.to_str().expect("utf8"),
        ],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(
        lines,
        vec![serde_json::json!({"rule": "5c1e1a3e-0000-4000-8000-000000000001", "event": 1})]
    );
}

#[test]
fn check_names_each_bad_file_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("good.yml"), RULE).expect("rule");
    std::fs::write(
        dir.path().join("broken.yml"),
        "title: x\ndetection: [unclosed\n",
    )
    .expect("rule");
    let out = run(&["sigma", "check", dir.path().to_str().expect("utf8")], &[]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.lines().any(|l| l.contains("broken.yml")), "{stdout}");
    assert!(!stdout.lines().any(|l| l.contains("good.yml")), "{stdout}");
    assert!(
        stdout.lines().last().is_some_and(|l| l.contains('1')),
        "summary line: {stdout}"
    );
}
