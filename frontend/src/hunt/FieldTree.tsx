// An event's `fields` (arbitrary JSON) as a nested key/value list.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function Leaf({ value }: { value: unknown }) {
  if (value === null) return <span className="muted">null</span>;
  if (typeof value === 'string') return <code>{value}</code>;
  return <code>{JSON.stringify(value)}</code>;
}

export function FieldTree({ value }: { value: unknown }) {
  if (Array.isArray(value)) {
    if (value.every((v) => !isRecord(v) && !Array.isArray(v))) {
      return <code>{JSON.stringify(value)}</code>;
    }
    return (
      <ol className="field-tree">
        {value.map((v, i) => (
          <li key={i}>
            <FieldTree value={v} />
          </li>
        ))}
      </ol>
    );
  }
  if (!isRecord(value)) return <Leaf value={value} />;
  const keys = Object.keys(value).sort();
  return (
    <dl className="field-tree">
      {keys.map((k) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            <FieldTree value={value[k]} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
