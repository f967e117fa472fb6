// Typos and OCR damage (issue #17): the lexicon arrives after the first
// results, from dist/ (words.bin beside the page) and from draftcheck.html
// on file:// (inlined); a typo's card offers its one-click fix; the user's
// dictionary silences a word.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, DIST, settled } from './harness.mjs';

let browser, server;
before(async () => ({ browser, server } = await launch()));
after(async () => {
  await browser?.close();
  server?.close();
});

// 按排 for 安排 (an input-method slip by sound), 千部 for 干部 (a misread
// character), and a blank, which is shown before the lexicon is read.
const DRAFT =
  '关于2025年度党风廉政建设工作情况的报告\n' +
  '一、主要工作\n' +
  '局党组认真按排部署全年工作，组织全体千部开展廉政教育XX次。\n';

async function typoCardAndFix(page) {
  await page.fill('[data-testid=editor]', DRAFT);
  await settled(page);
  // The other rules do not wait for the lexicon.
  await page.locator('[data-testid=mark][data-category=placeholder]').waitFor();
  const typo = page.locator('[data-testid=mark][data-rule=typo]');
  await typo.waitFor({ timeout: 20000 });
  assert.equal(await typo.count(), 1);
  assert.equal(await typo.textContent(), '按');
  const ocr = page.locator('[data-testid=mark][data-rule=ocr-damage]');
  assert.equal(await ocr.count(), 1);
  assert.equal(await ocr.textContent(), '千');
  assert.equal(await ocr.getAttribute('data-category'), 'wording');
  await typo.click();
  const card = page.locator('[data-testid=card]');
  await card.waitFor();
  assert.match(await card.locator('.card-fix').textContent(), /“安”/);
  await card.locator('[data-testid=apply-fix]').click();
  await page.locator('[data-testid=mark][data-rule=typo]').waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('[data-testid=editor]'), DRAFT.replace('按排', '安排'));
}

test('from dist/: the lexicon is fetched after the first results; a typo card and its fix', async () => {
  const context = await browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const page = await openApp(browser, server, { context });
  await typoCardAndFix(page);
  assert.ok(requests.includes('/words.bin'), 'words.bin is fetched');
  assert.ok(requests.includes('/engine.wasm'), 'the engine is fetched');
  await context.close();
});

test('from draftcheck.html on file://: the inlined lexicon, no request', async () => {
  const context = await browser.newContext();
  const urls = [];
  context.on('request', (r) => urls.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const fileUrl = `file://${DIST}/draftcheck.html`;
  await page.goto(fileUrl);
  await page.locator('[data-testid=editor]').waitFor({ timeout: 30000 });
  await typoCardAndFix(page);
  assert.deepEqual(errors, []);
  // Besides the file, only the analysis worker's Blob (memory, not the network).
  assert.deepEqual(urls.filter((u) => !u.startsWith('blob:null/')), [fileUrl]);
  await context.close();
});

test('a word in the user dictionary is not flagged, and survives a reload', async () => {
  const context = await browser.newContext();
  const page = await openApp(browser, server, { context });
  await page.fill('[data-testid=editor]', DRAFT);
  await settled(page);
  await page.locator('[data-testid=mark][data-rule=typo]').waitFor({ timeout: 20000 });
  await page.click('[data-testid=tab-more]');
  await page.fill('[data-testid=dictionary-entries]', '按排');
  await page.click('[data-testid=dictionary-save]');
  await page.locator('[data-testid=mark][data-rule=typo]').waitFor({ state: 'detached' });
  assert.equal(await page.locator('[data-testid=mark][data-rule=ocr-damage]').count(), 1);
  // A malformed line is refused with its line number, and nothing changes.
  await page.fill('[data-testid=dictionary-entries]', '按排\n错 词 两个');
  await page.click('[data-testid=dictionary-save]');
  assert.match(await page.locator('[data-testid=dictionary-error]').textContent(), /第 2 行/);
  const again = await context.newPage();
  await again.goto(page.url());
  await again.locator('[data-testid=editor]').waitFor({ timeout: 30000 });
  await again.fill('[data-testid=editor]', DRAFT);
  await settled(again);
  await again.locator('[data-testid=mark][data-rule=ocr-damage]').waitFor({ timeout: 20000 });
  assert.equal(await again.locator('[data-testid=mark][data-rule=typo]').count(), 0);
  await context.close();
});
