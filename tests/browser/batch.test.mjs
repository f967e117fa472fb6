// Many drafts at once, driven as a collector and a reviser would: pick a
// batch of unit reports (UTF-8, GBK, .docx, a broken .docx) or a whole
// folder, sort the table, open a row and come back, export it; compare a
// report with last year's version.
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

const FOLDER = `${ROOT}/tests/fixtures/batch/folder`;
const MIXED = [
  '01-县委办公室/自查报告.txt',
  '02-县纪委监委/工作报告.txt',
  '03-县委组织部/评价报告.docx',
  '04-县财政局/总结.docx',
  '05-县民政局/工作总结.md',
].map((f) => `${FOLDER}/${f}`);
const VERSIONS = `${ROOT}/tests/fixtures/batch/versions`;

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

/// The rows as shown: [file, type, verdict, counts, …categories, first error].
async function rows(page) {
  return page.locator('[data-testid=batch-row]').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
  );
}

async function pickBatch(page) {
  await page.setInputFiles('[data-testid=file-input]', MIXED);
  await page.locator('[data-testid=batch-table]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=batch-row]').length === 5 && !document.querySelector('[data-testid=batch-progress]'));
}

test('a batch of mixed files: a row each, worst first, the broken file with its reason', async () => {
  const page = await openApp(browser, server);
  await pickBatch(page);
  const r = await rows(page);
  assert.deepEqual(r.map((x) => x[0]), ['总结.docx', '工作报告.txt', '自查报告.txt', '评价报告.docx', '工作总结.md']);
  assert.deepEqual(r.map((x) => x[2]), ['无法读取', '还有 62 个错误', '还有 27 个错误', '还有 1 个错误', '可以提交']);
  assert.match(r[0][11], /^文件已损坏或不完整/);
  assert.equal(r[0][3], '', 'an unreadable file has no counts');
  // The GBK report is read as GBK: its counts are the CLI's.
  assert.deepEqual(r[1].slice(1, 11), ['政治生态分析研判/评价报告', '还有 62 个错误', '62 / 0 / 213', '57', '0', '0', '1', '217', '0', '0']);
  assert.equal(r[3][1], '通用');
  assert.equal(r[4][11], '', 'a ready file has no first error');
  assert.equal(await page.locator('[data-testid=batch-totals]').textContent(), '共 5 个文件：1 个可以提交，3 个还有错误，1 个无法读取');
  // The workbench is out of the way while the table is shown.
  assert.equal(await page.locator('.workspace').isVisible(), false);
  // Sorting by count, then the same key again turns the order round.
  await page.click('[data-testid=sort-count]');
  assert.deepEqual((await rows(page)).map((x) => x[0]), ['总结.docx', '工作报告.txt', '自查报告.txt', '评价报告.docx', '工作总结.md']);
  await page.click('[data-testid=sort-count]');
  assert.deepEqual((await rows(page)).map((x) => x[0]), ['工作总结.md', '评价报告.docx', '自查报告.txt', '工作报告.txt', '总结.docx']);
  assert.equal(await page.locator('th[aria-sort=ascending] [data-testid=sort-count]').count(), 1);
  // The unreadable row opens nothing.
  await page.locator('[data-testid=batch-row]', { hasText: '总结.docx' }).first().click();
  assert.ok(await page.locator('[data-testid=batch-table]').isVisible());
  await page.close();
});

/// The table of the fixture folder, picked or dropped: its five reports
/// by their paths inside it, the other files counted.
async function expectFolderRows(page) {
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=batch-row]').length === 5 && !document.querySelector('[data-testid=batch-progress]'));
  const r = await rows(page);
  assert.deepEqual(r.map((x) => x[0]).sort(), [
    'folder/01-县委办公室/自查报告.txt',
    'folder/02-县纪委监委/工作报告.txt',
    'folder/03-县委组织部/评价报告.docx',
    'folder/04-县财政局/总结.docx',
    'folder/05-县民政局/工作总结.md',
  ]);
  // 照片.png, Word's ~$ lock file and .DS_Store.
  assert.equal(await page.locator('[data-testid=batch-totals]').textContent(), '共 5 个文件：1 个可以提交，3 个还有错误，1 个无法读取；跳过 3 个其他文件');
}

test('a folder: its reports are checked, other files counted', async () => {
  const page = await openApp(browser, server);
  await page.setInputFiles('[data-testid=folder-input]', FOLDER);
  await expectFolderRows(page);
  await page.close();
});

test('a folder dragged onto the page is walked like a picked folder', async () => {
  const page = await openApp(browser, server);
  // A drag from the file manager, as Chromium receives it from the OS: the
  // folder's path, read through its file-system entries.
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [FOLDER], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) {
    await cdp.send('Input.dispatchDragEvent', { type, x: 300, y: 200, data });
  }
  await expectFolderRows(page);
  await page.close();
});

test('several files dropped on the page make a batch', async () => {
  const page = await openApp(browser, server);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['某县2023年度工作总结\n一、主要工作\n全年完成任务XX项。\n'], '甲.txt', { type: 'text/plain' }));
    dt.items.add(new File(['某县2023年度工作总结\n一、主要工作\n全年完成任务12项。\n二、存在问题\n学习不够深入。\n三、下一步工作打算\n继续抓好落实。\n'], '乙.txt', { type: 'text/plain' }));
    document.querySelector('.topbar').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=batch-row]').length === 2 && !document.querySelector('[data-testid=batch-progress]'));
  assert.deepEqual((await rows(page)).map((x) => [x[0], x[2]]), [['甲.txt', '还有 3 个错误'], ['乙.txt', '可以提交']]);
  await page.click('[data-testid=batch-close]');
  await page.locator('.workspace').waitFor({ state: 'visible' });
  assert.equal(await page.locator('[data-testid=batch-table]').count(), 0);
  await page.close();
});

test('open a row in the workbench and come back to the table as it was', async () => {
  const page = await openApp(browser, server);
  await pickBatch(page);
  await page.click('[data-testid=sort-name]');
  const before = await rows(page);
  await page.locator('[data-testid=batch-row]', { hasText: '工作报告.txt' }).locator('[data-testid=batch-open]').click();
  await page.locator('.workspace').waitFor({ state: 'visible' });
  assert.equal(await page.locator('[data-testid=batch-table]').isVisible(), false);
  assert.ok((await page.inputValue('[data-testid=editor]')).includes('纪委'), 'the GBK text is in the editor');
  await page.waitForFunction(() => /还有 62 个错误/.test(document.querySelector('[data-testid=summary]')?.textContent ?? ''));
  await page.click('[data-testid=batch-back]');
  await page.locator('[data-testid=batch-table]').waitFor();
  assert.deepEqual(await rows(page), before, 'same rows, same order');
  assert.equal(await page.locator('th[aria-sort=descending] [data-testid=sort-name]').count(), 1);

  // A file fixed in the workbench is ready when the table comes back.
  await page.locator('[data-testid=batch-row]', { hasText: '评价报告.docx' }).click();
  await page.locator('.workspace').waitFor({ state: 'visible' });
  const text = await page.inputValue('[data-testid=editor]');
  assert.ok(text.includes('XX'));
  await page.fill('[data-testid=editor]', text.replace('XX', '12'));
  await settled(page);
  await page.waitForFunction(() => /可以提交/.test(document.querySelector('[data-testid=summary]')?.textContent ?? ''));
  await page.click('[data-testid=batch-back]');
  await page.locator('[data-testid=batch-table]').waitFor();
  const fixed = (await rows(page)).find((x) => x[0] === '评价报告.docx');
  assert.equal(fixed[2], '可以提交');
  await page.close();
});

test('the table exports as CSV for Excel and as a printable page', async () => {
  const page = await openApp(browser, server);
  await pickBatch(page);
  const csv = await download(page, 'batch-csv');
  assert.equal(csv.name, '汇总表.csv');
  assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const lines = csv.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines.length, 6);
  assert.equal(lines[0], '"文件","报告类型","结论","错误","警告","提示","未填占位符","结构","数据","网站残留","标点","用词","日期","首个错误"');
  assert.ok(lines[1].startsWith('"总结.docx","","无法读取","","","",'), lines[1]);
  assert.equal(lines[2], '"工作报告.txt","政治生态分析研判/评价报告","还有 62 个错误","62","0","213","57","0","0","1","217","0","0","1:9 范文合集的分篇标记“【第四篇】”：这是下载网站的编排，请删除"');
  assert.ok(lines[5].startsWith('"工作总结.md","工作总结","可以提交","0","0","0"'));
  const html = (await download(page, 'batch-html')).bytes.toString('utf8');
  assert.match(html, /<h1>稿检汇总：汇总<\/h1>/);
  assert.equal((html.match(/<tr class="(ok|bad)">/g) ?? []).length, 5);
  await page.close();
});

test('forty files are read one after the other with progress shown', async () => {
  const page = await openApp(browser, server);
  const report = readFileSync(`${ROOT}/tests/fixtures/corpus/000-2_county_evaluation.txt`);
  const files = Array.from({ length: 40 }, (_, i) => ({ name: `单位${String(i + 1).padStart(2, '0')}.txt`, mimeType: 'text/plain', buffer: report }));
  // Record what the progress bar said as the files came in.
  await page.evaluate(() => {
    window.seen = [];
    new MutationObserver(() => {
      const p = document.querySelector('[data-testid=batch-progress] progress');
      if (p) window.seen.push(Number(p.getAttribute('value')));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.setInputFiles('[data-testid=file-input]', files);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=batch-row]').length === 40 && !document.querySelector('[data-testid=batch-progress]'));
  const seen = await page.evaluate(() => window.seen);
  assert.ok(new Set(seen).size > 5, `the progress was painted as files came in: ${seen}`);
  const verdicts = new Set((await rows(page)).map((x) => x[2]));
  assert.equal(verdicts.size, 1);
  await page.close();
});

test('compare with the previous version: new, fixed, and figures left as last year', async () => {
  const page = await openApp(browser, server);
  await page.setInputFiles('[data-testid=file-input]', `${VERSIONS}/2021.txt`);
  await page.locator('[data-testid=mark]').first().waitFor();
  await page.setInputFiles('[data-testid=compare-previous]', `${VERSIONS}/2020.txt`);
  const view = page.locator('[data-testid=compare]');
  await view.waitFor();
  assert.match(await view.locator('h2').textContent(), /2020\.txt（2020）→ 2021\.txt（2021）/);
  assert.equal(await page.locator('[data-testid=compare-summary]').textContent(), '新增问题 3 · 已改正 4 · 仍未改正 300 · 数据变化 11 · 需要核对 6');
  const items = (id) => page.locator(`[data-testid=${id}] [data-testid=diff-finding]`).evaluateAll((li) => li.map((l) => [l.dataset.rule, l.querySelector('.where').textContent]));
  assert.deepEqual(await items('diff-new'), [['half-width-punctuation', '3:9'], ['half-width-punctuation', '3:28'], ['placeholder', '21:277']]);
  assert.deepEqual((await items('diff-fixed')).map((x) => x[0]), ['template-debris', 'half-width-punctuation', 'half-width-punctuation', 'half-width-punctuation']);
  const warnings = await page.locator('[data-testid=diff-warning] .msg').allTextContents();
  assert.equal(warnings.length, 6);
  assert.equal(warnings[4], '“党纪政务处分146人”与上一版（2020年）完全相同，而报告已是2021年的：请核对这项数据是否已经更新');
  const changed = await page.locator('[data-testid=diff-figure][data-status=changed]').evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((td) => td.textContent)));
  assert.deepEqual(changed[2], ['立案审查调查', '196件（第7行）', '205件（第8行）']);
  // The paragraph diff: the inserted paragraph, and only the changed
  // characters of a changed one marked.
  const diff = page.locator('[data-testid=diff-view]');
  assert.equal(await diff.locator('[data-testid=diff-para][data-status=inserted]').count(), 1);
  assert.equal(await diff.locator('[data-testid=diff-para][data-status=changed]').count(), 9);
  assert.equal(await diff.locator('[data-testid=diff-para][data-status=deleted]').count(), 0);
  const anti = diff.locator('[data-testid=diff-para]', { hasText: '正风反腐更加有力' });
  assert.deepEqual(await anti.locator('del').allTextContents(), ['2020', '196', '196', '899']);
  assert.deepEqual(await anti.locator('ins').allTextContents(), ['2021', '205', '201', '956']);
  assert.match(await diff.locator('.same-run').first().textContent(), /段未改/);
  // Back to the workbench, as it was.
  await page.click('[data-testid=compare-close]');
  await page.locator('.workspace').waitFor({ state: 'visible' });
  assert.equal(await page.locator('[data-testid=compare]').count(), 0);
  await page.close();
});

test('a previous version that cannot be read is named with the reason', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '原有的草稿文字。');
  await settled(page);
  await page.setInputFiles('[data-testid=compare-previous]', `${FOLDER}/04-县财政局/总结.docx`);
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /总结\.docx.*已损坏/);
  assert.equal(await page.locator('[data-testid=compare]').count(), 0);
  await page.close();
});
