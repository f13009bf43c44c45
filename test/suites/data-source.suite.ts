/**
 * The data-source suite: SPEC "Giving an element its data" and the shared error/event behaviour,
 * written once and run against every element.
 *
 * Usage (in `test/<tag>/data-source.test.ts`):
 *
 *   import '../../src/funnel-chart.js';
 *   import { runDataSourceSuite } from '../suites/data-source.suite.js';
 *   runDataSourceSuite({
 *     tag: 'funnel-chart',
 *     valid: { name: 'Signup funnel', steps: [{ name: 'Visit', value: 1000 }, { name: 'Sign up', value: 120 }] },
 *     invalid: { data: { name: 'F', steps: [{ name: 'A', value: 'abc' }] }, path: 'steps[0].value' },
 *     csv: { text: 'name,value\nVisit,1000\nSign up,120\n', expect: 'Sign up' },   // optional
 *     fixture: '/test/fixtures/funnel-chart.json',                               // optional
 *   });
 *
 * Options:
 * - `tag`      the element's tag; it must already be defined (import its registration module).
 * - `valid`    data the element accepts as a whole (no dropped parts).
 * - `rename`   `(data, label) => data` returning a copy of `valid` whose rendered text contains `label`;
 *              default `{ ...data, name: label }`. Used to tell the sources apart (precedence, refresh).
 * - `invalid`  `{ data, path }`: data the element rejects, with one issue at `path` (e.g. `value`).
 * - `fixture`  optional URL of a JSON file holding `valid` (wtr serves the project root, e.g.
 *              `/test/fixtures/<tag>.json`). Without it the `src` test fetches a `blob:` URL of `valid`.
 * - `csv`      optional `{ text, expect }`: CSV text accepted from `src` and a string then shown.
 *
 * It checks: the `data` property, the `data` attribute, an inline `<script type="application/json">`
 * child (present at upgrade, added after upgrade, malformed → "inline JSON: SyntaxError"), `src`
 * (JSON, CSV, HTTP 404 naming URL and status, timeout), precedence (property > attribute > script > src),
 * `nsw-load` `detail.source`, `nsw-error` `detail.issues` with paths, the error panel, a refresh whose second
 * fetch fails (data kept, marked stale), and that a quick `src` change aborts the stale request.
 * `window.fetch` is stubbed only in the tests that need it and restored afterwards.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';

export interface DataSourceSuiteOptions {
  tag: string;
  valid: unknown;
  rename?: (data: unknown, label: string) => unknown;
  invalid: { data: unknown; path: string };
  fixture?: string;
  csv?: { text: string; expect: string };
}

type Widget = HTMLElement & { data?: unknown; updateComplete: Promise<boolean>; summary: string };

interface Issue {
  path: string;
  message: string;
}

/** Text of an element's shadow root (or of a node inside one), whitespace collapsed. */
const text = (el: Element) => ((el.shadowRoot ?? el).textContent ?? '').replace(/\s+/g, ' ');
const errorPanel = (el: Element) => el.shadowRoot?.querySelector('[part="error"]') ?? null;

function jsonBlobUrl(data: unknown, type = 'application/json'): string {
  return URL.createObjectURL(new Blob([typeof data === 'string' ? data : JSON.stringify(data)], { type }));
}

/** A `fetch` stand-in that never answers but rejects when its request is aborted (as fetch does). */
function hangingFetch(signals: AbortSignal[] = []): typeof fetch {
  return ((_input: RequestInfo | URL, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      const signal = init?.signal;
      if (signal) signals.push(signal);
      signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
    })) as typeof fetch;
}

function jsonResponse(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
}

export function runDataSourceSuite(options: DataSourceSuiteOptions): void {
  const { tag, valid, invalid } = options;
  const rename = options.rename ?? ((data: unknown, label: string) => ({ ...(data as object), name: label }));

  describe(`${tag}: data sources (shared suite)`, () => {
    let container: HTMLElement;
    const realFetch = window.fetch;
    const urls: string[] = [];

    // A plain container rather than fixture(): fixture() waits for an animation frame, which a
    // background tab (Firefox running two test pages at once) may never give.
    beforeEach(() => {
      container = document.createElement('div');
      document.body.appendChild(container);
    });
    afterEach(() => {
      container.remove();
      delete (document as unknown as { hidden?: boolean }).hidden;
      window.fetch = realFetch;
      for (const url of urls.splice(0)) URL.revokeObjectURL(url);
    });

    const blob = (data: unknown, type?: string) => {
      const url = jsonBlobUrl(data, type);
      urls.push(url);
      return url;
    };

    /** Creates the element (not yet connected when `connect` is false). */
    function create(setup?: (el: Widget) => void, connect = true): Widget {
      const el = document.createElement(tag) as Widget;
      setup?.(el);
      if (connect) container.appendChild(el);
      return el;
    }

    it('accepts the data property (nsw-load source "property")', async () => {
      const el = create();
      const loaded = oneEvent(el, 'nsw-load');
      el.data = rename(valid, 'From property');
      const event = await loaded;
      expect(event.detail.source).to.equal('property');
      expect(text(el)).to.contain('From property');
      expect(errorPanel(el)).to.equal(null);
    });

    it('accepts the data attribute (JSON text, nsw-load source "attribute")', async () => {
      const el = create();
      const loaded = oneEvent(el, 'nsw-load');
      el.setAttribute('data', JSON.stringify(rename(valid, 'From attribute')));
      expect((await loaded).detail.source).to.equal('attribute');
      expect(text(el)).to.contain('From attribute');
    });

    it('reports a malformed data attribute with its path', async () => {
      const el = create();
      const failed = oneEvent(el, 'nsw-error');
      el.setAttribute('data', '{"name": ');
      const event = await failed;
      expect(event.detail.issues[0].path).to.equal('data attribute');
      expect(event.detail.issues[0].message).to.match(/^SyntaxError/);
      expect(errorPanel(el)).not.to.equal(null);
    });

    it('reads an inline JSON script child present at upgrade (source "script")', async () => {
      const el = create((el) => {
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = JSON.stringify(rename(valid, 'From script'));
        el.appendChild(script);
      }, false);
      const loaded = oneEvent(el, 'nsw-load');
      container.appendChild(el);
      expect((await loaded).detail.source).to.equal('script');
      expect(text(el)).to.contain('From script');
    });

    it('reads an inline JSON script child added after upgrade, and its later edits', async () => {
      const el = create();
      await el.updateComplete;
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify(rename(valid, 'Added later'));
      const loaded = oneEvent(el, 'nsw-load');
      el.appendChild(script);
      expect((await loaded).detail.source).to.equal('script');
      expect(text(el)).to.contain('Added later');
      const again = oneEvent(el, 'nsw-load');
      script.textContent = JSON.stringify(rename(valid, 'Edited script'));
      await again;
      expect(text(el)).to.contain('Edited script');
    });

    it('reports a malformed inline script as "inline JSON: SyntaxError"', async () => {
      const el = create();
      await el.updateComplete;
      const failed = oneEvent(el, 'nsw-error');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = '{"name": "x",}';
      el.appendChild(script);
      const event = await failed;
      expect(event.detail.issues[0].path).to.equal('inline JSON');
      expect(event.detail.message).to.match(/^inline JSON: SyntaxError/);
      await el.updateComplete;
      expect(text(errorPanel(el)!)).to.match(/inline JSON: ?SyntaxError/);
    });

    it('fetches src JSON (source "src")', async () => {
      const el = create();
      const loaded = oneEvent(el, 'nsw-load');
      el.setAttribute('src', options.fixture ?? blob(valid));
      expect((await loaded).detail.source).to.equal('src');
      await el.updateComplete;
      expect(errorPanel(el)).to.equal(null);
      expect(el.summary).to.be.a('string').and.not.equal('');
    });

    if (options.csv) {
      const csv = options.csv;
      it('fetches src CSV', async () => {
        const el = create();
        const loaded = oneEvent(el, 'nsw-load');
        el.setAttribute('src', blob(csv.text, 'text/csv'));
        expect((await loaded).detail.source).to.equal('src');
        await el.updateComplete;
        expect(text(el)).to.contain(csv.expect);
      });
    }

    it('names the URL and "HTTP 404" when src is not found', async () => {
      const el = create();
      const failed = oneEvent(el, 'nsw-error');
      el.setAttribute('src', '/test/fixtures/does-not-exist.json');
      const event = await failed;
      expect(event.detail.issues[0].path).to.equal('src');
      expect(event.detail.message).to.contain('/test/fixtures/does-not-exist.json');
      expect(event.detail.message).to.contain('HTTP 404');
      await el.updateComplete;
      expect(text(errorPanel(el)!)).to.contain('HTTP 404');
    });

    it('times out a src that never answers (timeout attribute, seconds)', async () => {
      const signals: AbortSignal[] = [];
      window.fetch = hangingFetch(signals);
      const el = create((el) => el.setAttribute('timeout', '0.2'));
      const failed = oneEvent(el, 'nsw-error');
      el.setAttribute('src', '/never/answers.json');
      const event = await failed;
      expect(event.detail.message).to.contain('/never/answers.json');
      expect(event.detail.message).to.contain('timed out after 0.2 s');
      expect(signals[0].aborted).to.equal(true);
    });

    it('reports invalid data with the path (nsw-error, error panel)', async () => {
      const el = create();
      const failed = oneEvent(el, 'nsw-error');
      el.data = invalid.data;
      const event = await failed;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.partial).to.equal(false);
      expect((event.detail.issues as Issue[]).map((issue) => issue.path)).to.include(invalid.path);
      expect(event.detail.message).to.contain(`${invalid.path}: `);
      await el.updateComplete;
      expect(text(errorPanel(el)!)).to.contain(invalid.path);
    });

    it('does not throw for hostile top-level values', async () => {
      const el = create();
      for (const bad of [null, 42, 'text', [], [1, 2], true]) {
        el.data = bad;
        await el.updateComplete;
      }
      el.data = valid;
      await el.updateComplete;
      expect(errorPanel(el)).to.equal(null);
    });

    it('takes the property over the attribute over the script over src, and falls back in order', async () => {
      window.fetch = (async () => jsonResponse(rename(valid, 'Source S4'))) as typeof fetch;
      const el = create((el) => {
        el.setAttribute('src', '/fixture/from-src.json');
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = JSON.stringify(rename(valid, 'Source S3'));
        el.appendChild(script);
        el.setAttribute('data', JSON.stringify(rename(valid, 'Source S2')));
        el.data = rename(valid, 'Source S1');
      }, false);
      container.appendChild(el);
      await el.updateComplete;
      expect(text(el)).to.contain('Source S1');

      let next = oneEvent(el, 'nsw-load');
      el.data = undefined;
      expect((await next).detail.source).to.equal('attribute');
      expect(text(el)).to.contain('Source S2');

      next = oneEvent(el, 'nsw-load');
      el.removeAttribute('data');
      expect((await next).detail.source).to.equal('script');
      expect(text(el)).to.contain('Source S3');

      next = oneEvent(el, 'nsw-load');
      el.querySelector('script')!.remove();
      expect((await next).detail.source).to.equal('src');
      await el.updateComplete;
      expect(text(el)).to.contain('Source S4');
    });

    it('keeps the data, marked stale, when a refresh fails', async () => {
      let calls = 0;
      window.fetch = (async () => {
        calls++;
        return calls === 1 ? jsonResponse(rename(valid, 'First load')) : new Response('boom', { status: 500, statusText: 'Server Error' });
      }) as typeof fetch;
      // Refreshing pauses while the page is hidden, which a background test tab is: pretend it is shown.
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      const el = create((el) => el.setAttribute('refresh', '0.2'));
      const loaded = oneEvent(el, 'nsw-load');
      el.setAttribute('src', '/fixture/refreshing.json');
      await loaded;
      const failed = oneEvent(el, 'nsw-error');
      const event = await failed;
      expect(event.detail.partial).to.equal(true);
      expect(event.detail.message).to.contain('HTTP 500');
      await el.updateComplete;
      expect(text(el)).to.contain('First load');
      expect(errorPanel(el)).to.equal(null);
      const stale = el.shadowRoot!.querySelector('[part="stale"]');
      expect(stale, 'stale marker').not.to.equal(null);
      expect(text(stale!)).to.contain('HTTP 500');
      el.remove();
    });

    it('aborts the stale request when src changes quickly; the last src wins', async () => {
      const signals: Record<string, AbortSignal> = {};
      window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        if (init?.signal) signals[url] = init.signal;
        const slow = url.includes('slow');
        return new Promise<Response>((resolve, reject) => {
          const timer = setTimeout(() => resolve(jsonResponse(rename(valid, slow ? 'Slow answer' : 'Fast answer'))), slow ? 300 : 20);
          init?.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new DOMException('The operation was aborted.', 'AbortError'));
          });
        });
      }) as typeof fetch;
      const el = create();
      el.setAttribute('src', '/fixture/slow.json');
      await el.updateComplete;
      const loaded = oneEvent(el, 'nsw-load');
      el.setAttribute('src', '/fixture/fast.json');
      await loaded;
      expect(signals['/fixture/slow.json'].aborted).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(text(el)).to.contain('Fast answer');
      expect(text(el)).not.to.contain('Slow answer');
    });

    it('clears the view when every source is removed', async () => {
      const el = create((el) => (el.data = valid));
      await el.updateComplete;
      el.data = undefined;
      await el.updateComplete;
      await waitUntil(() => !text(el).includes('Can’t show'), 'no error panel');
      expect(el.summary).to.equal('');
    });
  });
}
