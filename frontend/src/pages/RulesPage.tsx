// Rule packs (provider admins): import a pack or its next version from YAML files, and every
// pack's versions with what each changed. Enabling packs is per tenant, on its Rules section.

import { useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { RulePacksQuery } from '../rules/documents';
import { ImportPackForm } from '../rules/ImportPackForm';
import { PackList } from '../rules/PackList';

export function RulesPage() {
  const [{ data, error }, refetch] = useQuery({ query: RulePacksQuery });
  useDocumentTitle('Rules');
  return (
    <section aria-labelledby="rules-title">
      <h1 id="rules-title">Rules</h1>
      <p className="muted">Packs are enabled per tenant, in the tenant&apos;s Rules section.</p>
      <ImportPackForm onImported={() => refetch({ requestPolicy: 'network-only' })} />
      <h2>Rule packs</h2>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {data === undefined ? <p role="status">Loading rule packs…</p> : <PackList packs={data.rulePacks} />}
    </section>
  );
}
