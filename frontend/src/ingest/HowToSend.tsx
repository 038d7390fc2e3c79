// Short examples of sending events to this tenant: NDJSON over HTTP and syslog with the token
// in RFC 5424 structured data. A token created on this page is filled in; otherwise a stand-in.

const SYSLOG_PORT = 5514;

export function HowToSend({ secret }: { secret: string | null }) {
  const token = secret ?? '<token>';
  const origin = window.location.origin;
  const host = window.location.hostname;
  const curl = `curl -X POST ${origin}/ingest/v1/events \\
  -H "Authorization: Bearer ${token}" \\
  --data-binary $'{"message":"first event"}\\n{"message":"second event"}\\n'`;
  const logger = `logger --server ${host} --port ${SYSLOG_PORT} --tcp --rfc5424 \\
  --sd-id garrison@32473 --sd-param 'token="${token}"' "hello from $(hostname)"`;
  const rsyslog = `template(name="garrison" type="string"
  string="<%PRI%>1 %TIMESTAMP:::date-rfc3339% %HOSTNAME% %APP-NAME% %PROCID% %MSGID% [garrison@32473 token=\\"${token}\\"] %msg%\\n")
action(type="omfwd" target="${host}" port="${SYSLOG_PORT}" protocol="tcp" template="garrison")`;

  return (
    <section className="panel" aria-labelledby="how-to-send-title">
      <h2 id="how-to-send-title">How to send events</h2>
      <h3>HTTP, one JSON object per line</h3>
      <pre aria-label="curl example">
        <code>{curl}</code>
      </pre>
      <h3>Syslog on port {SYSLOG_PORT} (TCP or UDP)</h3>
      <p className="hint">
        The token goes in the structured data as <code>[garrison@32473 token="…"]</code>. Without it, the sender’s address
        must be in a bound range.
      </p>
      <pre aria-label="logger example">
        <code>{logger}</code>
      </pre>
      <pre aria-label="rsyslog example">
        <code>{rsyslog}</code>
      </pre>
    </section>
  );
}
