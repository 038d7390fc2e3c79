// Importing a rule pack: a name and YAML rule files picked from disk, read in the browser and
// sent as `rules`. A name already in use imports its next version. What the new version
// changed, and which files were rejected (by file name), shows once it is stored.

import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import type { ImportRulePackMutation as ImportResult } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { ImportRulePackMutation } from './documents';
import { PackVersionDetails } from './PackVersionDetails';
import { readRuleFiles, sourceName, type RuleFile } from './readRuleFiles';

type Imported = ImportResult['importRulePack'];

export function ImportPackForm({ onImported }: { onImported: (pack: Imported) => void }) {
  const filesId = useId();
  const [name, setName] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [result, setResult] = useState<{ pack: Imported; files: RuleFile[] } | null>(null);
  const [{ fetching }, importPack] = useMutation(ImportRulePackMutation);
  const [reading, setReading] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const local: Problem[] = [];
    if (name.trim() === '') local.push({ code: 'INVALID_INPUT', field: 'name', message: 'is required' });
    if (files.length === 0) local.push({ code: 'INVALID_INPUT', field: 'rules', message: 'pick at least one YAML file' });
    setProblems(local);
    if (local.length > 0) return;
    setReading(true);
    const read = await readRuleFiles(files);
    setReading(false);
    const answer = await importPack({ name: name.trim(), rules: read.map((f) => f.text) });
    if (answer.error !== undefined) {
      setProblems(problemsOf(answer.error));
      return;
    }
    if (answer.data === undefined) return;
    setResult({ pack: answer.data.importRulePack, files: read });
    setFiles([]);
    if (input.current !== null) input.current.value = '';
    onImported(answer.data.importRulePack);
  };

  const { byField, general } = splitByField(problems, ['name', 'rules']);
  const latest = result?.pack.versions[0];
  return (
    <form className="panel" aria-labelledby="import-pack-title" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="import-pack-title">Import a rule pack</h2>
      <div className="row">
        <TextField
          label="Pack name"
          value={name}
          error={byField.name}
          hint="An existing name imports its next version."
          onChange={(e) => setName(e.target.value)}
        />
        <div className="field">
          <label htmlFor={filesId}>Rule files</label>
          <input
            ref={input}
            id={filesId}
            type="file"
            multiple
            accept=".yml,.yaml,application/yaml,text/yaml"
            aria-invalid={byField.rules === undefined ? undefined : true}
            aria-describedby={`${filesId}-hint${byField.rules === undefined ? '' : ` ${filesId}-error`}`}
            onChange={(e) => setFiles(e.target.files === null ? [] : [...e.target.files])}
          />
          <small id={`${filesId}-hint`} className="hint">
            Sigma YAML, one rule per file. {files.length === 0 ? 'None picked.' : `${files.length} picked.`}
          </small>
          {byField.rules !== undefined && (
            <small id={`${filesId}-error`} className="field-error">
              Rule files: {byField.rules}
            </small>
          )}
        </div>
      </div>
      <ErrorBanner problems={general} />
      <div className="actions">
        <button type="submit" disabled={fetching || reading}>
          {fetching || reading ? 'Importing…' : 'Import pack'}
        </button>
      </div>
      {result !== null && latest !== undefined && (
        <div className="notice" role="status">
          <p>
            Imported {result.pack.name} version {result.pack.version}: {latest.ruleCount} rules.
          </p>
          <PackVersionDetails
            version={latest}
            id="import-result"
            nameOf={(source) => sourceName(source, result.files)}
          />
        </div>
      )}
    </form>
  );
}
