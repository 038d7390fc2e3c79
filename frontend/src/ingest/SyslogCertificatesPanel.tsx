// Syslog TLS client certificates bound to this tenant: a sender presenting one (verified against
// the gateway's client CA) is this tenant's when its messages carry no token. Bind one by pasting
// its PEM certificate or SHA-256 fingerprint; the list shows fingerprints abbreviated (full on
// hover, copyable); unbinding takes a confirmation.

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextAreaField, TextField } from '../components/Field';
import { RelativeTime } from '../components/RelativeTime';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { CopyFingerprint } from './CopyFingerprint';
import { BindSyslogCertificateMutation, SyslogCertificatesQuery, UnbindSyslogCertificateMutation } from './documents';
import { pastedKind } from './fingerprint';

const PASTED_HINT = {
  empty: 'Paste the sender’s certificate (-----BEGIN CERTIFICATE-----…) or its SHA-256 fingerprint.',
  pem: 'A PEM certificate: Garrison keeps only its SHA-256 fingerprint.',
  fingerprint: 'A SHA-256 fingerprint (64 hex digits; colons and spaces are fine).',
  unknown: 'Neither a PEM certificate nor 64 hex digits yet.',
} as const;

export function SyslogCertificatesPanel({ tenantId }: { tenantId: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: SyslogCertificatesQuery, variables: { tenantId } });
  const [bindState, bind] = useMutation(BindSyslogCertificateMutation);
  const [unbindState, unbind] = useMutation(UnbindSyslogCertificateMutation);
  const [name, setName] = useState('');
  const [certificate, setCertificate] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const { byField, general } = splitByField(problems, ['name', 'certificate']);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const kind = pastedKind(certificate);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await bind({ tenantId, name: name.trim(), certificate: certificate.trim() });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setName('');
    setCertificate('');
    reload();
  };

  const onUnbind = async (id: string) => {
    const result = await unbind({ id });
    setProblems(result.error === undefined ? [] : problemsOf(result.error));
    reload();
  };

  const certificates = data?.syslogCertificates ?? [];
  return (
    <section className="panel" aria-labelledby="syslog-certs-title">
      <h2 id="syslog-certs-title">Syslog client certificates</h2>
      <p className="hint">
        Syslog over TLS from a sender presenting one of these certificates belongs to this tenant when the message carries no
        token. A token names the tenant first, then a certificate, then the sender’s address.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Bind a client certificate">
        <TextField
          label="Certificate name"
          required
          value={name}
          error={byField.name}
          hint="Which sender presents it, e.g. “dmz-relay-01”."
          onChange={(e) => setName(e.target.value)}
        />
        <TextAreaField
          label="Certificate (PEM) or SHA-256 fingerprint"
          required
          rows={6}
          className="pem"
          spellCheck={false}
          value={certificate}
          error={byField.certificate}
          hint={PASTED_HINT[kind]}
          onChange={(e) => setCertificate(e.target.value)}
        />
        <button type="submit" disabled={bindState.fetching || name.trim() === '' || kind === 'empty'}>
          Bind certificate
        </button>
      </form>
      <ErrorBanner problems={general} />
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {fetching && data === undefined ? (
        <p role="status">Loading client certificates…</p>
      ) : (
        <table>
          <caption>Bound client certificates</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">SHA-256 fingerprint</th>
              <th scope="col">Bound</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {certificates.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No certificates bound.
                </td>
              </tr>
            )}
            {certificates.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>
                  <CopyFingerprint fingerprint={c.fingerprint} name={c.name} />
                </td>
                <td>
                  <RelativeTime value={c.createdAt} />
                </td>
                <td>
                  <ConfirmButton
                    label={`Unbind ${c.name}`}
                    confirmLabel={`Confirm unbinding ${c.name}`}
                    warning="Untokened syslog from a sender presenting it is no longer this tenant’s."
                    busy={unbindState.fetching}
                    onConfirm={() => void onUnbind(c.id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
