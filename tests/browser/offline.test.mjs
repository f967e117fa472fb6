// Offline and safe by construction: the single file works from file://
// with no request at all; the served build contacts nothing but its host;
// document text never becomes markup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, appUrl, ROOT, DIST, settled } from './harness.mjs';

let browser, server;
before(async () => ({ browser, server } = await launch()));
after(async () => {
  await browser?.close();
  server?.close();
});

const corpus = (name) => readFileSync(`${ROOT}/tests/fixtures/corpus/${name}`, 'utf8');

function recordRequests(context) {
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

test('the single file works from file:// with no network at all', async () => {
  const context = await browser.newContext();
  const urls = recordRequests(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The analysis runs in a worker built from a Blob URL of the page's own
  // (src/web/worker.rs): a Blob is memory, not the network.
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const fileUrl = `file://${DIST}/draftcheck.html`;
  await page.goto(fileUrl);
  await page.locator('[data-testid=editor]').waitFor({ timeout: 30000 });
  await page.fill('[data-testid=editor]', corpus('000-4_county_commission.txt'));
  await settled(page);
  await page.locator('[data-testid=mark][data-category=placeholder]').first().waitFor();
  assert.match(await page.locator('[data-testid=summary]').textContent(), /还有 \d+ 个错误/);
  assert.ok((await page.locator('[data-testid=section]').count()) >= 3);
  assert.deepEqual(errors, []);
  assert.equal(workers.length, 1, 'one analysis worker');
  assert.match(workers[0], /^blob:null\//);
  assert.deepEqual(warnings.filter((w) => /worker/.test(w)), [], 'the worker did not fail');
  assert.deepEqual(urls, [fileUrl, workers[0]], 'nothing is requested besides the file itself and its worker Blob');
  await context.close();
});

test('the single file carries everything inline and a strict CSP', () => {
  const html = readFileSync(`${DIST}/draftcheck.html`, 'utf8');
  assert.doesNotMatch(html, /(src|href)="(?!#|draftcheck\.html|data:)[^"]+"/, 'no external references');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "connect-src 'self'"]) assert.ok(csp.includes(d), d);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:/);
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
});

test('the served build makes no request beyond its own host', async () => {
  const context = await browser.newContext();
  const urls = recordRequests(context);
  const page = await openApp(browser, server, { context });
  await page.fill('[data-testid=editor]', corpus('002_district_2020_evaluation.txt'));
  await settled(page);
  await page.locator('[data-testid=mark]').first().waitFor();
  await page.click('[data-testid=tab-more]');
  await page.click('[data-testid=tab-profiles]');
  await page.waitForTimeout(300);
  const origin = new URL(appUrl(server)).origin;
  const foreign = urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(urls.length >= 3, `the page, its script and its wasm were requested (${urls.length})`);
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  await context.close();
});

test('pasted or uploaded HTML and scripts stay text', async () => {
  const hostile = [
    '关于<img src=x onerror="window.__pwned=1">的报告',
    '<script>window.__pwned=2</script>共有XX人',
    '<a href="javascript:window.__pwned=3">点此</a>',
    '<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>',
    '<style>body{display:none}</style><b onmouseover="window.__pwned=5">XX</b>',
  ].join('\n');
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', hostile);
  await settled(page);
  await page.locator('[data-testid=mark]').first().waitFor();
  // The text under the pointer (the textarea, the marks over it).
  await page.locator('[data-testid=surface]').hover();
  await page.locator('[data-testid=mark]').first().click();
  await page.setInputFiles('[data-testid=file-input]', { name: 'evil.txt', mimeType: 'text/plain', buffer: Buffer.from(hostile) });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('.doc img, .doc script, .doc iframe, .doc a, .doc style, .doc b, .side img').count(), 0);
  assert.match(await page.locator('.doc').textContent(), /<img src=x onerror=/);
  // The printable report escapes it too.
  await page.click('[data-testid=tab-more]');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-html]')]);
  const html = readFileSync(await dl.path(), 'utf8');
  assert.doesNotMatch(html, /<img|<script>window|<iframe/);
  await page.close();
});
