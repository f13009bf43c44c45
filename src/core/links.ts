/**
 * Link allow-list: only `http:`, `https:` and relative URLs (including protocol-relative `//host`)
 * are followed. Anything with another scheme, or with control characters or whitespace that a
 * browser would strip before reading the scheme (`java\tscript:`), is rejected.
 */
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;
// Control characters and whitespace other than plain spaces, anywhere in the text.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

export function safeHref(href: string): string | null {
  if (typeof href !== 'string') return null;
  const text = href.trim();
  if (text === '' || CONTROL.test(text)) return null;
  const scheme = SCHEME.exec(text);
  if (scheme) {
    const name = scheme[1].toLowerCase();
    return name === 'http' || name === 'https' ? text : null;
  }
  // A colon before the first slash, ? or # would be read as a scheme by some parsers.
  const firstColon = text.indexOf(':');
  if (firstColon !== -1) {
    const firstSeparator = text.search(/[/?#]/);
    if (firstSeparator === -1 || firstColon < firstSeparator) return null;
  }
  return text;
}
