//! Correlation rules: resolving their references (rules by id or name, and other
//! correlations for chaining) and the engine that evaluates them over time.

mod engine;

pub use engine::{CorrelationEngine, CorrelationMatch, EngineState, Limits};

use crate::parse::{CmpOp, Correlation, CorrelationKind, Meta};
use crate::rejection::{Rejection, RuleIdx};
use std::collections::BTreeMap;

/// What a correlation consumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceRef {
    Rule(RuleIdx),
    /// Another correlation (chaining), by index.
    Correlation(usize),
}

/// A correlation with its references resolved.
#[derive(Debug, Clone)]
pub struct CorrelationDef {
    pub meta: Meta,
    pub kind: CorrelationKind,
    pub sources: Vec<SourceRef>,
    /// The reference text of each source (for alias lookup by rule name or id).
    pub source_names: Vec<Vec<String>>,
    pub group_by: Vec<String>,
    pub timespan_ms: i64,
    pub condition: Vec<(CmpOp, f64)>,
    pub field: Option<String>,
    pub aliases: BTreeMap<String, BTreeMap<String, String>>,
    pub generate: bool,
    /// False when another correlation consumes this one without `generate`.
    pub emit: bool,
}

impl CorrelationDef {
    /// The detection rules this correlation reads directly.
    pub fn base_rules(&self) -> impl Iterator<Item = RuleIdx> + '_ {
        self.sources.iter().filter_map(|s| match s {
            SourceRef::Rule(r) => Some(*r),
            SourceRef::Correlation(_) => None,
        })
    }

    /// The event field to read for `group-by` entry `g` of events from source `src`.
    pub fn group_field<'a>(&'a self, g: &'a str, src: usize) -> &'a str {
        if let Some(per_rule) = self.aliases.get(g) {
            for n in &self.source_names[src] {
                if let Some(f) = per_rule.get(n) {
                    return f;
                }
            }
        }
        g
    }
}

/// Resolves correlation references against the compiled rules (and each other).
pub fn compile_correlations(
    corrs: Vec<(String, Correlation)>,
    rules: &[&Meta],
) -> (Vec<CorrelationDef>, Vec<Rejection>) {
    let mut rejections = Vec::new();
    let corr_metas: Vec<Meta> = corrs.iter().map(|(_, c)| c.meta.clone()).collect();
    let mut defs = Vec::new();
    let mut def_index = Vec::new();
    let mut def_source = Vec::new();
    'outer: for (i, (source, c)) in corrs.into_iter().enumerate() {
        let mut sources = Vec::new();
        let mut source_names = Vec::new();
        for r in &c.rules {
            let found = rules
                .iter()
                .position(|m| m.id == *r || m.name.as_deref() == Some(r));
            let src = match found {
                Some(idx) => {
                    source_names.push(names_of(rules[idx]));
                    SourceRef::Rule(idx as RuleIdx)
                }
                None => match corr_metas
                    .iter()
                    .position(|m| m.id == *r || m.name.as_deref() == Some(r))
                {
                    Some(ci) if ci != i => {
                        source_names.push(names_of(&corr_metas[ci]));
                        SourceRef::Correlation(ci)
                    }
                    _ => {
                        rejections.push(Rejection {
                            source,
                            reason: format!("correlation references unknown rule '{r}'"),
                        });
                        continue 'outer;
                    }
                },
            };
            sources.push(src);
        }
        def_index.push(i);
        def_source.push(source);
        defs.push(CorrelationDef {
            meta: c.meta,
            kind: c.kind,
            sources,
            source_names,
            group_by: c.group_by,
            timespan_ms: c.timespan_ms,
            condition: c.condition,
            field: c.field,
            aliases: c.aliases,
            generate: c.generate,
            emit: true,
        });
    }
    // Re-point correlation references from document positions to def positions,
    // dropping chains whose target was itself rejected.
    let mut ok = vec![true; defs.len()];
    for (di, d) in defs.iter_mut().enumerate() {
        for s in &mut d.sources {
            if let SourceRef::Correlation(ci) = s {
                match def_index.iter().position(|x| x == ci) {
                    Some(p) => *s = SourceRef::Correlation(p),
                    None => ok[di] = false,
                }
            }
        }
    }
    // A chain to a rejected correlation is rejected too; it stays in place (with no
    // sources, so it never fires) to keep the other indices valid.
    let mut kept = defs;
    for ((d, good), source) in kept.iter_mut().zip(ok).zip(def_source) {
        if !good {
            d.sources.clear();
            rejections.push(Rejection {
                source,
                reason: "correlation chains to a rejected correlation".into(),
            });
        }
    }
    // Consumed correlations report only when the consumer generates them.
    let consumed: Vec<(usize, bool)> = kept
        .iter()
        .flat_map(|d| {
            d.sources.iter().filter_map(move |s| match s {
                SourceRef::Correlation(c) => Some((*c, d.generate)),
                SourceRef::Rule(_) => None,
            })
        })
        .collect();
    for (c, generate) in consumed {
        if !generate && let Some(d) = kept.get_mut(c) {
            d.emit = false;
        }
    }
    (kept, rejections)
}

fn names_of(m: &Meta) -> Vec<String> {
    let mut v = vec![m.id.clone()];
    if let Some(n) = &m.name {
        v.push(n.clone());
    }
    v
}
