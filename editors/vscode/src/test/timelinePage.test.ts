import * as assert from 'node:assert/strict';
import { test } from 'node:test';

import { makeNonce, revealTarget, securePage } from '../timelinePage';

const PAGE = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<style>p{}</style>\n</head>\n' +
  '<body><p>x</p><script>run();</script></body></html>';

test('securePage allows only the nonce script and inline style', () => {
  const page = securePage(PAGE, 'abc123');
  assert.match(page, /<head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; /);
  assert.match(page, /script-src 'nonce-abc123'/);
  assert.ok(page.includes('<script nonce="abc123">run();</script>'));
  assert.ok(!page.includes('<script>'));
});

test('makeNonce gives 32 letters and digits', () => {
  const nonce = makeNonce();
  assert.match(nonce, /^[A-Za-z0-9]{32}$/);
  assert.notEqual(nonce, makeNonce());
});

test('revealTarget reads the reveal messages of the marks only', () => {
  assert.deepEqual(revealTarget({ command: 'reveal', line: 6, character: 4 }), {
    line: 6,
    character: 4,
  });
  assert.equal(revealTarget({ command: 'reveal', line: -1, character: 0 }), undefined);
  assert.equal(revealTarget({ command: 'reveal', line: 1.5, character: 0 }), undefined);
  assert.equal(revealTarget({ command: 'open', line: 1, character: 0 }), undefined);
  assert.equal(revealTarget('reveal'), undefined);
  assert.equal(revealTarget(null), undefined);
});
