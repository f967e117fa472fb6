// One editing surface (issue #21): the user types in the highlighted text
// itself. The textarea paints the text and the caret; the marked layer lies
// exactly over it. Typing, an input method's composition, a click on a mark
// (its card beside the text, not over it), a click on a finding (the caret
// there), and pasted HTML (inert text).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { launch, openApp, settled } from './harness.mjs';

let browser, server;
before(async () => ({ browser, server } = await launch()));
after(async () => {
  await browser?.close();
  server?.close();
});

const DRAFT =
  '关于2025年度党风廉政建设工作情况的报告\n' +
  '一、主要工作\n' +
  '今年以来，局党组认真落实全面从严治党主体责任，全年召开专题会议4次，开展廉政谈话XX人次。\n' +
  '二、存在问题\n' +
  '一是学习教育还不够深入；二是监督检查的针对性还需加强。\n' +
  '三、下一步工作打算\n' +
  '持续深化作风建设，确保各项任务落到实处。\n';

/// Pixels darker than the marks' tints and underlines in a PNG screenshot
/// (8-bit RGB or RGBA, not interlaced, as Chromium writes them): the text.
function darkPixels(png) {
  let pos = 8;
  let width = 0, channels = 0;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      channels = { 2: 3, 6: 4 }[data[9]];
      assert.ok(data[8] === 8 && channels && data[12] === 0, 'an 8-bit RGB(A) PNG');
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let prev = Buffer.alloc(stride);
  let dark = 0;
  for (let row = 0; row * (stride + 1) < raw.length; row++) {
    const filter = raw[row * (stride + 1)];
    const line = Buffer.from(raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      line[i] = (line[i] + [0, a, b, (a + b) >> 1, paeth][filter]) & 255;
    }
    for (let i = 0; i < stride; i += channels) {
      if (0.299 * line[i] + 0.587 * line[i + 1] + 0.114 * line[i + 2] < 60) dark++;
    }
    prev = line;
  }
  return dark;
}

const editorValue = (page) => page.inputValue('[data-testid=editor]');
const placeholderMarks = (page) => page.locator('[data-testid=mark][data-category=placeholder]');

/// Everything that decides where a character lands, on the textarea and on
/// the layer: they must agree, or the marks drift off their characters.
function geometry() {
  const ta = document.querySelector('[data-testid=editor]');
  const doc = document.querySelector('[data-testid=doc]');
  const props = ['font-family', 'font-size', 'line-height', 'letter-spacing', 'word-spacing', 'white-space', 'word-break',
    'overflow-wrap', 'padding-top', 'padding-left', 'padding-right', 'tab-size', 'text-indent', 'font-weight'];
  const a = getComputedStyle(ta);
  const b = getComputedStyle(doc);
  const differ = props.filter((p) => a.getPropertyValue(p) !== b.getPropertyValue(p));
  const ra = ta.getBoundingClientRect();
  const rb = doc.getBoundingClientRect();
  return {
    differ,
    sameBox: Math.abs(ra.left - rb.left) < 0.5 && Math.abs(ra.top - rb.top) < 0.5 && Math.abs(ta.clientWidth - doc.clientWidth) < 0.5,
    // The textarea never scrolls on its own: the sheet scrolls both.
    ownScroll: ta.scrollHeight > ta.clientHeight + 1 || ta.scrollTop !== 0,
    active: document.activeElement === ta,
    sel: [ta.selectionStart, ta.selectionEnd],
  };
}

test('typing in the highlighted text: marks follow, the layer stays on the characters', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', DRAFT);
  await settled(page);
  await placeholderMarks(page).first().waitFor();
  assert.equal(await placeholderMarks(page).count(), 1);
  assert.equal(await placeholderMarks(page).first().textContent(), 'XX');
  // The same text, twice: under the marks and in the textarea.
  assert.equal(await page.locator('[data-testid=doc]').evaluate((d) => [...d.querySelectorAll('.line')].map((l) => l.textContent).join('\n')), DRAFT);
  // The characters under a mark show through its tint (the textarea paints
  // them; the layer over them must not hide them).
  assert.ok(darkPixels(await placeholderMarks(page).first().screenshot()) > 20, 'the XX under its mark is visible');
  const g = await page.evaluate(geometry);
  assert.deepEqual(g.differ, []);
  assert.equal(g.sameBox, true, 'the layer lies on the textarea');
  assert.equal(g.ownScroll, false);

  // Type at the end of the third line, as a user would: a new blank is marked.
  const end = DRAFT.indexOf('人次。') + 3;
  await page.focus('[data-testid=editor]');
  await page.evaluate((n) => document.querySelector('[data-testid=editor]').setSelectionRange(n, n), end);
  const typed = '下一步将走访XX家企业。';
  await page.keyboard.type(typed);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=mark][data-category=placeholder]').length === 2);
  assert.equal(await editorValue(page), DRAFT.slice(0, end) + typed + DRAFT.slice(end));
  // The caret stayed where the typing left it.
  assert.deepEqual((await page.evaluate(geometry)).sel, [end + typed.length, end + typed.length]);

  // Delete it again with Backspace: the mark goes with it.
  for (let i = 0; i < typed.length; i++) await page.keyboard.press('Backspace');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=mark][data-category=placeholder]').length === 1);
  assert.equal(await editorValue(page), DRAFT);
  assert.equal((await page.evaluate(geometry)).ownScroll, false);
  await page.close();
});

test('an input method composition is not analysed until the characters are chosen', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', DRAFT);
  await settled(page);
  await placeholderMarks(page).first().waitFor();
  const at = DRAFT.indexOf('持续深化');
  await page.focus('[data-testid=editor]');
  await page.evaluate((n) => document.querySelector('[data-testid=editor]').setSelectionRange(n, n), at);
  const cdp = await page.context().newCDPSession(page);
  // Typing "xx" in a pinyin input method: the letters are in the textarea,
  // underlined by the IME, but they are not text yet (not a placeholder).
  await cdp.send('Input.imeSetComposition', { text: 'x', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'xx', selectionStart: 2, selectionEnd: 2 });
  assert.equal(await editorValue(page), DRAFT.slice(0, at) + 'xx' + DRAFT.slice(at));
  await page.waitForTimeout(400);
  assert.equal(await placeholderMarks(page).count(), 1, 'the composing letters are not analysed');
  // The candidate is chosen: 学习.
  await cdp.send('Input.insertText', { text: '学习' });
  const want = DRAFT.slice(0, at) + '学习' + DRAFT.slice(at);
  assert.equal(await editorValue(page), want);
  await page.waitForFunction((w) => [...document.querySelectorAll('[data-testid=doc] .line')].map((l) => l.textContent).join('\n') === w, want);
  assert.equal(await placeholderMarks(page).count(), 1);
  await page.close();
});

// Wide (a margin for the card beside the text) and an office laptop at
// 150 % (853×480 CSS px: the card over the findings column, beside the text).
for (const [w, h] of [[1280, 720], [853, 480]]) {
  test(`${w}×${h}: a click on a mark opens its card beside the text, and puts the caret on it`, async () => {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await openApp(browser, server, { context });
    await page.fill('[data-testid=editor]', DRAFT);
    await settled(page);
    const mark = placeholderMarks(page).first();
    await mark.waitFor();
    await mark.click();
    const card = page.locator('[data-testid=card]');
    await card.waitFor();
    const [m, c, ta] = [await mark.boundingBox(), await card.boundingBox(), await page.locator('[data-testid=editor]').boundingBox()];
    // Beside: the card starts right of the text column and covers none of it.
    assert.ok(c.x >= ta.x + ta.width - 1, `card at x=${c.x}, text column ends at ${ta.x + ta.width}`);
    assert.ok(c.x + c.width <= w && c.y >= 0 && c.y + 40 <= h, `card on screen: ${JSON.stringify(c)}`);
    if (w >= 1200) assert.ok(Math.abs(c.y - m.y) < 24, `card top ${c.y} level with the mark's ${m.y}`);
    // The caret is on the flagged characters, in the editor.
    const at = DRAFT.indexOf('XX');
    const g = await page.evaluate(geometry);
    assert.equal(g.active, true);
    assert.deepEqual(g.sel, [at, at + 2]);
    // The card works where it is: ignoring takes the mark away.
    await card.locator('[data-testid=ignore]').click();
    await placeholderMarks(page).first().waitFor({ state: 'detached' });
    await context.close();
  });
}

test('far down a long draft, the card is still level with its mark', async () => {
  const page = await openApp(browser, server);
  const text = '各单位要坚持问题导向，压实工作责任。\n'.repeat(150) + '全年共走访企业XX家。\n';
  await page.fill('[data-testid=editor]', text);
  await settled(page);
  const mark = placeholderMarks(page).first();
  await mark.waitFor();
  await mark.click();
  const card = page.locator('[data-testid=card]');
  await card.waitFor();
  const [m, c] = [await mark.boundingBox(), await card.boundingBox()];
  assert.ok(Math.abs(c.y - m.y) < 24, `card top ${c.y} level with the mark's ${m.y}`);
  await page.close();
});

test('a click on a finding puts the caret on it and scrolls it into view', async () => {
  const page = await openApp(browser, server, { context: await browser.newContext({ viewport: { width: 1280, height: 720 } }) });
  // A long draft: the blank is far below the first screen.
  const filler = '各单位要坚持问题导向，压实工作责任，确保各项措施落地见效。\n'.repeat(80);
  const text = DRAFT.replace('二、存在问题\n', filler + '二、存在问题\n');
  await page.fill('[data-testid=editor]', text);
  await settled(page);
  const row = page.locator('[data-testid=finding][data-category=placeholder]').first();
  await row.waitFor();
  await row.locator('button').click();
  const mark = placeholderMarks(page).first();
  await page.waitForFunction(() => document.querySelector('[data-testid=mark][data-category=placeholder]')?.classList.contains('selected'));
  await page.waitForTimeout(800); // smooth scroll
  const surface = await page.locator('[data-testid=surface]').boundingBox();
  const box = await mark.boundingBox();
  assert.ok(box.y >= surface.y && box.y + box.height <= surface.y + surface.height, 'the mark is in view');
  const at = text.indexOf('XX');
  const g = await page.evaluate(geometry);
  assert.equal(g.active, true, 'the editor has the focus');
  assert.deepEqual(g.sel, [at, at + 2]);
  assert.equal(g.ownScroll, false);
  // Typing now replaces the blank.
  await page.keyboard.type('36');
  await page.waitForFunction(() => !document.querySelector('[data-testid=mark][data-category=placeholder]'));
  assert.equal(await editorValue(page), text.replace('XX', '36'));
  await page.close();
});

test('pasted HTML stays inert text', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await openApp(browser, server, { context });
  await page.evaluate(async () => {
    const html = '<p><b>一、基本情况</b></p><img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script><p>共有XX个单位。</p>';
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob(['一、基本情况\n共有XX个单位。'], { type: 'text/plain' }),
    })]);
  });
  await page.click('[data-testid=editor]');
  await page.keyboard.press('Control+V');
  await placeholderMarks(page).first().waitFor();
  assert.equal(await editorValue(page), '一、基本情况\n共有XX个单位。');
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.equal(await page.locator('[data-testid=doc] img, [data-testid=doc] b, [data-testid=doc] script').count(), 0);
  await context.close();
});

test('typing in a large draft (analysed when typing pauses) keeps the view where it is', async () => {
  const page = await openApp(browser, server, { context: await browser.newContext({ viewport: { width: 1280, height: 720 } }) });
  // Over the 200 KB after which the analysis waits for a pause.
  const para = '各单位要坚持问题导向，压实工作责任，确保各项措施落地见效，全年共走访企业XX家。\n';
  const text = para.repeat(Math.ceil(240000 / Buffer.byteLength(para)));
  await page.fill('[data-testid=editor]', text);
  await settled(page);
  await placeholderMarks(page).first().waitFor({ timeout: 30000 });
  // Halfway down, the caret on a line in view.
  const line = Math.floor(text.length / para.length / 2);
  const at = line * para.length + 5;
  // The layer is drawn a slice a frame: down to that line.
  await page.waitForFunction((id) => document.getElementById(id), `l-${line + 1}`, { timeout: 30000 });
  await page.evaluate(([n, id]) => {
    const ta = document.querySelector('[data-testid=editor]');
    ta.focus();
    ta.setSelectionRange(n, n);
    document.getElementById(id).scrollIntoView({ block: 'center' });
  }, [at, `l-${line + 1}`]);
  await page.waitForTimeout(300);
  const before = await page.locator('[data-testid=surface]').evaluate((s) => s.scrollTop);
  assert.ok(before > 1000, `scrolled down (${before})`);
  // Every frame's scroll position, from the keystroke until the new text is
  // analysed and drawn.
  await page.evaluate(() => {
    window.__tops = [];
    const s = document.querySelector('[data-testid=surface]');
    const tick = () => { window.__tops.push(s.scrollTop); if (!window.__stop) requestAnimationFrame(tick); };
    tick();
  });
  await page.keyboard.type('认真');
  await page.waitForFunction((id) => document.getElementById(id)?.textContent.includes('认真'), `l-${line + 1}`, { timeout: 30000 });
  await page.waitForTimeout(300);
  const tops = await page.evaluate(() => { window.__stop = true; return window.__tops; });
  const worst = Math.max(...tops.map((t) => Math.abs(t - before)));
  assert.ok(worst < 40, `scrollTop moved by ${worst} (from ${before}; ${tops.length} frames)`);
  assert.equal(await editorValue(page), text.slice(0, at) + '认真' + text.slice(at));
  assert.equal((await page.evaluate(geometry)).ownScroll, false);
  await page.close();
});
