// The page's download holds the UI and a few rules; the analysis engine
// (engine.wasm: every rule) is fetched after the first results
// (src/web/deferred.rs, src/web/engine.rs). The first results must not
// wait for it, the whole report must follow it, and a page whose engine
// cannot be had must go on with its own rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, settled } from './harness.mjs';

let browser, server;
before(async () => ({ browser, server } = await launch()));
after(async () => {
  await browser?.close();
  server?.close();
});

// A blank (the page's own placeholder rule), a part over its whole (其中) and a
// typo (the engine's rules).
const DRAFT =
  '关于2025年度安全生产工作情况的报告\n' +
  '一、主要工作\n' +
  '全年开展检查XX次，共排查隐患120处，其中重大隐患150处。局党组认真按排部署。\n';

const rules = (page) =>
  page.$$eval('[data-testid=mark]', (ms) => [...new Set(ms.map((m) => m.dataset.rule))].sort());

test('the first results come before the engine, the whole report after it', async () => {
  const context = await browser.newContext();
  let release;
  const held = new Promise((r) => (release = r));
  await context.route('**/engine.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const page = await openApp(browser, server, { context, engine: false });
  await page.fill('[data-testid=editor]', DRAFT);
  await settled(page);
  await page.locator('[data-testid=mark][data-rule=placeholder]').waitFor();
  assert.equal(await page.getAttribute('html', 'data-engine'), null, 'the engine is still held back');
  assert.deepEqual(await rules(page), ['placeholder']);
  release();
  await page.locator('html[data-engine=ready]').waitFor({ timeout: 30000 });
  await page.locator('[data-testid=mark][data-rule=typo]').waitFor({ timeout: 20000 });
  assert.deepEqual(await rules(page), ['placeholder', 'subset-exceeds-total', 'typo']);
  // The card's explanation is the engine's (the page carries none).
  await page.locator('[data-testid=mark][data-rule=subset-exceeds-total]').click();
  const why = await page.locator('[data-testid=explanation]').first().textContent();
  assert.ok(why.length > 20, `an explanation: ${why}`);
  await context.close();
});

test('without its engine the page goes on with its own rules', async () => {
  const context = await browser.newContext();
  await context.route('**/engine.wasm', (route) => route.fulfill({ status: 404, body: '' }));
  const errors = [];
  const page = await openApp(browser, server, { context, engine: false });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.locator('html[data-engine=failed]').waitFor({ timeout: 30000 });
  // The user is told which checks are off, and why.
  assert.match(await page.locator('[data-testid=notice]').textContent(), /engine\.wasm.*只检查占位符/s);
  await page.fill('[data-testid=editor]', DRAFT);
  await settled(page);
  await page.locator('[data-testid=mark][data-rule=placeholder]').waitFor();
  assert.deepEqual(await rules(page), ['placeholder']);
  assert.match(await page.locator('[data-testid=summary]').textContent(), /错误/);
  assert.deepEqual(errors, [], 'no unhandled rejection');
  await context.close();
});
