//! The names the rest of the crate shares with the rule set: a rule's index and
//! the record of a document that could not be loaded.

/// Index of a rule in a `CompiledRuleSet`.
pub type RuleIdx = u32;

/// A document that could not be loaded, with a one-line reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The file (or caller-given source name).
    pub source: String,
    pub reason: String,
}
