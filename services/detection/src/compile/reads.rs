//! Which top-level event fields a compiled rule can read. A lazily read event line is
//! materialized only as far as its candidate rules need (see `RawEvent::partial_value`).

use super::{Node, Pred};

impl Node {
    /// The top-level keys evaluation may read, sorted and deduplicated; `None` when it
    /// may read any of them (keyword search).
    pub fn reads(&self) -> Option<Vec<String>> {
        let mut out = Vec::new();
        collect(self, &mut out).then(|| {
            out.sort();
            out.dedup();
            out
        })
    }
}

/// Adds the keys `node` reads to `out`; false when it may read every key.
fn collect(node: &Node, out: &mut Vec<String>) -> bool {
    match node {
        Node::And(v) | Node::Or(v) => v.iter().all(|n| collect(n, out)),
        Node::Not(n) => collect(n, out),
        Node::Const(_) => true,
        Node::Keyword(_) => false,
        Node::Field(f) => {
            f.path.top_level_keys(out);
            for p in &f.preds {
                pred_keys(p, out);
            }
            true
        }
    }
}

fn pred_keys(p: &Pred, out: &mut Vec<String>) {
    match p {
        Pred::FieldRef(other, ..) => other.top_level_keys(out),
        Pred::Not(inner) => pred_keys(inner, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::ruleset::RuleSetBuilder;

    fn reads_of(detection: &str) -> Option<Vec<String>> {
        let yaml = format!(
            "title: t\nid: t\nlogsource: {{product: windows, category: process_creation}}\ndetection:\n{detection}"
        );
        let mut b = RuleSetBuilder::new();
        b.add_yaml("t", &yaml);
        let (set, rejected) = b.build();
        assert!(rejected.is_empty(), "{rejected:?}");
        set.rule_reads(0)
    }

    #[test]
    fn fields_mapped_names_nested_parents_and_fieldrefs_are_read() {
        let keys = reads_of(
            "  s:\n    Image|endswith: '\\x.exe'\n    process.parent.name: a\n    User|fieldref: TargetUser\n  condition: s\n",
        );
        let keys = keys.unwrap_or_default();
        for k in [
            "Image",
            "process.parent.name",
            "process",
            "User",
            "TargetUser",
        ] {
            assert!(keys.iter().any(|x| x == k), "{k} missing from {keys:?}");
        }
        // Image also reads its Security-channel name, which depends on the channel.
        assert!(keys.iter().any(|x| x == "NewProcessName"), "{keys:?}");
        assert!(keys.iter().any(|x| x == "Channel"), "{keys:?}");
    }

    #[test]
    fn keyword_search_reads_everything() {
        assert_eq!(reads_of("  k:\n    - evil\n  condition: k\n"), None);
        assert_eq!(
            reads_of("  s:\n    Image: a\n  k:\n    - evil\n  condition: s and not k\n"),
            None
        );
    }
}
