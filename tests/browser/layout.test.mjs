// The workbench on office screens: 1280×720 and 1366×768 at 100, 125 and
// 150 % scaling (a CSS viewport of 1280/1.5 × 720/1.5 …), in Chinese and
// in English, with the template collection the issue was found with. The
// first finding is on screen without scrolling, no label breaks between
// its characters, the report-type select shows its whole choice and the
// tab labels stay on one line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, ROOT, settled } from './harness.mjs';

let browser, server;
before(async () => ({ browser, server } = await launch()));
after(async () => {
  await browser?.close();
  server?.close();
});

const collection = readFileSync(`${ROOT}/tests/fixtures/corpus/000_template_collection.txt`, 'utf8');

const SCREENS = [
  [1280, 720, 1], [1366, 768, 1],
  [1280, 720, 1.25], [1366, 768, 1.25],
  [1280, 720, 1.5], [1366, 768, 1.5],
];

/// Every visible text whose first two characters are not on one line, or
/// whose box is narrower than those two glyphs: a label broken between
/// characters ("报/告/类/型").
function brokenLabels() {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('.app'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    const first = text.search(/\S/);
    if (first < 0) continue;
    const el = node.parentElement;
    // Inside the document itself (editor, marked text) lines wrap as text does.
    if (el.closest('.doc, textarea, .card-why, option')) continue;
    const chars = [...text.slice(first)];
    if (chars.length < 2 || /\s/.test(chars[1])) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || !el.getClientRects().length) continue;
    const range = document.createRange();
    range.setStart(node, first);
    range.setEnd(node, first + chars[0].length + chars[1].length);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    if (!rects.length) continue;
    const box = el.getBoundingClientRect();
    // Off screen (a scrolled list) is not checked: it is not seen.
    if (box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
    const oneLine = rects.every((r) => Math.abs(r.top - rects[0].top) < 2);
    const glyphs = rects.reduce((w, r) => w + r.width, 0);
    if (!oneLine || box.width + 0.5 < glyphs) {
      out.push(`${el.tagName.toLowerCase()}.${el.className}: "${text.trim().slice(0, 20)}" (${Math.round(box.width)}px)`);
    }
  }
  return out;
}

/// The selected option's text fits in the select (its padding and arrow aside).
function selectCut() {
  const s = document.querySelector('[data-testid=profile-select]');
  const label = s.options[s.selectedIndex].text;
  const ctx = document.createElement('canvas').getContext('2d');
  const style = getComputedStyle(s);
  ctx.font = `${style.fontSize} ${style.fontFamily}`;
  const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
  return ctx.measureText(label).width > room ? `"${label}" in ${s.clientWidth}px` : null;
}

/// Tab labels that take more than one line.
function wrappedTabs() {
  return [...document.querySelectorAll('.tab, .col-tab')].filter((t) => t.getClientRects().length).filter((t) => {
    const range = document.createRange();
    range.selectNodeContents(t);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size > 1;
  }).map((t) => t.textContent);
}

for (const [w, h, scale] of SCREENS) {
  for (const lang of ['zh', 'en']) {
    const vw = Math.round(w / scale);
    const vh = Math.round(h / scale);
    test(`${w}×${h} at ${scale * 100} % (${vw}×${vh} CSS px), ${lang}`, async () => {
      const context = await browser.newContext({ viewport: { width: vw, height: vh }, deviceScaleFactor: scale, acceptDownloads: true });
      const page = await openApp(browser, server, { context });
      if (lang === 'en') await page.click('[data-testid=lang-switch]');
      await page.fill('[data-testid=editor]', collection);
      await settled(page);
      const first = page.locator('[data-testid=finding]').first();
      await first.waitFor();
      // On screen without scrolling anything.
      const box = await first.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + Math.min(box.height, 30) <= vh && box.x >= 0 && box.x + 40 <= vw,
        `first finding at ${JSON.stringify(box)} in ${vw}×${vh}`);
      assert.equal(await page.evaluate(() => document.scrollingElement.scrollHeight <= innerHeight + 1), true, 'the page itself does not scroll');
      assert.deepEqual(await page.evaluate(brokenLabels), []);
      assert.equal(await page.evaluate(selectCut), null);
      assert.deepEqual(await page.evaluate(wrappedTabs), []);
      // The English labels are in English.
      if (lang === 'en') assert.match(await page.locator('[data-testid=sections-summary]').textContent(), /^Required sections/);
      // The text and the findings side by side, on every office screen.
      assert.equal(await page.locator('[data-testid=editor]').isVisible(), true);
      assert.equal(await page.locator('[data-testid=col-tabs]').isVisible(), false);
      // Choosing a finding marks it in the text, which stays in view.
      await first.locator('button').click();
      await page.locator('[data-testid=mark].selected').waitFor();
      const surface = await page.locator('[data-testid=surface]').boundingBox();
      assert.ok(surface && surface.x + surface.width <= vw && surface.y + 60 <= vh, `text at ${JSON.stringify(surface)}`);
      await context.close();
    });
  }
}

// Below 700 CSS pixels (a half-screen window) the two columns are tabs:
// the text first, the findings one click away, and a chosen finding
// brings the text back with its mark selected.
test('a half-screen window (640×700): the columns as tabs', async () => {
  const context = await browser.newContext({ viewport: { width: 640, height: 700 } });
  const page = await openApp(browser, server, { context });
  await page.fill('[data-testid=editor]', collection);
  await settled(page);
  await page.locator('[data-testid=mark]').first().waitFor();
  assert.equal(await page.locator('[data-testid=col-tabs]').isVisible(), true);
  assert.equal(await page.locator('[data-testid=editor]').isVisible(), true);
  assert.deepEqual(await page.evaluate(brokenLabels), []);
  assert.deepEqual(await page.evaluate(wrappedTabs), []);
  await page.click('[data-testid=col-tab-side]');
  assert.equal(await page.locator('[data-testid=editor]').isVisible(), false);
  const first = page.locator('[data-testid=finding]').first();
  assert.equal(await first.isVisible(), true);
  assert.deepEqual(await page.evaluate(brokenLabels), []);
  await first.locator('button').click();
  await page.locator('[data-testid=mark].selected').waitFor();
  assert.equal(await page.locator('[data-testid=editor]').isVisible(), true);
  await context.close();
});
