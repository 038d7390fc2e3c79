// The query language, in brief, beside the query box.

export function QueryHelp() {
  return (
    <details className="query-help">
      <summary>Query syntax</summary>
      <ul>
        <li>
          <code>user.name:root</code> a field’s value; <code>host.name:web-*</code> with <code>*</code> wildcards
        </li>
        <li>
          <code>"failed password"</code> free text, quoted for a phrase; <code>process.command_line:"sudo -i"</code>
        </li>
        <li>
          <code>AND</code>, <code>OR</code>, <code>NOT</code> and parentheses:{' '}
          <code>(event.action:blocked OR event.action:deny) AND NOT source.ip:10.*</code>
        </li>
        <li>Terms side by side must all match.</li>
      </ul>
    </details>
  );
}
