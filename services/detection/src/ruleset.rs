//! Building and running a compiled rule set: rules, filters and correlations loaded
//! from YAML, compiled once, evaluated per event through the literal prefilter and
//! (optionally) log-source routing.

use crate::compile::fold::Fold;
use crate::compile::{CompileCtx, Node, compile_detection};
use crate::correlation::{CorrelationDef, compile_correlations};
use crate::event::raw::RawEvent;
use crate::logsource::{Route, route_for};
use crate::parallel::par_map;
use crate::parse::{Document, LogSource, Meta, parse_str};
use crate::router::{Index, IndexScratch};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

pub use crate::rejection::{Rejection, RuleIdx};

/// What the set knows about a compiled rule.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    pub meta: Meta,
    pub logsource: LogSource,
    /// The file or source name it came from.
    pub source: String,
    /// False when a correlation uses the rule and does not `generate` it.
    pub emit: bool,
}

#[derive(Debug)]
struct CompiledRule {
    info: RuleInfo,
    node: Node,
    route: Route,
    /// The top-level event keys the node reads (`None`: any), set once it is final.
    reads: Option<Vec<String>>,
}

/// Collects YAML documents and compiles them into a [`CompiledRuleSet`].
#[derive(Debug, Default)]
pub struct RuleSetBuilder {
    docs: Vec<(String, Document)>,
    rejections: Vec<Rejection>,
    placeholders: HashMap<String, Vec<String>>,
    routing: bool,
    /// Skip the literal prefilter (evaluate every rule on every event): for checking
    /// the prefilter against exhaustive evaluation.
    no_prefilter: bool,
    sources: Vec<String>,
}

impl RuleSetBuilder {
    /// An empty builder (no routing, no placeholders).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the `expand` placeholder values (name without `%` -> values).
    pub fn placeholders(mut self, p: HashMap<String, Vec<String>>) -> Self {
        self.placeholders = p;
        self
    }

    /// Turns log-source routing on or off.
    pub fn routing(mut self, on: bool) -> Self {
        self.routing = on;
        self
    }

    /// Turns the literal prefilter off (every rule is evaluated on every event). Slow;
    /// meant for verifying that the prefilter never hides a match.
    pub fn exhaustive(mut self, on: bool) -> Self {
        self.no_prefilter = on;
        self
    }

    /// Adds one YAML text (one or more documents). Returns false when it was rejected.
    pub fn add_yaml(&mut self, source: &str, text: &str) -> bool {
        self.sources.push(source.to_string());
        match parse_str(text) {
            Ok(docs) => {
                self.docs
                    .extend(docs.into_iter().map(|d| (source.to_string(), d)));
                true
            }
            Err(reason) => {
                self.rejections.push(Rejection {
                    source: source.to_string(),
                    reason,
                });
                false
            }
        }
    }

    /// Adds a `.yml`/`.yaml` file, or every such file under a directory (sorted).
    pub fn add_path(&mut self, path: &Path) -> Result<(), crate::Error> {
        let mut files = Vec::new();
        collect_files(path, &mut files)?;
        // Reading and parsing dominate loading a large pack: spread them over the
        // cores, then record results in file order so output stays deterministic.
        let parsed = par_map(&files, |p| match std::fs::read_to_string(p) {
            Ok(text) => parse_str(&text),
            Err(e) => Err(format!("unreadable: {e}")),
        });
        for (p, result) in files.iter().zip(parsed) {
            let source = p.display().to_string();
            self.sources.push(source.clone());
            match result {
                Ok(docs) => self
                    .docs
                    .extend(docs.into_iter().map(|d| (source.clone(), d))),
                Err(reason) => self.rejections.push(Rejection { source, reason }),
            }
        }
        Ok(())
    }

    /// Every source (file) added so far, in order.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Compiles everything; documents that fail are returned as rejections.
    pub fn build(self) -> (CompiledRuleSet, Vec<Rejection>) {
        let RuleSetBuilder {
            docs,
            mut rejections,
            placeholders,
            routing,
            no_prefilter,
            ..
        } = self;
        let mut rules: Vec<CompiledRule> = Vec::new();
        let mut filters = Vec::new();
        let mut correlations = Vec::new();
        for (source, doc) in docs {
            match doc {
                Document::Rule(r) => {
                    let ctx = CompileCtx {
                        logsource: &r.logsource,
                        placeholders: &placeholders,
                    };
                    match compile_detection(&r.detection, ctx) {
                        Ok(node) => rules.push(CompiledRule {
                            route: route_for(&r.logsource),
                            reads: None,
                            info: RuleInfo {
                                meta: r.meta,
                                logsource: r.logsource,
                                source,
                                emit: true,
                            },
                            node,
                        }),
                        Err(reason) => rejections.push(Rejection { source, reason }),
                    }
                }
                Document::Filter(f) => filters.push((source, f)),
                Document::Correlation(c) => correlations.push((source, c)),
            }
        }
        // Filters: the rule must match and the filter's condition must hold too.
        for (source, f) in filters {
            let ctx = CompileCtx {
                logsource: &f.logsource,
                placeholders: &placeholders,
            };
            let node = match compile_detection(&f.detection, ctx) {
                Ok(n) => n,
                Err(reason) => {
                    rejections.push(Rejection {
                        source,
                        reason: format!("filter: {reason}"),
                    });
                    continue;
                }
            };
            // A filter tunes the named rules its log source covers (as pySigma
            // applies them); a named rule outside it is reported, not silently skipped.
            for r in rules.iter_mut().filter(|r| names(&r.info.meta, &f.rules)) {
                if !covers(&f.logsource, &r.info.logsource) {
                    rejections.push(Rejection {
                        source: source.clone(),
                        reason: format!(
                            "filter {}: its logsource ({}) does not cover rule {} ({}); not applied to that rule",
                            f.meta.id,
                            describe(&f.logsource),
                            r.info.meta.id,
                            describe(&r.info.logsource)
                        ),
                    });
                    continue;
                }
                let old = std::mem::replace(&mut r.node, Node::Const(false));
                r.node = Node::And(vec![old, node.clone()]);
            }
        }
        let metas: Vec<&Meta> = rules.iter().map(|r| &r.info.meta).collect();
        let (defs, corr_rejections) = compile_correlations(correlations, &metas);
        rejections.extend(corr_rejections);
        for d in &defs {
            for r in d.base_rules() {
                if !d.generate {
                    rules[r as usize].info.emit = false;
                }
            }
        }
        for r in &mut rules {
            r.reads = r.node.reads();
        }
        let always_route = Route::Any;
        let keyed: Vec<(&Node, &Route)> = rules
            .iter()
            .map(|r| {
                // Exhaustive mode: no literals and no routing buckets, every rule runs.
                if no_prefilter {
                    (&ALWAYS, &always_route)
                } else {
                    (&r.node, &r.route)
                }
            })
            .collect();
        let index = Index::build(&keyed, routing && !no_prefilter);
        let mut rule_to_corr = vec![Vec::new(); rules.len()];
        for (ci, d) in defs.iter().enumerate() {
            for r in d.base_rules() {
                rule_to_corr[r as usize].push(ci);
            }
        }
        let set = CompiledRuleSet {
            rules,
            index,
            routing,
            correlations: defs,
            rule_to_corr,
            id: NEXT_SET_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        };
        (set, rejections)
    }
}

/// `.yml`/`.yaml` files under `path` (or `path` itself), sorted per directory.
pub(crate) fn collect_files(
    path: &Path,
    out: &mut Vec<std::path::PathBuf>,
) -> Result<(), crate::Error> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let io = |source| crate::Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_files(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "yml" || e == "yaml") {
            out.push(p);
        }
    }
    Ok(())
}

/// A node with no literal needs, so the prefilter always evaluates its rule.
static ALWAYS: Node = Node::Const(true);

/// Whether a filter's log source covers a rule's: every tag the filter sets, the
/// rule sets to the same value (a filter on `product: windows` covers all Windows
/// rules; one on `category: process_creation` only process-creation rules).
fn covers(filter: &LogSource, rule: &LogSource) -> bool {
    let same = |f: &Option<String>, r: &Option<String>| match (f, r) {
        (None, _) => true,
        (Some(f), Some(r)) => f.eq_ignore_ascii_case(r),
        (Some(_), None) => false,
    };
    same(&filter.product, &rule.product)
        && same(&filter.category, &rule.category)
        && same(&filter.service, &rule.service)
}

/// `product=windows, category=process_creation` (or `any`).
fn describe(ls: &LogSource) -> String {
    let parts: Vec<String> = [
        ("product", &ls.product),
        ("category", &ls.category),
        ("service", &ls.service),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}")))
    .collect();
    if parts.is_empty() {
        "any".into()
    } else {
        parts.join(", ")
    }
}

/// Whether a list of references (ids or names) names this rule.
pub(crate) fn names(meta: &Meta, refs: &[String]) -> bool {
    refs.iter()
        .any(|r| *r == meta.id || meta.name.as_deref() == Some(r.as_str()))
}

/// A compiled, immutable rule set. Share it across threads; keep one [`Scratch`] per thread.
#[derive(Debug)]
pub struct CompiledRuleSet {
    rules: Vec<CompiledRule>,
    index: Index,
    routing: bool,
    pub(crate) correlations: Vec<CorrelationDef>,
    pub(crate) rule_to_corr: Vec<Vec<usize>>,
    /// Distinguishes this set from every other in the process (never 0).
    id: u64,
}

/// Source of [`CompiledRuleSet`] ids.
static NEXT_SET_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Reusable per-thread buffers so evaluation does not allocate per event. One scratch
/// may serve several sets in turn (a tenant's set swapped after a rule change): what
/// it remembers of one set's index is dropped when another set uses it.
#[derive(Debug, Default)]
pub struct Scratch {
    fold: Fold,
    index: IndexScratch,
    candidates: Vec<u32>,
    /// Unescaped text of the values built into a candidate's partial tree.
    text: Vec<u8>,
    /// The set whose index `index` remembers scans of (0: none yet).
    set: u64,
}

impl Scratch {
    /// Empties the index buffers if another set filled them: scan memo entries are
    /// keyed by that set's automata.
    fn claim(&mut self, set: &CompiledRuleSet) {
        if self.set != set.id {
            self.index = IndexScratch::default();
            self.set = set.id;
        }
    }
}

impl CompiledRuleSet {
    /// Number of compiled detection rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when no rule compiled.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Whether log-source routing selects rules for events.
    pub fn routing(&self) -> bool {
        self.routing
    }

    /// Number of correlation rules.
    pub fn correlation_count(&self) -> usize {
        self.correlations.len()
    }

    /// The descriptive fields of correlation `i` (as in `CorrelationMatch::correlation`).
    pub fn correlation_meta(&self, i: usize) -> Option<&Meta> {
        self.correlations.get(i).map(|c| &c.meta)
    }

    /// Information about a rule.
    pub fn rule(&self, i: RuleIdx) -> &RuleInfo {
        &self.rules[i as usize].info
    }

    /// How many rules are evaluated on every event their route admits (no literal or
    /// field to index them by).
    pub fn unindexed_rules(&self) -> usize {
        self.index.unindexed().len()
    }

    /// Whether a rule is evaluated on every event its route admits.
    pub fn is_unindexed(&self, r: RuleIdx) -> bool {
        self.index.unindexed().contains(&r)
    }

    /// Number of (field, literal) keys in the prefilter(s).
    pub fn indexed_literals(&self) -> usize {
        self.index.literal_count()
    }

    /// With routing: routing prefilters (one per distinct rule list) built so far
    /// (each when an event first needs it), of how many, and the time building them
    /// took.
    pub fn lazy_builds(&self) -> Option<(usize, usize, std::time::Duration)> {
        self.index.lazy_builds()
    }

    /// How many rules the prefilter and routing leave to evaluate for an event
    /// (diagnostics for benchmarks).
    pub fn candidate_count(&self, ev: &Value, scratch: &mut Scratch) -> usize {
        self.candidates(ev, scratch).len()
    }

    /// The rules the prefilter and routing leave to evaluate for an event, sorted
    /// (diagnostics for benchmarks).
    pub fn candidates<'s>(&self, ev: &Value, scratch: &'s mut Scratch) -> &'s [RuleIdx] {
        scratch.claim(self);
        self.index
            .candidates(ev, &mut scratch.index, &mut scratch.candidates);
        &scratch.candidates
    }

    /// [`CompiledRuleSet::matches`] on a lazily read line: the prefilter reads only the
    /// fields it indexes, and only the fields the candidate rules read are built into
    /// a tree. Returns whether any rule was a candidate (and a tree was built).
    pub fn matches_raw(
        &self,
        ev: &RawEvent<'_>,
        scratch: &mut Scratch,
        out: &mut Vec<RuleIdx>,
    ) -> serde_json::Result<bool> {
        out.clear();
        scratch.claim(self);
        self.index
            .candidates_raw(ev, &mut scratch.index, &mut scratch.candidates);
        let Scratch {
            fold,
            candidates,
            text,
            ..
        } = scratch;
        if candidates.is_empty() {
            return Ok(false);
        }
        let mut keys: Vec<&str> = Vec::new();
        let mut everything = false;
        for &r in candidates.iter() {
            match &self.rules[r as usize].reads {
                Some(k) => keys.extend(k.iter().map(String::as_str)),
                None => everything = true,
            }
        }
        let value = if everything {
            ev.to_value()?
        } else {
            // Several candidates often read the same fields: keep the list short for
            // `partial_value`'s scan.
            if keys.len() > 8 {
                keys.sort_unstable();
                keys.dedup();
            }
            ev.partial_value(&keys, text)?
        };
        self.eval_candidates(&value, candidates, fold, out);
        Ok(true)
    }

    /// The top-level keys rule `i` reads (`None`: any).
    #[cfg(test)]
    pub(crate) fn rule_reads(&self, i: RuleIdx) -> Option<Vec<String>> {
        self.rules.get(i as usize).and_then(|r| r.reads.clone())
    }

    /// Scan-memo lookups and hits on this scratch so far (diagnostics for benchmarks).
    pub fn memo_stats(scratch: &Scratch) -> (u64, u64) {
        Index::memo_stats(&scratch.index)
    }

    /// Appends the indices of all rules matching `ev` to `out` (cleared first), in
    /// rule order. Includes rules that only feed correlations (see [`RuleInfo::emit`]).
    pub fn matches(&self, ev: &Value, scratch: &mut Scratch, out: &mut Vec<RuleIdx>) {
        out.clear();
        scratch.claim(self);
        self.index
            .candidates(ev, &mut scratch.index, &mut scratch.candidates);
        self.eval_candidates(ev, &scratch.candidates, &mut scratch.fold, out);
    }

    /// Evaluates one rule on a parsed event, prefilter aside (diagnostics).
    pub fn rule_matches(&self, r: RuleIdx, ev: &Value, scratch: &mut Scratch) -> bool {
        self.rules.get(r as usize).is_some_and(|rule| {
            scratch.fold.reset();
            rule.node.eval(ev, &mut scratch.fold)
        })
    }

    /// Appends the candidates that match `ev` to `out`, in rule order.
    fn eval_candidates(
        &self,
        ev: &Value,
        candidates: &[u32],
        fold: &mut Fold,
        out: &mut Vec<RuleIdx>,
    ) {
        // Folded copies remembered from the previous event name its strings.
        fold.reset();
        for &r in candidates {
            if self.rules[r as usize].node.eval(ev, fold) {
                out.push(r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{RuleSetBuilder, Scratch};
    use crate::event::raw::RawEvent;

    /// A scratch used by one set and then another (a tenant's set swapped after a
    /// rule change) must not answer the second from the first's scan memo.
    #[test]
    fn a_scratch_forgets_another_sets_scans() -> Result<(), String> {
        let build = |lit: &str| {
            let mut b = RuleSetBuilder::new();
            b.add_yaml(
                "t",
                &format!(
                    "title: r\nid: r\ndetection:\n  s:\n    F|contains: '{lit}'\n  condition: s\n"
                ),
            );
            b.build().0
        };
        let (alpha, beta) = (build("alpha"), build("beta"));
        let line = r#"{"F":"a long value with beta in it"}"#;
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for _ in 0..2 {
            alpha
                .matches_raw(&RawEvent::parse(line)?, &mut scratch, &mut out)
                .map_err(|e| e.to_string())?;
            assert!(out.is_empty());
            // The value is remembered as holding none of alpha's literals; beta must
            // still scan it.
            beta.matches_raw(&RawEvent::parse(line)?, &mut scratch, &mut out)
                .map_err(|e| e.to_string())?;
            assert_eq!(out, vec![0]);
        }
        Ok(())
    }
}
