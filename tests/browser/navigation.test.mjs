// Moving through a draft by importance, and positions as a Word user counts
// them: F8 goes through the errors, then the warnings, and reaches the
// notes only when asked or when nothing else is left; chips filter the
// list TO a category; places read "二、存在问题 › 第3段" in the list, the
// card, the CSV and the printable report. And the small things around
// them: "显示其余 N 项", several reports in one file, an empty editor, no
// console 404.
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

const corpus = (name) => readFileSync(`${ROOT}/tests/fixtures/corpus/${name}`, 'utf8');

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  return readFileSync(await dl.path());
}

/// The rows of the findings list: [index, severity, category].
const rows = (page) => page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => [Number(e.dataset.index), e.dataset.severity, e.dataset.category]));
const selectedMark = (page) => page.evaluate(() => document.querySelector('[data-testid=mark].selected')?.dataset.index ?? null);

async function pressF8(page, shift = false) {
  const before = await selectedMark(page);
  await page.keyboard.press(shift ? 'Shift+F8' : 'F8');
  await page.waitForFunction((b) => {
    const m = document.querySelector('[data-testid=mark].selected');
    return m && m.dataset.index !== b;
  }, before);
  return Number(await selectedMark(page));
}

// A district's filled 2020 report: half-width commas throughout (notes),
// one advertisement sentence left in (an error), a few warnings.
test('F8 goes through the errors, then the warnings, and skips the notes', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', corpus('002_district_2020_evaluation.txt'));
  await settled(page);
  await page.locator('[data-testid=finding]').first().waitFor();
  // The half-width commas fold under their rule's line: unfold them to list them.
  for (const b of await page.locator('[data-testid=expand]').all()) await b.click();
  const all = await rows(page);
  const errors = all.filter((r) => r[1] === 'error').map((r) => r[0]).sort((a, b) => a - b);
  const warnings = all.filter((r) => r[1] === 'warning').map((r) => r[0]).sort((a, b) => a - b);
  const notes = all.filter((r) => r[1] === 'info').map((r) => r[0]);
  assert.ok(errors.length >= 1, `errors: ${errors}`);
  assert.ok(notes.length > 0 && Math.min(...notes) < errors[0], 'notes come before the first error in the text');
  const order = [...errors, ...warnings];
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const seen = [];
  for (let k = 0; k < order.length; k++) seen.push(await pressF8(page));
  assert.deepEqual(seen, order, 'errors in text order, then warnings');
  if (order.length === 1) {
    // The one real error: F8 stays on it.
    await page.keyboard.press('F8');
    await page.waitForTimeout(300);
    assert.equal(await selectedMark(page), String(order[0]));
  } else {
    assert.equal(await pressF8(page), order[0]);
    await pressF8(page, true);
  }
  // Asked for, the notes come after the warnings: from the last warning
  // F8 goes to the first note in the text, Shift+F8 comes back.
  if (order.length > 1) while ((await pressF8(page)) !== order[order.length - 1]);
  await page.check('[data-testid=include-notes]');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  assert.equal(await pressF8(page), Math.min(...notes));
  assert.equal(await pressF8(page, true), order[order.length - 1]);
  await page.close();
});

test('F8 reaches the notes when they are all that is left', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '工作总结\n今年以来,我们认真学习,扎实推进各项工作。\n');
  await settled(page);
  await page.locator('[data-testid=expand]').first().click();
  await page.locator('[data-testid=finding]').first().waitFor();
  const all = await rows(page);
  assert.ok(all.length > 0 && all.every((r) => r[1] === 'info'), JSON.stringify(all));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const first = await pressF8(page);
  assert.equal(first, Math.min(...all.map((r) => r[0])));
  await page.close();
});

test('a chip filters the list to its category and shows that it is on', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', corpus('000-4_county_commission.txt'));
  await settled(page);
  await page.locator('[data-testid=finding]').first().waitFor();
  const before = await rows(page);
  const cats = new Set(before.map((r) => r[2]));
  assert.ok(cats.has('placeholder') && cats.size > 1, [...cats].join());
  const chip = page.locator('[data-testid=filter-category][data-category=placeholder]');
  await chip.click();
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=finding]')].every((e) => e.dataset.category === 'placeholder'));
  const only = await rows(page);
  assert.ok(only.length > 0);
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  assert.match(await chip.getAttribute('class'), /\bon\b/);
  // The other chips are not on.
  const pressed = await page.locator('[data-testid=filter-category][aria-pressed=true]').count();
  assert.equal(pressed, 1);
  // Only the errors among them: the severity chip combines with it.
  await page.click('[data-testid=filter-severity][data-severity=error]');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=finding]')].every((e) => e.dataset.severity === 'error'));
  // The same chip again clears its filter; "显示全部" clears them all.
  await chip.click();
  await page.waitForFunction(() => new Set([...document.querySelectorAll('[data-testid=finding]')].map((e) => e.dataset.category)).size > 1);
  await page.click('[data-testid=filter-clear]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=finding]').length === n, before.length);
  assert.equal(await page.locator('[data-testid=filter-clear]').count(), 0);
  await page.close();
});

const REPORT = '关于2023年度政治生态分析研判的报告\n\n一、基本情况\n\n全县共有党员1200名。\n\n二、存在问题\n\n有的支部组织生活不经常。\n\n一些干部作风不实，存在XX现象。\n\n三、整改措施\n\n于2024年底前完成整改。\n';

test('places read as heading and paragraph: in the list, the card and the CSV', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', REPORT);
  await settled(page);
  const row = page.locator('[data-testid=finding][data-category=placeholder]');
  await row.waitFor();
  assert.equal(await row.locator('[data-testid=where]').textContent(), '二、存在问题 › 第2段');
  await row.locator('button').click();
  await page.locator('[data-testid=card-where]').waitFor();
  assert.equal(await page.locator('[data-testid=card-where]').textContent(), '二、存在问题 › 第2段');
  await page.click('[data-testid=tab-more]');
  const csv = (await download(page, 'export-csv')).toString('utf8').slice(1).trim().split('\r\n');
  const header = csv[0].split(',');
  assert.equal(header[header.length - 1], '"where"');
  const xx = csv.find((r) => r.includes('"XX"'));
  assert.ok(xx.endsWith(',"二、存在问题 › 第2段"'), xx);
  // And in English.
  await page.click('[data-testid=lang-switch]');
  await page.click('[data-testid=tab-problems]');
  assert.equal(await row.locator('[data-testid=where]').textContent(), '二、存在问题 › paragraph 2');
  await page.close();
});

test('the printable report speaks Chinese and leaves out what was ignored', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', REPORT.replace('1200名', 'XX名'));
  await settled(page);
  await page.locator('[data-testid=finding][data-category=placeholder]').nth(1).waitFor();
  // Ignore the second placeholder.
  await page.locator('[data-testid=finding][data-category=placeholder]').nth(1).locator('button').click();
  await page.locator('[data-testid=card] [data-testid=ignore]').click();
  await page.locator('[data-testid=ignored-count]').waitFor();
  await page.click('[data-testid=tab-more]');
  const html = (await download(page, 'export-html')).toString('utf8');
  const report = await browser.newPage();
  await report.setContent(html);
  const body = await report.locator('body').innerText();
  assert.match(body, /报告类型：政治生态分析研判\/评价报告/);
  assert.match(body, /已忽略（未列出） 1/);
  const table = await report.locator('table tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText)));
  const placeholders = table.filter((r) => r[3] === '未填占位符');
  assert.deepEqual(placeholders.map((r) => r.slice(1, 4)), [['一、基本情况 › 第1段', '错误', '未填占位符']]);
  assert.doesNotMatch(body, /\berror\b|political-ecology|placeholder/);
  assert.equal(await report.locator('mark').count(), table.length - 1);
  // The counts are those of the rows listed.
  const errors = table.filter((r) => r[2] === '错误').length;
  assert.match(body, new RegExp(`错误 ${errors} · 警告 ${table.filter((r) => r[2] === '警告').length} · `));
  await report.close();
  await page.close();
});

test('"显示其余 N 项" shows that many more rows', async () => {
  const page = await openApp(browser, server);
  // 260 unfilled blanks in one category: the list shows the first 100.
  const text = '工作总结\n' + Array.from({ length: 260 }, (_, i) => `第${i + 1}项工作共有XX人参加。`).join('\n') + '\n';
  await page.fill('[data-testid=editor]', text);
  await settled(page);
  const more = page.locator('[data-testid=show-more]');
  await more.waitFor();
  const label = await more.textContent();
  const n = Number(label.match(/\d+/)[0]);
  const group = page.locator('[data-testid=group][data-category=placeholder] [data-testid=finding]');
  const before = await group.count();
  assert.equal(before + n, 260, label);
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=group][data-category=placeholder] [data-testid=finding]').length === 260);
  assert.equal(await more.count(), 0);
  await page.close();
});

test('a file of several model reports is told so, and typed by its first title', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', corpus('000_template_collection.txt'));
  await settled(page);
  const note = page.locator('[data-testid=multi-report]');
  await note.waitFor();
  assert.match(await note.textContent(), /^此文件包含 4 篇报告/);
  assert.match(await page.locator('[data-testid=profile-reason]').textContent(), /政治生态总体评价【第一篇】|第一篇/);
  // The checklist is one line, expandable.
  const summary = page.locator('[data-testid=sections-summary]');
  assert.match(await summary.textContent(), /^必备部分 \d+\/\d+ [✓✗]/);
  assert.equal(await page.locator('[data-testid=section]').first().isVisible(), false);
  await summary.click();
  assert.equal(await page.locator('[data-testid=section]').first().isVisible(), true);
  await page.close();
});

test('an empty editor shows no chips nor report type, and exports nothing', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '');
  await settled(page);
  await page.locator('[data-testid=summary]').waitFor();
  assert.equal(await page.locator('[data-testid=filter-severity]').count(), 0);
  assert.equal(await page.locator('[data-testid=profile-reason]').count(), 0);
  await page.click('[data-testid=tab-more]');
  for (const id of ['export-text', 'export-html', 'export-json', 'export-csv', 'download-docx']) {
    assert.equal(await page.locator(`[data-testid=${id}]`).isDisabled(), true, id);
  }
  // Text brings them back.
  await page.click('[data-testid=tab-problems]');
  await page.fill('[data-testid=editor]', '共有XX人。');
  await settled(page);
  await page.locator('[data-testid=filter-severity]').first().waitFor();
  await page.locator('[data-testid=profile-reason]').waitFor();
  await page.close();
});

test('the page logs no failed request on start (profiles/index.json is there)', async () => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.locator('[data-testid=editor]').waitFor({ timeout: 30000 });
  await page.waitForTimeout(500);
  assert.deepEqual(problems, []);
  await ctx.close();
});
