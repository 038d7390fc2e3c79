// A tiny Markdown renderer for case descriptions and comments: paragraphs, bullet and numbered
// lists, fenced code, inline code, bold, italic and links. It builds React elements only (no
// HTML strings), so anything that looks like HTML in the input stays text; links must be
// http(s) or mailto and open with rel="noopener noreferrer".

import type { ReactNode } from 'react';

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*]+\*|_[^_]+_)|(\[[^\]]+\]\([^)\s]+\))/;

function safeHref(href: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(href) ? href : null;
}

export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let n = 0;
  while (rest.length > 0) {
    const m = INLINE.exec(rest);
    if (m === null) {
      out.push(rest);
      break;
    }
    if (m.index > 0) out.push(rest.slice(0, m.index));
    const token = m[0];
    const key = `${keyPrefix}-${n++}`;
    if (m[1] !== undefined) out.push(<code key={key}>{token.slice(1, -1)}</code>);
    else if (m[2] !== undefined) out.push(<strong key={key}>{renderInline(token.slice(2, -2), key)}</strong>);
    else if (m[3] !== undefined) out.push(<em key={key}>{renderInline(token.slice(1, -1), key)}</em>);
    else {
      const close = token.indexOf('](');
      const label = token.slice(1, close);
      const href = safeHref(token.slice(close + 2, -1));
      out.push(
        href === null ? (
          label
        ) : (
          <a key={key} href={href} target="_blank" rel="noopener noreferrer">
            {label}
          </a>
        ),
      );
    }
    rest = rest.slice(m.index + token.length);
  }
  return out;
}

type Block =
  | { kind: 'p'; lines: string[] }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'code'; text: string };

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim().startsWith('```')) {
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith('```')) body.push(lines[i++] ?? '');
      i += 1;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (bullet !== null || numbered !== null) {
      const kind = bullet !== null ? 'ul' : 'ol';
      const last = blocks[blocks.length - 1];
      const item = (bullet ?? numbered)?.[1] ?? '';
      if (last !== undefined && last.kind === kind) last.items.push(item);
      else blocks.push({ kind, items: [item] });
      i += 1;
      continue;
    }
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const last = blocks[blocks.length - 1];
    const prev = lines[i - 1];
    if (last !== undefined && last.kind === 'p' && prev !== undefined && prev.trim() !== '') last.lines.push(line);
    else blocks.push({ kind: 'p', lines: [line] });
    i += 1;
  }
  return blocks;
}

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      {parseBlocks(source).map((b, i) => {
        const key = `b${i}`;
        switch (b.kind) {
          case 'code':
            return (
              <pre key={key}>
                <code>{b.text}</code>
              </pre>
            );
          case 'ul':
          case 'ol': {
            const items = b.items.map((it, j) => <li key={j}>{renderInline(it, `${key}-${j}`)}</li>);
            return b.kind === 'ul' ? <ul key={key}>{items}</ul> : <ol key={key}>{items}</ol>;
          }
          default:
            return <p key={key}>{renderInline(b.lines.join(' '), key)}</p>;
        }
      })}
    </div>
  );
}
