//! Every value modifier, with positive and negative cases.

mod common;

use common::{compile_with, detection, hits, rejection};
use serde_json::json;
use std::collections::HashMap;

#[test]
fn plain_values_are_case_insensitive_exact() {
    let set = detection("  sel:\n    Image: 'C:\\Windows\\cmd.exe'\n  condition: sel\n");
    assert!(hits(&set, &json!({"Image": "c:\\windows\\CMD.EXE"})));
    assert!(!hits(&set, &json!({"Image": "c:\\windows\\cmd.exe2"})));
    assert!(!hits(&set, &json!({"Other": "c:\\windows\\cmd.exe"})));
}

#[test]
fn contains_startswith_endswith() {
    let c = detection("  sel:\n    CommandLine|contains: 'enc'\n  condition: sel\n");
    assert!(hits(&c, &json!({"CommandLine": "powershell -ENC abc"})));
    assert!(!hits(&c, &json!({"CommandLine": "powershell -e abc"})));
    let s = detection("  sel:\n    Image|startswith: 'C:\\Users\\'\n  condition: sel\n");
    assert!(hits(&s, &json!({"Image": "C:\\users\\bob\\a.exe"})));
    assert!(!hits(&s, &json!({"Image": "D:\\Users\\bob\\a.exe"})));
    let e = detection("  sel:\n    Image|endswith: '\\rundll32.exe'\n  condition: sel\n");
    assert!(hits(
        &e,
        &json!({"Image": "C:\\Windows\\System32\\RUNDLL32.EXE"})
    ));
    assert!(!hits(
        &e,
        &json!({"Image": "C:\\Windows\\System32\\rundll32.exe.bak"})
    ));
}

#[test]
fn lists_are_or_and_all_makes_them_and() {
    let any = detection(
        "  sel:\n    CommandLine|contains:\n      - 'a1'\n      - 'b2'\n  condition: sel\n",
    );
    assert!(hits(&any, &json!({"CommandLine": "xx b2"})));
    assert!(!hits(&any, &json!({"CommandLine": "xx c3"})));
    let all = detection(
        "  sel:\n    CommandLine|contains|all:\n      - 'a1'\n      - 'b2'\n  condition: sel\n",
    );
    assert!(hits(&all, &json!({"CommandLine": "b2 and a1"})));
    assert!(!hits(&all, &json!({"CommandLine": "only a1"})));
}

#[test]
fn maps_are_and() {
    let set = detection(
        "  sel:\n    EventID: 4688\n    NewProcessName|endswith: '\\whoami.exe'\n  condition: sel\n",
    );
    assert!(hits(
        &set,
        &json!({"EventID": 4688, "NewProcessName": "C:\\w\\whoami.exe"})
    ));
    assert!(!hits(
        &set,
        &json!({"EventID": 4689, "NewProcessName": "C:\\w\\whoami.exe"})
    ));
}

#[test]
fn numbers_and_numeric_text_compare_equal() {
    let set = detection("  sel:\n    EventID: 4688\n  condition: sel\n");
    assert!(hits(&set, &json!({"EventID": 4688})));
    assert!(hits(&set, &json!({"EventID": "4688"})));
    assert!(!hits(&set, &json!({"EventID": 46880})));
    let quoted = detection("  sel:\n    EventID: '4688'\n  condition: sel\n");
    assert!(hits(&quoted, &json!({"EventID": 4688})));
    let contains = detection("  sel:\n    ProcessId|contains: '88'\n  condition: sel\n");
    assert!(hits(&contains, &json!({"ProcessId": 4688})));
}

#[test]
fn wildcards_and_escapes() {
    // `\\*` in a rule is a backslash followed by a wildcard.
    let star = detection("  sel:\n    Image: 'C:\\\\*\\cmd.exe'\n  condition: sel\n");
    assert!(hits(
        &star,
        &json!({"Image": "C:\\Windows\\System32\\cmd.exe"})
    ));
    assert!(!hits(&star, &json!({"Image": "D:\\Windows\\cmd.exe"})));
    let q = detection("  sel:\n    Name: 'ab?d'\n  condition: sel\n");
    assert!(hits(&q, &json!({"Name": "abXd"})));
    assert!(!hits(&q, &json!({"Name": "abd"})));
    // Escaped wildcards are literal characters.
    let lit_star = detection("  sel:\n    Name: 'a\\*b'\n  condition: sel\n");
    assert!(hits(&lit_star, &json!({"Name": "a*b"})));
    assert!(!hits(&lit_star, &json!({"Name": "aXb"})));
    let lit_q = detection("  sel:\n    Name: 'a\\?'\n  condition: sel\n");
    assert!(hits(&lit_q, &json!({"Name": "a?"})));
    assert!(!hits(&lit_q, &json!({"Name": "ab"})));
    // `\\` is one backslash; before a wildcard it leaves the wildcard active.
    let bs_star = detection("  sel:\n    Name: 'dir\\\\*'\n  condition: sel\n");
    assert!(hits(&bs_star, &json!({"Name": "dir\\anything"})));
    assert!(!hits(&bs_star, &json!({"Name": "dirX"})));
    // A plain backslash before an ordinary character is itself.
    let plain = detection("  sel:\n    Name: 'C:\\temp'\n  condition: sel\n");
    assert!(hits(&plain, &json!({"Name": "c:\\TEMP"})));
    // Three backslashes and a star: a literal backslash and a literal star.
    let triple = detection("  sel:\n    Name: 'x\\\\\\*'\n  condition: sel\n");
    assert!(hits(&triple, &json!({"Name": "x\\*"})));
    assert!(!hits(&triple, &json!({"Name": "x\\y"})));
}

#[test]
fn null_and_empty_string() {
    let null = detection("  sel:\n    Field: null\n  condition: sel\n");
    assert!(hits(&null, &json!({"Other": 1})));
    assert!(hits(&null, &json!({"Field": null})));
    assert!(!hits(&null, &json!({"Field": ""})));
    let empty = detection("  sel:\n    Field: ''\n  condition: sel\n");
    assert!(hits(&empty, &json!({"Field": ""})));
    assert!(!hits(&empty, &json!({"Field": "x"})));
    assert!(!hits(&empty, &json!({})));
}

#[test]
fn dotted_fields_reach_nested_objects() {
    let set = detection("  sel:\n    process.executable|endswith: '\\cmd.exe'\n  condition: sel\n");
    assert!(hits(
        &set,
        &json!({"process": {"executable": "C:\\cmd.exe"}})
    ));
    assert!(hits(&set, &json!({"process.executable": "C:\\cmd.exe"})));
    assert!(!hits(&set, &json!({"process": {"name": "cmd.exe"}})));
}

#[test]
fn arrays_in_events_match_any_element() {
    let set = detection("  sel:\n    Tags: 'b'\n  condition: sel\n");
    assert!(hits(&set, &json!({"Tags": ["a", "b"]})));
    assert!(!hits(&set, &json!({"Tags": ["a", "c"]})));
}

#[test]
fn windash_covers_all_five_dashes() {
    let set =
        detection("  sel:\n    CommandLine|windash|contains: ' -exec bypass'\n  condition: sel\n");
    for dash in ["-", "/", "\u{2013}", "\u{2014}", "\u{2015}"] {
        let ev = json!({"CommandLine": format!("powershell {dash}exec bypass")});
        assert!(hits(&set, &ev), "dash {dash:?}");
    }
    assert!(!hits(
        &set,
        &json!({"CommandLine": "powershell +exec bypass"})
    ));
}

#[test]
fn regex_with_flags() {
    let plain = detection("  sel:\n    CommandLine|re: 'a[0-9]+b'\n  condition: sel\n");
    assert!(hits(&plain, &json!({"CommandLine": "xx a123b yy"})));
    assert!(
        !hits(&plain, &json!({"CommandLine": "xx A123B yy"})),
        "re is case-sensitive"
    );
    let i = detection("  sel:\n    CommandLine|re|i: 'a[0-9]+b'\n  condition: sel\n");
    assert!(hits(&i, &json!({"CommandLine": "A1B"})));
    let m = detection("  sel:\n    Text|re|m: '^second$'\n  condition: sel\n");
    assert!(hits(&m, &json!({"Text": "first\nsecond\nthird"})));
    let no_m = detection("  sel:\n    Text|re: '^second$'\n  condition: sel\n");
    assert!(!hits(&no_m, &json!({"Text": "first\nsecond\nthird"})));
    let s = detection("  sel:\n    Text|re|s: 'a.b'\n  condition: sel\n");
    assert!(hits(&s, &json!({"Text": "a\nb"})));
    let no_s = detection("  sel:\n    Text|re: 'a.b'\n  condition: sel\n");
    assert!(!hits(&no_s, &json!({"Text": "a\nb"})));
    assert!(
        rejection("title: t\nid: x\ndetection:\n  sel:\n    A|re: '('\n  condition: sel\n")
            .is_some()
    );
}

#[test]
fn base64_and_base64offset() {
    let b64 = detection("  sel:\n    Data|base64: 'hello'\n  condition: sel\n");
    assert!(hits(&b64, &json!({"Data": "aGVsbG8="})));
    assert!(
        !hits(&b64, &json!({"Data": "AGVSBG8="})),
        "base64 is case-sensitive"
    );
    let off = detection("  sel:\n    Data|base64offset|contains: 'http://'\n  condition: sel\n");
    for prefix in ["", "a", "ab"] {
        let encoded = base64_of(&format!("{prefix}http://x"));
        assert!(
            hits(&off, &json!({"Data": encoded})),
            "offset {}",
            prefix.len()
        );
    }
    assert!(!hits(&off, &json!({"Data": base64_of("https://x")})));
}

fn base64_of(s: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(s)
}

#[test]
fn utf16_encodings_with_base64() {
    let wide = detection("  sel:\n    Data|wide|base64offset|contains: 'ping'\n  condition: sel\n");
    let le: Vec<u8> = "xping".encode_utf16().flat_map(u16::to_le_bytes).collect();
    use base64::Engine;
    let enc = base64::engine::general_purpose::STANDARD.encode(&le);
    assert!(hits(&wide, &json!({"Data": enc})));
    assert!(!hits(&wide, &json!({"Data": base64_of("xping")})));
    let be = detection("  sel:\n    Data|utf16be|base64: 'ab'\n  condition: sel\n");
    assert!(hits(&be, &json!({"Data": "AGEAYg=="})));
    let le = detection("  sel:\n    Data|utf16le|base64: 'ab'\n  condition: sel\n");
    assert!(hits(&le, &json!({"Data": "YQBiAA=="})));
    let bom = detection("  sel:\n    Data|utf16|base64: 'ab'\n  condition: sel\n");
    assert!(hits(&bom, &json!({"Data": "//5hAGIA"})));
    assert!(!hits(&bom, &json!({"Data": "YQBiAA=="})));
}

#[test]
fn cidr_v4_and_v6() {
    let set = detection(
        "  sel:\n    DestinationIp|cidr:\n      - '10.0.0.0/8'\n      - 'fe80::/10'\n  condition: sel\n",
    );
    assert!(hits(&set, &json!({"DestinationIp": "10.1.2.3"})));
    assert!(hits(&set, &json!({"DestinationIp": "fe80::1"})));
    assert!(!hits(&set, &json!({"DestinationIp": "11.1.2.3"})));
    assert!(!hits(&set, &json!({"DestinationIp": "2001:db8::1"})));
    assert!(!hits(&set, &json!({"DestinationIp": "not an ip"})));
}

#[test]
fn exists() {
    let yes = detection("  sel:\n    Field|exists: true\n  condition: sel\n");
    assert!(hits(&yes, &json!({"Field": ""})));
    assert!(!hits(&yes, &json!({"Other": "x"})));
    let no = detection("  sel:\n    Field|exists: false\n  condition: sel\n");
    assert!(hits(&no, &json!({"Other": "x"})));
    assert!(!hits(&no, &json!({"Field": "x"})));
}

#[test]
fn cased() {
    let set = detection("  sel:\n    Name|cased: 'MiXeD'\n  condition: sel\n");
    assert!(hits(&set, &json!({"Name": "MiXeD"})));
    assert!(!hits(&set, &json!({"Name": "mixed"})));
    let contains = detection("  sel:\n    Name|contains|cased: 'AB'\n  condition: sel\n");
    assert!(hits(&contains, &json!({"Name": "xABx"})));
    assert!(!hits(&contains, &json!({"Name": "xabx"})));
}

#[test]
fn numeric_comparisons() {
    let gt = detection("  sel:\n    Size|gt: 10\n  condition: sel\n");
    assert!(hits(&gt, &json!({"Size": 11})));
    assert!(hits(&gt, &json!({"Size": "11"})));
    assert!(!hits(&gt, &json!({"Size": 10})));
    let gte = detection("  sel:\n    Size|gte: 10\n  condition: sel\n");
    assert!(hits(&gte, &json!({"Size": 10})));
    assert!(!hits(&gte, &json!({"Size": 9.5})));
    let lt = detection("  sel:\n    Size|lt: 10\n  condition: sel\n");
    assert!(hits(&lt, &json!({"Size": 9})));
    assert!(!hits(&lt, &json!({"Size": 10})));
    let lte = detection("  sel:\n    Size|lte: 10\n  condition: sel\n");
    assert!(hits(&lte, &json!({"Size": 10})));
    assert!(!hits(&lte, &json!({"Size": "abc"})));
}

#[test]
fn neq() {
    let set = detection("  sel:\n    User|neq: 'SYSTEM'\n  condition: sel\n");
    assert!(hits(&set, &json!({"User": "bob"})));
    assert!(!hits(&set, &json!({"User": "system"})));
}

#[test]
fn fieldref() {
    let eq = detection("  sel:\n    SourceUser|fieldref: TargetUser\n  condition: sel\n");
    assert!(hits(
        &eq,
        &json!({"SourceUser": "Bob", "TargetUser": "bob"})
    ));
    assert!(!hits(
        &eq,
        &json!({"SourceUser": "bob", "TargetUser": "alice"})
    ));
    assert!(!hits(&eq, &json!({"SourceUser": "bob"})));
    let contains = detection("  sel:\n    CommandLine|fieldref|contains: User\n  condition: sel\n");
    assert!(hits(
        &contains,
        &json!({"CommandLine": "run as bob now", "User": "bob"})
    ));
    assert!(!hits(
        &contains,
        &json!({"CommandLine": "run as eve", "User": "bob"})
    ));
}

#[test]
fn expand_uses_tenant_placeholders() {
    let rule = "title: t\nid: r1\ndetection:\n  sel:\n    Computer|expand: '%admin_hosts%'\n  condition: sel\n";
    let mut ph = HashMap::new();
    ph.insert(
        "admin_hosts".to_string(),
        vec!["DC01".to_string(), "ws-*".to_string()],
    );
    let set = compile_with(rule, ph);
    assert!(hits(&set, &json!({"Computer": "dc01"})));
    assert!(hits(&set, &json!({"Computer": "WS-42"})));
    assert!(!hits(&set, &json!({"Computer": "laptop"})));
    assert!(rejection(rule).is_some_and(|r| r.contains("admin_hosts")));
}

#[test]
fn date_part_modifiers() {
    let hour = detection("  sel:\n    '@timestamp|hour|gte': 22\n  condition: sel\n");
    assert!(hits(&hour, &json!({"@timestamp": "2024-03-04T23:10:00Z"})));
    assert!(!hits(&hour, &json!({"@timestamp": "2024-03-04T21:59:59Z"})));
    let cases = [
        ("minute", 10, "2024-03-04T23:10:00Z"),
        ("day", 4, "2024-03-04T23:10:00Z"),
        ("week", 10, "2024-03-04T23:10:00Z"),
        ("month", 3, "2024-03-04T23:10:00Z"),
        ("year", 2024, "2024-03-04T23:10:00Z"),
    ];
    for (part, value, ts) in cases {
        let set = detection(&format!(
            "  sel:\n    'T|{part}': {value}\n  condition: sel\n"
        ));
        assert!(hits(&set, &json!({"T": ts})), "{part}");
        assert!(
            !hits(&set, &json!({"T": "2019-07-20T01:02:03Z"})),
            "{part} negative"
        );
    }
}

#[test]
fn keywords_search_every_string_value() {
    let set = detection("  keywords:\n    - 'mimikatz'\n    - 'sekurlsa'\n  condition: keywords\n");
    assert!(hits(&set, &json!({"A": "run MIMIKATZ.exe"})));
    assert!(hits(
        &set,
        &json!({"nested": {"deep": ["x", "sekurlsa::logonpasswords"]}})
    ));
    assert!(!hits(&set, &json!({"A": "notepad"})));
    let all = detection(
        "  keywords:\n    '|all':\n      - 'alpha'\n      - 'beta'\n  condition: keywords\n",
    );
    assert!(hits(&all, &json!({"A": "alpha", "B": "beta"})));
    assert!(!hits(&all, &json!({"A": "alpha"})));
    // Under `all`, one dash variant per value.
    let dash = detection(
        "  keywords:\n    '|all|windash':\n      - ' -s '\n      - ' -f '\n  condition: keywords\n",
    );
    assert!(hits(&dash, &json!({"A": "tool.exe -s /f x"})));
    assert!(!hits(&dash, &json!({"A": "tool.exe -s x"})));
}

#[test]
fn unknown_modifiers_are_rejected_with_a_reason() {
    let r =
        rejection("title: t\nid: x\ndetection:\n  sel:\n    A|frobnicate: 1\n  condition: sel\n");
    assert!(r.is_some_and(|r| r.contains("frobnicate")));
}

/// Under `all` each value must hold; a value that expands to variants (windash's
/// dashes, base64offset's offsets) holds when any one of them does.
#[test]
fn all_with_expanding_modifiers_needs_one_variant_per_value() {
    let dash = detection(
        "  sel:\n    CommandLine|windash|contains|all:\n      - ' -s '\n      - ' -f '\n  condition: sel\n",
    );
    assert!(hits(&dash, &json!({"CommandLine": "tool.exe -s /f x"})));
    assert!(hits(
        &dash,
        &json!({"CommandLine": "tool.exe \u{2013}s -f x"})
    ));
    assert!(!hits(&dash, &json!({"CommandLine": "tool.exe -s x"})));
    let off = detection(
        "  sel:\n    Data|base64offset|contains|all:\n      - 'http://'\n      - 'evil'\n  condition: sel\n",
    );
    assert!(hits(&off, &json!({"Data": base64_of("GET http://x/evil")})));
    assert!(hits(
        &off,
        &json!({"Data": base64_of("ab evil then http://x")})
    ));
    assert!(!hits(
        &off,
        &json!({"Data": base64_of("GET http://x/good")})
    ));
}

/// Numbers and booleans are compared as text: a literal their text may hold is not
/// indexed as a string need, or such events would never be candidates.
#[test]
fn numbers_and_booleans_match_text_patterns() {
    let re = detection("  sel:\n    EventID|re: '^(4624|4625)$'\n  condition: sel\n");
    assert!(hits(&re, &json!({"EventID": 4624})));
    assert!(hits(&re, &json!({"EventID": "4625"})));
    assert!(!hits(&re, &json!({"EventID": 4634})));
    let part = detection("  sel:\n    Enabled|contains: 'ru'\n  condition: sel\n");
    assert!(hits(&part, &json!({"Enabled": true})));
    assert!(!hits(&part, &json!({"Enabled": false})));
    let exp = detection("  sel:\n    Size|contains: 'e+30'\n  condition: sel\n");
    assert!(hits(&exp, &json!({"Size": 1e30})));
}
