import { TAGS, mount, interact, sampleData, cleanup } from './helpers.js';
import '../../src/define-all.js';
describe('debug', () => {
  for (const tag of TAGS) it(tag, async () => {
    const errs: any[] = [];
    const h = (e: any) => errs.push(e.reason?.stack ?? e.error?.stack ?? e.message);
    window.addEventListener('unhandledrejection', h); window.addEventListener('error', h);
    const el = await mount(tag, sampleData(tag));
    await interact(el, 25);
    await new Promise(r => setTimeout(r, 200));
    console.log(tag, JSON.stringify(errs));
    cleanup();
  });
});
