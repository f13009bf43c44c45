// The embed page's URL handling (src/embed/embed.ts), DOM-free parts: in Chromium and Firefox.
import { expect } from '@open-wc/testing';
import { EMBED_TAGS, type EmbedTag, decodeBase64Url, isAllowedSrc, planEmbed } from '../../src/embed/embed.js';

const base = 'https://static.example.com/nsw/embed.html';
const observed = (tag: EmbedTag) =>
  ({
    'north-star-card': ['data', 'src', 'theme', 'locale', 'exportable', 'anomalies', 'stale-after'],
    'metric-tree': ['data', 'src', 'theme', 'orientation', 'expand-depth'],
    'funnel-chart': ['data', 'src', 'theme', 'orientation'],
    'goal-progress': ['data', 'src', 'theme', 'as-of', 'view', 'onclick'],
  })[tag];
const at = (query: string, hash = '') => ({ search: query, hash, href: `${base}${query}${hash}` });
const b64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('embed page: planEmbed', () => {
  it('accepts each of the four tags with a src', () => {
    for (const tag of EMBED_TAGS) {
      const plan = planEmbed(at(`?el=${tag}&src=data/x.json`), observed);
      expect(plan).to.deep.equal({ ok: true, tag, src: 'data/x.json', data: null, attributes: [] });
    }
  });

  it('refuses any other el, with the name in the message', () => {
    for (const el of ['script', 'div', 'NORTH-STAR-CARD', 'north-star-card ', 'iframe']) {
      const plan = planEmbed(at(`?el=${encodeURIComponent(el)}&src=x.json`), observed);
      expect(plan.ok).to.equal(false);
      if (!plan.ok) expect(plan.message).to.contain(`“${el}” is not an element`);
    }
    const none = planEmbed(at(''), observed);
    expect(none.ok).to.equal(false);
    if (!none.ok) expect(none.message).to.match(/^No element chosen/);
  });

  it('takes #data= as base64url UTF-8 JSON text (non-ASCII too) and passes own attributes only', () => {
    const json = JSON.stringify({ name: 'Wöchentlich aktive Teams ✓', value: 12840 });
    const plan = planEmbed(at('?el=goal-progress&theme=dark&as-of=2026-11-20&onclick=alert(1)&style=x&bogus=1', `#data=${b64url(json)}`), observed);
    expect(plan.ok).to.equal(true);
    if (plan.ok) {
      expect(plan.data).to.equal(json);
      // `onclick` is refused even if an element listed it; unknown parameters are ignored.
      expect(plan.attributes).to.deep.equal([['theme', 'dark'], ['as-of', '2026-11-20']]);
    }
  });

  it('reports bad base64 and missing data', () => {
    const bad = planEmbed(at('?el=funnel-chart', '#data=%%%'), observed);
    expect(bad.ok).to.equal(false);
    if (!bad.ok) expect(bad.message).to.contain('not valid base64url');
    const missing = planEmbed(at('?el=funnel-chart'), observed);
    expect(missing.ok).to.equal(false);
    if (!missing.ok) expect(missing.message).to.contain('No data given for <funnel-chart>');
  });
});

describe('embed page: isAllowedSrc and decodeBase64Url', () => {
  it('allows http(s) and relative URLs only', () => {
    for (const ok of ['data.json', './data.json', '../data/x.csv', '/x.json', 'https://a.example/x.json', 'http://a.example/x.csv', '//cdn.example/x.json', '?v=1']) {
      expect(isAllowedSrc(ok, base), ok).to.equal(true);
    }
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:application/json,{}', 'blob:https://a/x', 'file:///etc/passwd', 'ftp://a/x', 'https:\\\\evil', '']) {
      expect(isAllowedSrc(bad, base), JSON.stringify(bad)).to.equal(false);
    }
  });

  it('decodes base64url and standard base64, with or without padding; rejects the rest', () => {
    expect(decodeBase64Url(b64url('{"a":"ü"}'))).to.equal('{"a":"ü"}');
    expect(decodeBase64Url(btoa('{"a":1}'))).to.equal('{"a":1}');
    expect(decodeBase64Url('e30')).to.equal('{}');
    expect(decodeBase64Url('not base64!')).to.equal(null);
    expect(decodeBase64Url('/w')).to.equal(null); // 0xFF is not UTF-8
  });
});
