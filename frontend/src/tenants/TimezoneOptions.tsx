// IANA zone names for a datalist; the browser knows them, so the list never goes stale.

const ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

export function TimezoneOptions({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {ZONES.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}
