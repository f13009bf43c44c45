import { expect } from '@open-wc/testing';
import { safeHref } from '../../src/core/links.js';

describe('safeHref', () => {
  const rejected = [
    'javascript:__pwned++', 'JAVASCRIPT:__pwned++', 'java\tscript:__pwned++', '\u0000javascript:__pwned++',
    ' javascript:__pwned++', 'data:text/html,<script>1</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', '', '   ',
    'java\nscript:alert(1)', 'mailto:x@example.com',
  ];
  for (const href of rejected) it(`rejects ${JSON.stringify(href)}`, () => expect(safeHref(href)).to.equal(null));

  const allowed: Array<[string, string]> = [
    ['https://ok.example/x', 'https://ok.example/x'], ['HTTP://ok.example', 'HTTP://ok.example'], ['/rel', '/rel'],
    ['rel', 'rel'], ['//evil.example/x', '//evil.example/x'], ['  /trimmed  ', '/trimmed'], ['?q=a:b', '?q=a:b'],
    ['#x', '#x'], ['dash/board?a=1:2', 'dash/board?a=1:2'],
  ];
  for (const [href, expected] of allowed) it(`allows ${JSON.stringify(href)}`, () => expect(safeHref(href)).to.equal(expected));
});
