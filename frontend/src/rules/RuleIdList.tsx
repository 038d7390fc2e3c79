// A labelled count of rule ids that opens to the ids themselves.

export function RuleIdList({ label, ids }: { label: string; ids: readonly string[] }) {
  return (
    <details>
      <summary>
        {label}: {ids.length}
      </summary>
      {ids.length > 0 && (
        <ul className="id-list">
          {ids.map((id) => (
            <li key={id}>
              <code>{id}</code>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
