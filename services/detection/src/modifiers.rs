//! Sigma value modifiers (specification appendix "Modifiers"): parsing the `|name`
//! chain of a field key into a typed list, rejecting unknown names.

/// One value modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    Contains,
    StartsWith,
    EndsWith,
    All,
    Windash,
    Re,
    /// `re` flag `i` (case-insensitive).
    ReI,
    /// `re` flag `m` (multi-line).
    ReM,
    /// `re` flag `s` (dot matches newline).
    ReS,
    Base64,
    Base64Offset,
    Utf16Le,
    Utf16Be,
    Utf16,
    Cidr,
    Exists,
    Cased,
    Gt,
    Gte,
    Lt,
    Lte,
    Neq,
    FieldRef,
    Expand,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Modifier {
    /// Parses one modifier name; `None` for names the engine does not know.
    pub fn parse(name: &str) -> Option<Modifier> {
        use Modifier::*;
        Some(match name {
            "contains" => Contains,
            "startswith" => StartsWith,
            "endswith" => EndsWith,
            "all" => All,
            "windash" => Windash,
            "re" => Re,
            "i" => ReI,
            "m" => ReM,
            "s" => ReS,
            "base64" => Base64,
            "base64offset" => Base64Offset,
            "utf16le" | "wide" => Utf16Le,
            "utf16be" => Utf16Be,
            "utf16" => Utf16,
            "cidr" => Cidr,
            "exists" => Exists,
            "cased" => Cased,
            "gt" => Gt,
            "gte" => Gte,
            "lt" => Lt,
            "lte" => Lte,
            "neq" => Neq,
            "fieldref" => FieldRef,
            "expand" => Expand,
            "minute" => Minute,
            "hour" => Hour,
            "day" => Day,
            "week" => Week,
            "month" => Month,
            "year" => Year,
            _ => return None,
        })
    }

    /// True for the date-part extractors.
    pub fn is_date_part(self) -> bool {
        use Modifier::*;
        matches!(self, Minute | Hour | Day | Week | Month | Year)
    }

    /// True for the numeric comparisons.
    pub fn is_compare(self) -> bool {
        use Modifier::*;
        matches!(self, Gt | Gte | Lt | Lte)
    }
}

/// Splits a detection key `Field|mod1|mod2` into the field (empty for keyword lists)
/// and its modifiers.
pub fn split_key(key: &str) -> Result<(&str, Vec<Modifier>), String> {
    let mut it = key.split('|');
    let field = it.next().unwrap_or_default();
    let mut mods = Vec::new();
    for m in it {
        match Modifier::parse(m) {
            Some(x) => mods.push(x),
            None => return Err(format!("unsupported modifier '{m}' in '{key}'")),
        }
    }
    // `i`, `m`, `s` are only meaningful as flags of `re`.
    if mods
        .iter()
        .any(|m| matches!(m, Modifier::ReI | Modifier::ReM | Modifier::ReS))
        && !mods.contains(&Modifier::Re)
    {
        return Err(format!("regex flag without 're' in '{key}'"));
    }
    Ok((field, mods))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_field_and_modifiers() {
        let (f, m) = split_key("CommandLine|contains|all").expect("valid");
        assert_eq!(f, "CommandLine");
        assert_eq!(m, vec![Modifier::Contains, Modifier::All]);
        assert_eq!(
            split_key("x|wide").expect("valid").1,
            vec![Modifier::Utf16Le]
        );
    }

    #[test]
    fn rejects_unknown_modifiers() {
        assert!(split_key("x|bogus").is_err());
        assert!(split_key("x|i").is_err());
        assert!(split_key("x|re|i").is_ok());
    }
}
