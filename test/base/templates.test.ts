import { expect, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { renderDataTable, type DataTable } from '../../src/base/templates.js';

// The hidden data table's rows render after first paint (bench/RESULTS.md F2); every row must
// still arrive, and re-renders must never leave the table without rows it had.
describe('renderDataTable: rows deferred past first paint', () => {
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.appendChild(host);
  });
  afterEach(() => {
    render(null, host);
    host.remove();
  });

  const table = (n: number, calls?: { count: number }, tag = 'v'): DataTable => ({
    caption: 'History',
    columns: ['Date', 'Value'],
    rows: () => {
      if (calls) calls.count++;
      return Array.from({ length: n }, (_, i) => [`day ${i}`, `${tag}${i}`]);
    },
  });
  const rows = () => [...host.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
  const ready = () => waitUntil(() => !host.querySelector('table')!.hasAttribute('aria-busy'), 'rows rendered');

  it('renders the caption at once, marks the table busy, then renders the headers and every row', async () => {
    const calls = { count: 0 };
    render(renderDataTable(table(365, calls)), host);
    const el = host.querySelector('table')!;
    expect(el.getAttribute('aria-busy')).to.equal('true');
    expect(el.querySelector('caption')!.textContent).to.equal('History');
    expect(el.querySelectorAll('th'), 'no headers without data cells').to.have.length(0);
    expect(rows()).to.have.length(0);
    expect(calls.count, 'rows are not formatted during the render').to.equal(0);
    await ready();
    expect([...el.querySelectorAll('th[scope="col"]')].map((th) => th.textContent)).to.deep.equal(['Date', 'Value']);
    expect(calls.count).to.equal(1);
    expect(rows()).to.have.length(365);
    expect(rows()[364]).to.deep.equal(['day 364', 'v364']);
    expect(host.querySelectorAll('tbody th[scope="row"]')).to.have.length(365);
    expect(host.querySelector('table')).to.equal(el);
  });

  it('accepts rows as an array too', async () => {
    render(renderDataTable({ caption: 'c', columns: ['a', 'b'], rows: [['x', '1'], ['y', '2']] }), host);
    await ready();
    expect(rows()).to.deep.equal([['x', '1'], ['y', '2']]);
  });

  it('keeps the shown rows during a re-render and replaces them with the new ones', async () => {
    render(renderDataTable(table(3)), host);
    await ready();
    render(renderDataTable(table(4, undefined, 'w')), host);
    expect(rows(), 'old rows stay until the new ones are ready').to.deep.equal([['day 0', 'v0'], ['day 1', 'v1'], ['day 2', 'v2']]);
    expect(host.querySelector('table')!.hasAttribute('aria-busy')).to.equal(false);
    await waitUntil(() => rows().length === 4, 'new rows');
    expect(rows()[3]).to.deep.equal(['day 3', 'w3']);
  });

  it('does not render the rows while disconnected, and renders them on reconnection', async () => {
    const calls = { count: 0 };
    const part = render(renderDataTable(table(5, calls)), host);
    part.setConnected(false);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(calls.count).to.equal(0);
    part.setConnected(true);
    await ready();
    expect(rows()).to.have.length(5);
  });
});
