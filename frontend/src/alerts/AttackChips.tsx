// ATT&CK techniques and tactics as chips; techniques link to their MITRE page.

function techniqueUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.toUpperCase().replace('.', '/')}/`;
}

export function AttackChips({ techniques, tactics }: { techniques: readonly string[]; tactics: readonly string[] }) {
  if (techniques.length === 0 && tactics.length === 0) return <span className="muted">none tagged</span>;
  return (
    <ul className="chips" aria-label="ATT&CK">
      {tactics.map((t) => (
        <li key={`tactic-${t}`} className="chip chip-tactic">
          {t}
        </li>
      ))}
      {techniques.map((t) => (
        <li key={`technique-${t}`} className="chip">
          <a href={techniqueUrl(t)} target="_blank" rel="noreferrer">
            {t.toUpperCase()}
          </a>
        </li>
      ))}
    </ul>
  );
}
