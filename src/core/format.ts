/**
 * Number and date formatting over `Intl`, with caches because formatter construction is the
 * slow part (a 1,000-node tree formats thousands of numbers).
 */

const FALLBACK_LOCALE = 'en-US';

/** True when `Intl` accepts the tag and has data for it. */
export function isUsableLocale(tag: string | null | undefined): tag is string {
  if (!tag || typeof tag !== 'string' || tag.length > 100) return false;
  try {
    return Intl.NumberFormat.supportedLocalesOf(Intl.getCanonicalLocales(tag)).length > 0;
  } catch {
    return false;
  }
}

/**
 * Locale resolution: the first usable tag of, in order, the `locale` attribute, the nearest `lang`,
 * and the browser's languages; `en-US` if none is usable.
 */
export function resolveLocale(candidates: ReadonlyArray<string | null | undefined>): string {
  for (const candidate of candidates) if (isUsableLocale(candidate)) return Intl.getCanonicalLocales(candidate)[0];
  return FALLBACK_LOCALE;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = numberFormats.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, options);
    } catch {
      // Options are validated on input; this guards a locale/option pair Intl still refuses.
      formatter = new Intl.NumberFormat(locale);
    }
    if (numberFormats.size > 500) numberFormats.clear();
    numberFormats.set(key, formatter);
  }
  return formatter;
}

/**
 * What a figure that is not a finite number is shown as. Data is validated to finite numbers, but
 * arithmetic on extreme ones (1e308 × 100, x / 5e-324) can still overflow: never show `∞` or `NaN`.
 */
export const NOT_A_FIGURE = '—';

/** U+2212 MINUS SIGN reads better than a hyphen in figures ("−1,240"). */
function typographicMinus(text: string): string {
  return text.replace(/-(?=[\d\p{Sc}.,])/u, '\u2212').replace(/^-/, '\u2212');
}

/** The value in the metric's own format: `12,840`, `$1.2M` (if the format asks), `4.2%`. */
export function formatNumber(value: number, locale: string, format?: Intl.NumberFormatOptions): string {
  if (!Number.isFinite(value)) return NOT_A_FIGURE;
  return typographicMinus(numberFormat(locale, format).format(value));
}

/**
 * Compact form for tight places: `12.8K`, `$1.2M`. Keeps the metric's style and currency;
 * a percent stays a percent.
 */
export function formatCompact(value: number, locale: string, format?: Intl.NumberFormatOptions): string {
  if (!Number.isFinite(value)) return NOT_A_FIGURE;
  if (format?.style === 'percent') return formatNumber(value, locale, { maximumFractionDigits: 1, ...format });
  const options: Intl.NumberFormatOptions = { ...format, notation: 'compact' };
  if (options.maximumFractionDigits === undefined && options.maximumSignificantDigits === undefined) {
    options.maximumFractionDigits = Math.abs(value) < 1000 && !Number.isInteger(value) ? 2 : 1;
  }
  delete options.minimumFractionDigits;
  return typographicMinus(numberFormat(locale, options).format(value));
}

/** A signed change in the metric's format: `+1,240`, `−3.5`, `0`. */
export function formatSigned(value: number, locale: string, format?: Intl.NumberFormatOptions, compact = false): string {
  const options: Intl.NumberFormatOptions = { ...format, signDisplay: 'exceptZero' };
  return compact ? formatCompact(value, locale, options) : formatNumber(value, locale, options);
}

/** A fraction as a percent: 0.079 → `7.9%` (locale spacing: `7,9 %` in de-DE). */
export function formatPercent(fraction: number, locale: string, digits = 1, signed = false): string {
  if (!Number.isFinite(fraction)) return NOT_A_FIGURE;
  return typographicMinus(
    numberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: digits,
      signDisplay: signed ? 'exceptZero' : 'auto',
    }).format(fraction),
  );
}

/** A difference of two rates in percentage points: 0.018 → `+1.8 pp`. */
export function formatPercentPoints(fractionDifference: number, locale: string, digits = 1): string {
  const points = fractionDifference * 100;
  if (!Number.isFinite(points)) return NOT_A_FIGURE;
  const number = numberFormat(locale, { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(points);
  return `${typographicMinus(number)} pp`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date in the locale's medium style (`Nov 20, 2026`); `timeZone` UTC for date-only data. */
export function formatDate(time: number, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = dateFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, formatter);
  }
  return formatter.format(time);
}

/** `3 days ago`, `in 2 weeks`, `yesterday`, picking the largest sensible unit. */
export function formatRelativeTime(time: number, now: number, locale: string): string {
  const seconds = (time - now) / 1000;
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60],
  ];
  const formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return formatter.format(Math.round(seconds / size), unit);
  }
  return formatter.format(Math.round(seconds), 'second');
}

/** A duration in seconds in words an analyst reads at a glance: `2 h 15 min`, `3 d 4 h`, `45 s`. */
export function humanizeDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const parts: Array<[string, number]> = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];
  let rest = Math.round(seconds);
  if (rest === 0) return seconds > 0 ? '< 1 s' : '0 s';
  const shown: string[] = [];
  for (const [label, size] of parts) {
    if (rest >= size) {
      shown.push(`${Math.floor(rest / size)} ${label}`);
      rest %= size;
    }
    // Two units are precise enough ("2 h 15 min"); more is noise.
    if (shown.length === 2) break;
    if (shown.length === 1 && rest === 0) break;
  }
  return shown.join(' ');
}
