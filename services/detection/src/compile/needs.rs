//! What a rule needs to be present in an event to possibly match: literals in given
//! fields, integers, keyword literals, or merely a field. Derived from a compiled
//! tree; the prefilter indexes rules by these.

use super::strmatch::{StrKind, StrMatcher};
use super::{FieldTest, Node, Pred};

/// Shortest literal worth indexing.
const MIN_LITERAL: usize = 2;

/// One thing that must be present in an event for a rule to possibly match.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Need {
    /// One of these fields (a rule field and its mapped names) contains the literal
    /// (ASCII letters lowercase; other characters as a value may spell them, see
    /// [`spellings`](super::spellings)).
    Text(Vec<String>, String),
    /// One of these fields equals the text (ASCII, lowercase; compared ASCII
    /// case-insensitively), looked up in a per-field map instead of scanned for.
    Exact(Vec<String>, String),
    /// One of these fields equals the integer (as a number or numeric text).
    Int(Vec<String>, i64),
    /// Some string value anywhere contains the literal (keyword searches).
    Anywhere(String),
    /// One of these fields is present (for regexes, numeric comparisons, CIDR and
    /// other tests without a usable literal: most events lack most fields).
    Present(Vec<String>),
}

impl Need {
    /// Higher is more selective: long literals beat short ones, integers (usually an
    /// EventID shared by many events) count like a short literal.
    fn quality(&self) -> usize {
        match self {
            // A boolean's text has two values, a number's as many as an integer.
            Need::Text(_, l) | Need::Exact(_, l) if l == "true" || l == "false" => 2,
            Need::Exact(_, l)
                if l.bytes()
                    .all(|b| b.is_ascii_digit() || b"+-.e".contains(&b)) =>
            {
                4
            }
            Need::Text(_, l) => l.len() + 2,
            // A whole value is far more selective than a substring of the same length.
            Need::Exact(_, l) => l.len() + 12,
            Need::Int(..) => 4,
            Need::Anywhere(l) => l.len(),
            Need::Present(_) => 1,
        }
    }
}

/// One or two need sets that must all hold for the node to match (one need of each),
/// or `None` when none can be derived. The first is [`required`]'s; for an AND, the
/// second is the best other cheap set of its parts, so that, say, "TargetImage ends
/// with \\svchost.exe AND GrantedAccess is 0x1F3FFF" waits for both instead of
/// running on every event that reaches svchost. Failing a cheap one, the second is
/// the best set on long free text (see [`on_long_fields`]).
pub fn required_sets(node: &Node) -> Option<Vec<Vec<Need>>> {
    let first = required(node)?;
    let mut parts = Vec::new();
    if !first.is_empty() && matches!(node, Node::And(_) | Node::Field(_)) {
        and_parts(node, &mut parts);
    }
    // Cheap sets sort first (see `score`).
    parts.sort_by_key(|s| std::cmp::Reverse(score(s)));
    let second = parts.into_iter().find(|s| !s.is_empty() && *s != first);
    Some(std::iter::once(first).chain(second).collect())
}

/// Whether a need set is scanned for in long free text (or anywhere in the line). As a
/// rule's second set it is then worth indexing only where that text is scanned for
/// other rules anyway: a process-creation rule picked by its image may wait for its
/// rare command-line literal, as the command line is scanned regardless.
pub fn on_long_fields(set: &[Need]) -> bool {
    set.iter().any(Need::on_long_field)
}

/// The need sets of the leaves of nested ANDs (parts without one are skipped); a
/// field test under `all` is an AND of its predicates.
fn and_parts(node: &Node, out: &mut Vec<Vec<Need>>) {
    match node {
        Node::And(v) => v.iter().for_each(|n| and_parts(n, out)),
        Node::Field(f) if f.all => {
            out.extend(field_needs(f).into_iter().flatten().map(|n| vec![n]))
        }
        other => out.extend(required(other)),
    }
}

/// Needs one of which must hold for the node to match, or `None` when no such set
/// can be derived.
pub fn required(node: &Node) -> Option<Vec<Need>> {
    required_in(node, false)
}

/// [`required`]; `in_or` when under an OR, where a choice of mere presence is worse
/// than at the top: no second set can then narrow it (see [`required_sets`]), and a
/// presence need in one branch makes the rule a candidate wherever the field is
/// (`(image and cli) or CommandLine|contains|all: ['x', 'comsvcs']`, whose "x" is too
/// short to index, would run on every command line). There any other set is preferred
/// to presence alone.
fn required_in(node: &Node, in_or: bool) -> Option<Vec<Need>> {
    let rank = |s: &Vec<Need>| {
        let presence = !s.is_empty() && s.iter().all(|n| matches!(n, Need::Present(_)));
        (!(in_or && presence), score(s))
    };
    match node {
        Node::Const(false) => Some(Vec::new()),
        Node::Const(true) | Node::Not(_) => None,
        Node::Or(v) => {
            let mut all = Vec::new();
            for n in v {
                all.extend(required_in(n, true)?);
            }
            Some(all)
        }
        Node::And(v) => v
            .iter()
            .filter_map(|n| required_in(n, in_or))
            .max_by_key(rank),
        Node::Field(f) => {
            let sets = field_needs(f).into_iter();
            if f.all {
                sets.flatten().map(|l| vec![l]).max_by_key(rank)
            } else {
                sets.collect()
            }
        }
        Node::Keyword(k) => {
            let lits = k.preds.iter().map(|m| text_literal(m).map(Need::Anywhere));
            if k.all {
                lits.flatten().map(|l| vec![l]).max_by_key(|s| score(s))
            } else {
                lits.collect()
            }
        }
    }
}

/// A field test's need per predicate (`None`: a predicate without one): one of them
/// must hold, or under `all` each of them.
fn field_needs(f: &FieldTest) -> Vec<Option<Need>> {
    let fields: Vec<String> = f.path.names().map(str::to_string).collect();
    let present = || Some(Need::Present(fields.clone()));
    f.preds
        .iter()
        .flat_map(|p| match p {
            // A regex's literals are alternatives: under `all` they cannot stand
            // for the predicate one by one.
            Pred::Str(m) if matches!(m.kind, StrKind::Regex(_)) => match regex_needs(&fields, m) {
                Some(needs) if !f.all || needs.len() == 1 => needs.into_iter().map(Some).collect(),
                _ => vec![present()],
            },
            // Spellings of a cased non-ASCII needle are alternatives, as above.
            Pred::Str(m) => match field_need_alternatives(&fields, m) {
                Some(needs) if !f.all || needs.len() == 1 => needs.into_iter().map(Some).collect(),
                _ => vec![present()],
            },
            Pred::Set(set) => set
                .members
                .iter()
                .map(|m| field_need(&fields, m).or_else(present))
                .collect(),
            Pred::Num(..) | Pred::Cidr(_) | Pred::FieldRef(..) | Pred::Date(..) => {
                vec![present()]
            }
            Pred::Exists(true) => vec![present()],
            Pred::Null | Pred::Exists(false) | Pred::Not(_) => vec![None],
        })
        .collect()
}

/// Fields that usually hold long free text. Scanning them dominates the prefilter's
/// cost, so a rule that can be indexed through a short field (an image path, an
/// EventID) is, and these fields are only scanned for rules with no alternative.
const LONG_FIELDS: &[&str] = &[
    "CommandLine",
    "ParentCommandLine",
    "ScriptBlockText",
    "ContextInfo",
    "Payload",
    "Data",
    "CallTrace",
    "Message",
    "process.command_line",
    "process.parent.command_line",
    "powershell.file.script_block_text",
];

impl Need {
    fn on_long_field(&self) -> bool {
        match self {
            Need::Text(fields, _) => fields.iter().any(|f| LONG_FIELDS.contains(&f.as_str())),
            // One hash lookup, whatever the field.
            Need::Exact(..) | Need::Int(..) => false,
            Need::Anywhere(_) => true,
            Need::Present(_) => false,
        }
    }
}

impl Need {
    /// The per-field index keys of a need (one per field name it may be found under).
    pub(crate) fn keys(&self) -> Vec<IndexKey> {
        match self {
            Need::Text(fields, lit) => fields
                .iter()
                .map(|f| IndexKey::Text(f.clone(), lit.clone()))
                .collect(),
            Need::Exact(fields, lit) => fields
                .iter()
                .map(|f| IndexKey::Exact(f.clone(), lit.clone()))
                .collect(),
            Need::Int(fields, v) => fields
                .iter()
                .map(|f| IndexKey::Int(f.clone(), *v))
                .collect(),
            Need::Anywhere(lit) => vec![IndexKey::Anywhere(lit.clone())],
            Need::Present(fields) => fields
                .iter()
                .map(|f| IndexKey::Present(f.clone()))
                .collect(),
        }
    }
}

/// Prefer sets that avoid long text fields, then sets whose weakest need is most
/// selective, then smaller sets.
fn score(set: &[Need]) -> (bool, usize, std::cmp::Reverse<usize>) {
    let cheap = !set.iter().any(Need::on_long_field);
    let min = set.iter().map(Need::quality).min().unwrap_or(usize::MAX);
    (cheap, min, std::cmp::Reverse(set.len()))
}

/// A string predicate's needs, one of which must hold: its literal, or for a
/// case-insensitive needle with cased non-ASCII characters, its spellings (see
/// [`spellings`](super::spellings)).
fn field_need_alternatives(fields: &[String], m: &StrMatcher) -> Option<Vec<Need>> {
    let literal = matches!(
        m.kind,
        StrKind::Exact | StrKind::Prefix | StrKind::Suffix | StrKind::Contains
    );
    // Failing that (too many spellings, or an `i` that could be half of `İ`'s
    // lowercase), by an ASCII run, as other non-ASCII needles.
    if literal
        && !m.cased
        && !m.folds_ascii()
        && let Some(spelled) = super::spellings::spellings(&m.needle)
    {
        return Some(
            spelled
                .into_iter()
                .map(|l| Need::Text(fields.to_vec(), l))
                .collect(),
        );
    }
    field_need(fields, m).map(|n| vec![n])
}

fn field_need(fields: &[String], m: &StrMatcher) -> Option<Need> {
    if let (StrKind::Exact, Some(i)) = (&m.kind, m.int) {
        return Some(Need::Int(fields.to_vec(), i));
    }
    // A whole ASCII value: indexed exactly. (Non-ASCII needles fold beyond ASCII, so
    // they are found through their longest ASCII run instead.)
    if matches!(m.kind, StrKind::Exact) && m.needle.is_ascii() {
        return text_literal(m)
            .filter(|l| l.len() == m.needle.len())
            .map(|l| Need::Exact(fields.to_vec(), l));
    }
    text_literal(m).map(|l| Need::Text(fields.to_vec(), l))
}

/// Shortest regex literal worth indexing (regex prefixes are often short words).
const MIN_REGEX_LITERAL: usize = 3;

/// Literals one of which begins every match of a `re` value, as text needs: what
/// regex-syntax's prefix extractor finds, lowercased (the index folds case, so this
/// covers case-sensitive and `i` patterns alike). `None` when there is no such finite
/// set of useful literals.
fn regex_needs(fields: &[String], m: &StrMatcher) -> Option<Vec<Need>> {
    let StrKind::Regex(rx) = &m.kind else {
        return None;
    };
    let hir = regex_syntax::Parser::new().parse(rx.as_str()).ok()?;
    let seq = regex_syntax::hir::literal::Extractor::new().extract(&hir);
    let lits = seq.literals()?;
    if lits.is_empty() {
        return None;
    }
    let mut out: Vec<Need> = Vec::new();
    for l in lits {
        let text = std::str::from_utf8(l.as_bytes()).ok()?;
        if text.len() < MIN_REGEX_LITERAL {
            return None;
        }
        let need = Need::Text(fields.to_vec(), text.to_ascii_lowercase());
        if !out.contains(&need) {
            out.push(need);
        }
    }
    Some(out)
}

fn text_literal(m: &StrMatcher) -> Option<String> {
    let lit = match &m.kind {
        StrKind::Exact | StrKind::Prefix | StrKind::Suffix | StrKind::Contains => m.needle.as_str(),
        StrKind::Glob(_) => m.glob_lit.as_deref()?,
        StrKind::Regex(_) => return None,
    };
    // A glob's literal run is indexed by its longest ASCII part: its ASCII letters
    // fold in ASCII only, its other letters by Unicode (see `StrMatcher::from_sigma`).
    // Needles whose case-insensitive comparison is ASCII folding alone (ASCII, or
    // caseless characters such as emoji) are indexed whole, as bytes. Other non-ASCII
    // needles, compared by lowercasing the value character by character, by their
    // longest ASCII run without a letter some non-ASCII character lowercases into (the
    // Kelvin sign's `k`): any match holds that run as it is.
    let literal_kind = !matches!(m.kind, StrKind::Glob(_));
    let longest_run = |cut: &dyn Fn(char) -> bool| {
        lit.split(|c: char| cut(c))
            .max_by_key(|run| run.len())
            .unwrap_or_default()
    };
    let lit = if !literal_kind {
        longest_run(&|c| !c.is_ascii())
    } else if m.folds_ascii() || m.cased {
        lit
    } else {
        longest_run(&|c| !c.is_ascii() || super::spellings::reached_from_non_ascii(c))
    };
    // Very short literals occur in nearly every value: indexing them costs more in
    // automaton matches than evaluating the rule directly.
    // Literals that may spell a number or a boolean (`24`, `true`) are indexed too:
    // the prefilter scans those values' text as evaluation reads it.
    if lit.len() < MIN_LITERAL {
        return None;
    }
    Some(lit.to_ascii_lowercase())
}

/// One indexed (field, value) pair, or a keyword literal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum IndexKey {
    Text(String, String),
    Exact(String, String),
    Int(String, i64),
    Anywhere(String),
    Present(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::{CompileCtx, compile_detection};
    use crate::parse::{Document, LogSource, parse_str};
    use std::collections::HashMap;

    /// The compiled tree of a rule with this `detection` block.
    fn compiled(detection: &str) -> Node {
        let yaml = format!("title: t\nid: t\ndetection:\n{detection}");
        let docs = parse_str(&yaml).expect("parses");
        let Some(Document::Rule(r)) = docs.into_iter().next() else {
            panic!("not a rule: {yaml}");
        };
        let ph = HashMap::new();
        let ctx = CompileCtx {
            logsource: &LogSource::default(),
            placeholders: &ph,
        };
        compile_detection(&r.detection, ctx).expect("compiles")
    }

    fn needs(detection: &str) -> Option<Vec<Need>> {
        required(&compiled(detection))
    }

    fn text(field: &str, lit: &str) -> Need {
        Need::Text(vec![field.to_string()], lit.to_string())
    }

    #[test]
    fn and_prefers_short_fields_over_long_free_text() {
        let n = needs(
            "  s:\n    CommandLine|contains: 'very-long-and-selective'\n    Hashes|contains: 'abcd'\n  condition: s\n",
        );
        assert_eq!(
            n,
            Some(vec![Need::Text(
                vec!["Hashes".into(), "process.hash.sha256".into()],
                "abcd".into()
            )])
        );
    }

    #[test]
    fn under_an_or_a_literal_wins_over_a_fields_mere_presence() {
        // "x" is too short to index; presence of the field is cheaper to check than
        // a literal in long text, but under an OR nothing narrows it later.
        let or = "  t:\n    B: 'yyy'\n  condition: s or t\n";
        let n = needs(&format!("  s:\n    A|contains|all: ['x', 'comsvcs']\n{or}"));
        let exact = Need::Exact(vec!["B".into()], "yyy".into());
        assert_eq!(n, Some(vec![text("A", "comsvcs"), exact.clone()]));
        let n = needs(&format!("  s:\n    A|contains|all: ['x', 'y']\n{or}"));
        assert_eq!(
            n,
            Some(vec![Need::Present(vec!["A".into()]), exact.clone()])
        );
        // An AND in a branch, likewise.
        let n = needs(&format!(
            "  s:\n    A|contains|all: ['x', 'y']\n    C|contains: 'zzz'\n{or}"
        ));
        assert_eq!(n, Some(vec![text("C", "zzz"), exact]));
    }

    #[test]
    fn cased_non_ascii_needles_are_indexed_by_their_spellings() {
        // Cyrillic А and the circled Ⓜ with its variation selector, each in both cases.
        let n = needs(
            "  s:\n    A|contains:\n      - \"\\u0410\"\n      - \"\\u24c2\\ufe0f\"\n  condition: s\n",
        );
        let want = ["\u{430}", "\u{410}", "\u{24dc}\u{fe0f}", "\u{24c2}\u{fe0f}"];
        assert_eq!(n, Some(want.iter().map(|l| text("A", l)).collect()));
        // Under `all`, alternatives cannot stand for their predicate: the caseless
        // literal is chosen.
        let n = needs(
            "  s:\n    A|contains|all:\n      - \"\\u0410\"\n      - 'xyz'\n  condition: s\n",
        );
        assert_eq!(n, Some(vec![text("A", "xyz")]));
        // An `i` could be half of `İ`'s lowercase: an ASCII run, without the `k` the
        // Kelvin sign lowercases into.
        let n = needs("  s:\n    A|contains: \"\\u0430killer\"\n  condition: s\n");
        assert_eq!(n, Some(vec![text("A", "ller")]));
        // A glob's non-ASCII letters fold by Unicode: indexed by its ASCII run.
        let n = needs("  s:\n    A: \"*\\u043f\\u0440\\u0438xyz*abc\"\n  condition: s\n");
        assert_eq!(n, Some(vec![text("A", "xyz")]));
        // Too many spellings: the longest ASCII run, as before.
        let n = needs(
            "  s:\n    A|contains: \"\\u043f\\u0440\\u0438\\u0432\\u0435\\u0442.exe\"\n  condition: s\n",
        );
        assert_eq!(n, Some(vec![text("A", ".exe")]));
    }

    #[test]
    fn or_unions_and_not_gives_up() {
        let n = needs("  a:\n    A: 'xx1'\n  b:\n    B|endswith: 'yy2'\n  condition: a or b\n");
        let exact = Need::Exact(vec!["A".into()], "xx1".into());
        assert_eq!(n, Some(vec![exact, text("B", "yy2")]));
        assert_eq!(needs("  a:\n    A: 'xx1'\n  condition: not a\n"), None);
    }

    #[test]
    fn integers_regexes_and_numbers() {
        assert_eq!(
            needs("  a:\n    EventID: 4688\n  condition: a\n"),
            Some(vec![Need::Int(
                vec![
                    "EventID".into(),
                    "event.code".into(),
                    "winlog.event_id".into()
                ],
                4688
            )])
        );
        assert_eq!(
            needs("  a:\n    A|re: 'x.*y'\n  condition: a\n"),
            Some(vec![Need::Present(vec!["A".into()])])
        );
        // A regex whose matches all begin with known literals is indexed by them.
        assert_eq!(
            needs("  a:\n    A|re: '(?:APT|Unc)\\d+'\n  condition: a\n"),
            Some(vec![text("A", "apt"), text("A", "unc")])
        );
        assert_eq!(
            needs("  a:\n    A|gt: 3\n  condition: a\n"),
            Some(vec![Need::Present(vec!["A".into()])])
        );
        assert_eq!(needs("  a:\n    A: null\n  condition: a\n"), None);
    }

    #[test]
    fn whole_values_are_exact_needs_and_win_over_longer_substrings() {
        let n = needs(
            "  s:\n    TargetImage|endswith: '\\svchost.exe'\n    GrantedAccess: '0x143A'\n  condition: s\n",
        );
        assert_eq!(
            n,
            Some(vec![Need::Exact(
                vec!["GrantedAccess".into()],
                "0x143a".into()
            )])
        );
        // Non-ASCII values with case are found through their spellings.
        assert_eq!(
            needs("  s:\n    A: 'prüfung'\n  condition: s\n"),
            Some(vec![text("A", "prüfung"), text("A", "prÜfung")])
        );
        // Caseless characters (emoji) compare by ASCII folding: indexed whole.
        assert_eq!(
            needs("  s:\n    A|contains: '😀'\n  condition: s\n"),
            Some(vec![text("A", "😀")])
        );
    }

    #[test]
    fn an_and_waits_for_two_cheap_sets() {
        let yaml = "  s:\n    TargetImage|endswith: '\\svchost.exe'\n    GrantedAccess: '0x1F3FFF'\n    CallTrace|contains: 'UNKNOWN'\n  f:\n    SourceImage|endswith: '\\x.exe'\n  condition: s and not f\n";
        let node = compiled(yaml);
        // GrantedAccess (a whole value) first, then TargetImage; CallTrace is long
        // free text (the last resort) and the negated filter gives nothing.
        assert_eq!(
            required_sets(&node),
            Some(vec![
                vec![Need::Exact(vec!["GrantedAccess".into()], "0x1f3fff".into())],
                vec![Need::Text(
                    vec!["TargetImage".into(), "winlog.event_data.TargetImage".into()],
                    "\\svchost.exe".into()
                )],
            ])
        );
    }

    #[test]
    fn failing_a_cheap_second_set_an_and_takes_one_on_long_text() {
        let yaml = "  img:\n    Image|endswith: '\\reg.exe'\n  cli:\n    CommandLine|contains|all:\n      - 'add '\n      - 'VulnerableDriverBlocklistEnable'\n  condition: img and cli\n";
        let node = compiled(yaml);
        let sets = required_sets(&node).expect("indexable");
        assert_eq!(sets.len(), 2);
        assert!(!on_long_fields(&sets[0]));
        // The rarer of the `all` literals stands for the command line.
        assert!(on_long_fields(&sets[1]));
        assert!(
            sets[1]
                .iter()
                .all(|n| matches!(n, Need::Text(_, l) if l == "vulnerabledriverblocklistenable")),
            "{sets:?}"
        );
    }

    /// The short literal leaves only the field's presence as a cheap first set; the
    /// best literal of the others is the second.
    #[test]
    fn a_field_under_all_is_an_and_of_its_literals() {
        let yaml = "  s:\n    CommandLine|contains|all:\n      - '\\System\\CurrentControlSet\\Control'\n      - 'Write Protection'\n      - '0'\n  condition: s\n";
        let node = compiled(yaml);
        let fields = vec![
            "CommandLine".to_string(),
            "process.command_line".to_string(),
        ];
        assert_eq!(
            required_sets(&node),
            Some(vec![
                vec![Need::Present(fields.clone())],
                vec![Need::Text(
                    fields,
                    "\\system\\currentcontrolset\\control".into()
                )],
            ])
        );
    }

    #[test]
    fn keywords_need_their_literal_anywhere() {
        assert_eq!(
            needs("  k:\n    - 'mimikatz'\n  condition: k\n"),
            Some(vec![Need::Anywhere("mimikatz".into())])
        );
    }
}
