// The three log-source tag boxes (product, category, service), grouped and labelled, with
// Sigma's names as examples and each box's error beside it.

import { TextField } from '../components/Field';
import { LOG_SOURCE_EXAMPLES, LOG_SOURCE_KEYS, LOG_SOURCE_LABELS, type LogSourceDraft, type LogSourceErrors, type LogSourceKey } from './logSource';

interface Props {
  legend: string;
  value: LogSourceDraft;
  errors: LogSourceErrors;
  onChange: (key: LogSourceKey, value: string) => void;
}

export function LogSourceFields({ legend, value, errors, onChange }: Props) {
  return (
    <fieldset className="log-source-fields">
      <legend>{legend}</legend>
      <div className="row">
        {LOG_SOURCE_KEYS.map((key) => (
          <TextField
            key={key}
            label={LOG_SOURCE_LABELS[key]}
            value={value[key]}
            error={errors[key]}
            hint={`e.g. ${LOG_SOURCE_EXAMPLES[key]}`}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange(key, e.target.value)}
          />
        ))}
      </div>
    </fieldset>
  );
}
