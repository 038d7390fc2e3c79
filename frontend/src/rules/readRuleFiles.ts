// Rule files picked in the browser, read as text: each becomes one string of `importRulePack`'s
// `rules`, in the order picked, so the API's `rules[i]` names file i.

export interface RuleFile {
  name: string;
  text: string;
}

export function readRuleFiles(files: Iterable<File>): Promise<RuleFile[]> {
  return Promise.all([...files].map(async (file) => ({ name: file.name, text: await file.text() })));
}

/** `rules[2]` → the name of the third file; anything else as it came. */
export function sourceName(source: string, files: readonly RuleFile[]): string {
  const match = /^rules\[(\d+)\]$/.exec(source);
  const file = match === null ? undefined : files[Number(match[1])];
  return file === undefined ? source : file.name;
}
