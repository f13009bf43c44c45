import { expect } from '@open-wc/testing';
import {
  formatCompact, formatDate, formatNumber, formatPercent, formatPercentPoints, formatRelativeTime, formatSigned,
  humanizeDuration, isUsableLocale, resolveLocale,
} from '../../src/core/format.js';

/** Intl uses narrow/no-break spaces in some locales; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('core/format', () => {
  it('formats numbers in en-US, de-DE and ja-JP', () => {
    expect(formatNumber(12840, 'en-US')).to.equal('12,840');
    expect(formatNumber(12840.5, 'de-DE')).to.equal('12.840,5');
    expect(formatNumber(12840, 'ja-JP')).to.equal('12,840');
    expect(formatNumber(-1240, 'en-US')).to.equal('\u22121,240');
  });
  it('formats currency', () => {
    expect(formatNumber(1418000, 'en-US', { style: 'currency', currency: 'USD' })).to.equal('$1,418,000.00');
    expect(plain(formatNumber(1418000, 'de-DE', { style: 'currency', currency: 'EUR' }))).to.equal('1.418.000,00 €');
    expect(formatNumber(12840, 'ja-JP', { style: 'currency', currency: 'JPY' })).to.match(/^[¥￥]12,840$/);
    expect(formatNumber(-5, 'en-US', { style: 'currency', currency: 'USD' })).to.equal('\u2212$5.00');
  });
  it('formats compact numbers per locale, keeping currency and percent', () => {
    expect(formatCompact(12840, 'en-US')).to.equal('12.8K');
    expect(plain(formatCompact(12840, 'de-DE'))).to.equal('12.840');
    expect(plain(formatCompact(1_418_000, 'de-DE'))).to.equal('1,4 Mio.');
    expect(formatCompact(12840, 'ja-JP')).to.equal('1.3万');
    expect(formatCompact(1_418_000, 'en-US', { style: 'currency', currency: 'USD' })).to.equal('$1.4M');
    expect(formatCompact(0.412, 'en-US', { style: 'percent' })).to.equal('41.2%');
    expect(formatCompact(12.345, 'en-US')).to.equal('12.35');
  });
  it('formats signed changes', () => {
    expect(formatSigned(940, 'en-US')).to.equal('+940');
    expect(formatSigned(-3.5, 'en-US')).to.equal('\u22123.5');
    expect(formatSigned(0, 'en-US')).to.equal('0');
    expect(formatSigned(56000, 'en-US', { style: 'currency', currency: 'USD', notation: 'compact' })).to.equal('+$56K');
    expect(formatSigned(-1240, 'de-DE')).to.equal('\u22121.240');
  });
  it('formats percentages and percentage points', () => {
    expect(formatPercent(0.079, 'en-US')).to.equal('7.9%');
    expect(formatPercent(0.079, 'en-US', 1, true)).to.equal('+7.9%');
    expect(formatPercent(-0.159, 'en-US', 1, true)).to.equal('\u221215.9%');
    expect(plain(formatPercent(0.079, 'de-DE'))).to.equal('7,9 %');
    expect(formatPercent(0.079, 'ja-JP')).to.equal('7.9%');
    expect(formatPercentPoints(0.018, 'en-US')).to.equal('+1.8 pp');
    expect(formatPercentPoints(-0.018, 'de-DE')).to.equal('\u22121,8 pp');
    expect(formatPercentPoints(0, 'en-US')).to.equal('0 pp');
  });
  it('formats dates and relative times', () => {
    const day = Date.UTC(2026, 10, 20);
    expect(formatDate(day, 'en-US', { dateStyle: 'medium', timeZone: 'UTC' })).to.equal('Nov 20, 2026');
    expect(formatDate(day, 'de-DE', { dateStyle: 'medium', timeZone: 'UTC' })).to.equal('20.11.2026');
    expect(formatDate(day, 'ja-JP', { dateStyle: 'medium', timeZone: 'UTC' })).to.equal('2026/11/20');
    const now = day + 3 * 3600_000;
    expect(formatRelativeTime(day, now, 'en-US')).to.equal('3 hours ago');
    expect(formatRelativeTime(now - 86_400_000, now, 'en-US')).to.equal('yesterday');
    expect(formatRelativeTime(now + 14 * 86_400_000, now, 'en-US')).to.equal('in 2 weeks');
    expect(formatRelativeTime(now - 10_000, now, 'en-US')).to.equal('10 seconds ago');
  });
  it('humanizes durations', () => {
    expect(humanizeDuration(45)).to.equal('45 s');
    expect(humanizeDuration(8100)).to.equal('2 h 15 min');
    expect(humanizeDuration(3 * 86400 + 4 * 3600 + 59)).to.equal('3 d 4 h');
    expect(humanizeDuration(3600)).to.equal('1 h');
    expect(humanizeDuration(0)).to.equal('0 s');
    expect(humanizeDuration(0.2)).to.equal('< 1 s');
    expect(humanizeDuration(-1)).to.equal('—');
    expect(humanizeDuration(NaN)).to.equal('—');
    expect(humanizeDuration(Infinity)).to.equal('—');
  });
  it('resolves locales, skipping unusable tags', () => {
    expect(resolveLocale(['xx_INVALID!!', 'de-DE'])).to.equal('de-DE');
    expect(resolveLocale(['x'.repeat(200), 'ja-JP'])).to.equal('ja-JP');
    expect(resolveLocale(['en-' + 'a'.repeat(197)])).to.equal('en-US');
    expect(resolveLocale([undefined, null, '', 'fr'])).to.equal('fr');
    expect(resolveLocale(['xx_INVALID!!'])).to.equal('en-US');
    expect(resolveLocale(['de-de'])).to.equal('de-DE');
    expect(isUsableLocale('xx_INVALID!!')).to.equal(false);
    expect(isUsableLocale('en-US')).to.equal(true);
  });
  it('never throws for en-u-nu-bogus and formats with it (or falls back)', () => {
    const locale = resolveLocale(['en-u-nu-bogus', 'en-US']);
    expect(locale).to.match(/^en/);
    expect(() => formatNumber(1234, locale)).not.to.throw();
    expect(plain(formatNumber(1234, locale))).to.equal('1,234');
  });
});
