/**
 * RELIABILITY D1 (browser part): property-based fuzzing of the four elements themselves, through
 * the `data` property (any JS value, NaN included) and the `data` attribute (JSON text).
 * Per assignment: no uncaught exception or unhandled rejection; at most one `nsw-load` and one
 * `nsw-error`, at least one of them, and both only when the error is `partial` (the base's
 * documented semantics for dropped parts); every issue has a non-empty path; no `NaN`/`Infinity`
 * in any SVG/geometry attribute; no `NaN` shown unless the data itself said so; `summary` readable;
 * `Object.prototype` untouched; `__pwned === 0`. The seed is printed (see arbitraries.ts).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  TAGS,
  type Tag,
  type Widget,
  Watch,
  badNumericAttributes,
  cleanup,
  defined,
  eventContractViolations,
  hover,
  mount,
  nonFiniteText,
  recordEvents,
  report,
  resetPwned,
  sleep,
} from './helpers.js';
import { FUZZ_SEED, checkProperty, dataArbitrary, jsonLeaf, nonFiniteNumbers, prototypeIntact } from './arbitraries.js';

export const ELEMENT_RUNS = 200;

async function assign(el: Widget, apply: () => void, same: boolean): Promise<ReturnType<typeof recordEvents>> {
  if (same) {
    // The same primitive again would not be a change; reset first so every case is an assignment.
    el.data = undefined;
    el.removeAttribute('data');
    await el.updateComplete;
  }
  const events = recordEvents(el);
  apply();
  await el.updateComplete;
  await el.updateComplete;
  return events;
}

function check(el: Widget, events: ReturnType<typeof recordEvents>, raw: unknown, expectEvents: boolean, watch: Watch): string[] {
  const problems: string[] = [];
  if (expectEvents) problems.push(...eventContractViolations(events));
  else if (events.load.length + events.error.length) problems.push('events without data');
  problems.push(...badNumericAttributes(el).map((a) => `non-finite attribute ${a}`));
  const dataSaysNonFinite = /NaN|Infinity|∞/.test(JSON.stringify(raw) ?? '') || nonFiniteNumbers(raw).length > 0;
  if (!dataSaysNonFinite) problems.push(...nonFiniteText(el).map((t) => `non-finite text "${t}"`));
  try {
    const summary = el.summary;
    if (typeof summary !== 'string') problems.push(`summary is ${typeof summary}`);
    else if (!dataSaysNonFinite && /\bNaN\b|Infinity/.test(summary)) problems.push(`summary shows NaN/Infinity: ${summary.slice(0, 100)}`);
  } catch (error) {
    problems.push(`summary threw ${error}`);
  }
  if (!prototypeIntact()) problems.push('Object.prototype modified');
  if (watch.errors.length || watch.rejections.length) problems.push(`uncaught: ${[...watch.errors, ...watch.rejections].join(' | ').slice(0, 300)}`);
  if (window.__pwned) problems.push('script executed');
  return problems;
}

describe('D1 fuzz: the elements in the browser (fast-check)', function () {
  this.timeout(180_000);
  const totals: Record<string, number> = {};
  let watch: Watch;

  before(async () => {
    await import('../../src/define-all.js').catch((error) => console.warn('define-all not loadable yet:', error));
    report('D1 fuzz seed', { seed: FUZZ_SEED });
  });
  beforeEach(() => {
    resetPwned();
    watch = new Watch().start();
  });
  afterEach(() => {
    watch.stop();
    cleanup();
  });
  after(() => report('D1 element fuzz cases', { ...totals, total: Object.values(totals).reduce((a, b) => a + b, 0) }));

  for (const tag of TAGS as readonly Tag[]) {
    it(`${tag}: ${ELEMENT_RUNS} assignments via property and attribute keep the event contract, no NaN, no throw`, async function () {
      if (!defined(tag)) this.skip();
      const viaProperty = await mount(tag, undefined, { width: 480 });
      const viaAttribute = await mount(tag, undefined, { width: 480 });
      let runs = 0;
      let previous: unknown = Symbol('none');
      let previousJson: string | null = null;
      await checkProperty(
        fc.asyncProperty(dataArbitrary(tag), fc.boolean(), fc.boolean(), async (raw, useAttribute, doHover) => {
          runs++;
          let el: Widget;
          let events: ReturnType<typeof recordEvents>;
          let expectEvents: boolean;
          if (useAttribute) {
            el = viaAttribute;
            const json = JSON.stringify(raw) ?? 'null';
            const jsonRaw = JSON.parse(json);
            events = await assign(el, () => el.setAttribute('data', json), json === previousJson);
            previousJson = json;
            expectEvents = true;
            raw = jsonRaw;
          } else {
            el = viaProperty;
            events = await assign(el, () => (el.data = raw), Object.is(raw, previous));
            previous = raw;
            expectEvents = raw !== null && raw !== undefined;
          }
          if (doHover) {
            for (const svg of Array.from(el.shadowRoot.querySelectorAll('svg')).slice(0, 3)) hover(svg);
            await el.updateComplete;
          }
          const problems = check(el, events, raw, expectEvents, watch);
          if (problems.length) throw new Error(`${tag} via ${useAttribute ? 'attribute' : 'property'}: ${problems.join('; ')}`);
        }),
        { numRuns: ELEMENT_RUNS, seed: FUZZ_SEED },
      );
      await sleep(50);
      expect(window.__pwned).to.equal(0);
      totals[tag] = runs;
      report(`D1 element ${tag}`, { cases: runs, uncaught: watch.errors.length + watch.rejections.length });
    });

    it(`${tag}: JSON-only structure-aware data with hostile leaves via the attribute (60 cases)`, async function () {
      if (!defined(tag)) this.skip();
      const el = await mount(tag, undefined, { width: 320 });
      let previousJson = '';
      await checkProperty(
        fc.asyncProperty(dataArbitrary(tag, jsonLeaf), async (raw) => {
          const json = JSON.stringify(raw) ?? 'null';
          const events = await assign(el, () => el.setAttribute('data', json), json === previousJson);
          previousJson = json;
          const problems = check(el, events, JSON.parse(json), true, watch);
          if (problems.length) throw new Error(problems.join('; '));
        }),
        { numRuns: 60, seed: FUZZ_SEED + 1 },
      );
      totals[`${tag} (attribute)`] = 60;
    });
  }
});
