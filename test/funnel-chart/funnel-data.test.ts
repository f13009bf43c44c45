import { expect } from '@open-wc/testing';
import { funnelFromCsv, normalizeFunnel } from '../../src/funnel-chart/funnel-data.js';
import { parseCsv } from '../../src/core/parse.js';

describe('funnel-data: normalizeFunnel', () => {
  it('reads a full funnel', () => {
    const { value, issues } = normalizeFunnel({
      name: 'Signup', comparison: 'last week', format: { maximumFractionDigits: 0 }, extra: 1,
      steps: [
        { name: 'Visited', value: '12000', previous: 11000, segments: { organic: 7000, 'paid search': 5000 } },
        { name: 'Signed up', value: 480, medianTime: 8100, href: 'javascript:alert(1)' },
      ],
    });
    expect(issues).to.deep.equal([{ path: 'steps[1].href', message: 'only http(s) and relative links are followed, got "javascript:alert(1)"; link removed' }]);
    expect(value!.name).to.equal('Signup');
    expect(value!.steps[0]).to.deep.include({ id: 'visited', name: 'Visited', value: 12000, previous: 11000 });
    expect({ ...value!.steps[0].segments }).to.deep.equal({ organic: 7000, 'paid search': 5000 });
    expect(value!.steps[1].medianTime).to.equal(8100);
    expect(value!.steps[1].href).to.equal(undefined);
  });

  it('a bad step value is fatal, with its path', () => {
    const result = normalizeFunnel({ steps: [{ name: 'a', value: 1 }, { name: 'b', value: 1 }, { name: 'c', value: 'abc' }] });
    expect(result.value).to.equal(null);
    expect(result.issues).to.deep.equal([{ path: 'steps[2].value', message: 'expected a non-negative number, got "abc"' }]);
  });

  for (const bad of [Number.NaN, Infinity, -1, null, '', ' ', '0x10', '1e400', '1,234']) {
    it(`rejects value ${JSON.stringify(bad) ?? String(bad)}`, () => {
      const result = normalizeFunnel({ steps: [{ name: 'a', value: bad }] });
      expect(result.value).to.equal(null);
      expect(result.issues[0].path).to.equal('steps[0].value');
    });
  }

  it('missing, empty or wrong steps are fatal', () => {
    expect(normalizeFunnel({}).issues).to.deep.equal([{ path: 'steps', message: 'required, expected a list of at least 1 step' }]);
    expect(normalizeFunnel({ steps: [] }).issues[0].message).to.match(/at least 1 step/);
    expect(normalizeFunnel({ steps: 'x' }).issues[0].path).to.equal('steps');
    expect(normalizeFunnel('nope').issues[0].path).to.equal('data');
    expect(normalizeFunnel({ steps: [5] }).issues[0].path).to.equal('steps[0]');
  });

  it('a bad previous, medianTime or segment is dropped, the rest kept', () => {
    const { value, issues } = normalizeFunnel({
      steps: [
        { name: 'a', value: 100, previous: 'n/a', medianTime: -5, segments: { x: 50, y: 'lots', 'z z': -1 } },
        { name: 'b', value: 10, segments: { x: 20 } },
        { value: 5 },
      ],
    });
    expect(issues.map((i) => i.path)).to.deep.equal([
      'steps[0].previous', 'steps[0].medianTime', 'steps[0].segments.y', 'steps[0].segments["z z"]', 'steps[1].segments', 'steps[2].name',
    ]);
    expect(issues[0].message).to.equal('expected a non-negative number, got "n/a"; dropped');
    expect(issues[4].message).to.match(/add up to 20, more than the step's value 10; dropped/);
    expect(value!.steps[0].previous).to.equal(undefined);
    expect({ ...value!.steps[0].segments }).to.deep.equal({ x: 50 });
    expect(value!.steps[1].segments).to.equal(undefined);
    expect(value!.steps[2].name).to.equal('Step 3');
  });

  it('ignores __proto__ and keeps ids unique', () => {
    const raw = JSON.parse('{"__proto__":{"polluted":1},"steps":[{"name":"A","value":1,"segments":{"__proto__":{"polluted":1},"x":1}},{"name":"A","value":1}]}');
    const { value } = normalizeFunnel(raw);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(value!.steps.map((s) => s.id)).to.deep.equal(['a', 'a-2']);
  });

  it('accepts a bare array of steps', () => {
    expect(normalizeFunnel([{ name: 'A', value: 3 }]).value!.steps).to.have.length(1);
  });
});

describe('funnel-data: CSV', () => {
  it('reads name,value,previous,medianTime with strict numbers', () => {
    const rows = parseCsv('name,value,previous,medianTime,segment:organic\nVisited,1000,900,,600\nSigned up,400,,3600,250\n');
    const raw = funnelFromCsv(rows).value;
    const { value, issues } = normalizeFunnel(raw);
    expect(issues).to.deep.equal([]);
    expect(value!.steps[0]).to.deep.include({ name: 'Visited', value: 1000, previous: 900 });
    expect(value!.steps[1]).to.deep.include({ name: 'Signed up', value: 400, medianTime: 3600 });
    expect(value!.steps[1].segments!.organic).to.equal(250);
  });
  it('errors keep step paths', () => {
    const { issues } = normalizeFunnel(funnelFromCsv(parseCsv('name,value\na,10\nb,5\nc,abc\n')).value);
    expect(issues).to.deep.equal([{ path: 'steps[2].value', message: 'expected a non-negative number, got "abc"' }]);
  });
  it('needs name and value columns', () => {
    const result = funnelFromCsv(parseCsv('step,count\na,1\n'));
    expect(result.value).to.equal(null);
    expect(result.issues[0].message).to.match(/"name" and "value"/);
  });
});
