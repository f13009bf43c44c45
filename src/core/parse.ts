/** Text → data for the `data` attribute, inline JSON and `src` responses. */
import { csvParseRows } from 'd3-dsv';
import { type Issue } from './issues.js';
import { errorText } from './read.js';

export type ParseResult = { ok: true; value: unknown } | { ok: false; issue: Issue };

/** JSON.parse with the failure turned into an issue at `label` (e.g. `inline JSON`). */
export function parseJson(text: string, label: string): ParseResult {
  if (text.trim() === '') return { ok: false, issue: { path: label, message: 'empty, expected JSON' } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, issue: { path: label, message: errorText(error) } };
  }
}

/**
 * CSV with a header row → one object per row keyed by the trimmed header names. Uses
 * `csvParseRows`, which, unlike `csvParse`, builds no row function with `new Function` and so
 * works under a CSP without `'unsafe-eval'`.
 */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ''));
  const header = (rows.shift() ?? []).map((name) => name.trim());
  return rows
    .filter((row) => row.some((cell) => cell.trim() !== ''))
    .map((row) => {
      const record: Record<string, string> = Object.create(null);
      header.forEach((name, i) => {
        if (name && name !== '__proto__') record[name] = row[i] ?? '';
      });
      return record;
    });
}

/** Whether a response (by content type or URL) is CSV. */
export function looksLikeCsv(contentType: string | null, url: string): boolean {
  if (contentType && /text\/csv|application\/csv/i.test(contentType)) return true;
  return /\.csv(?:[?#]|$)/i.test(url);
}
