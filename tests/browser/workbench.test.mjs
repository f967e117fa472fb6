// The reviewer's workbench, driven as a clerk would: paste, drop, pick a
// file, jump, F8, apply and undo, fill in, ignore, export, switch language,
// edit profiles, intranet profiles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, settled, ROOT, DIST } from './harness.mjs';
import { serve } from '../../www/tools/serve.mjs';

let browser, server;
before(async () => ({ browser, server } = await launch()));
after(async () => {
  await browser?.close();
  server?.close();
});

const corpus = (name) => readFileSync(`${ROOT}/tests/fixtures/corpus/${name}`, 'utf8');
const summary = (page) => page.locator('[data-testid=summary]').textContent();
const editorValue = (page) => page.inputValue('[data-testid=editor]');

async function waitSummary(page, re) {
  await page.waitForFunction(
    (src) => new RegExp(src).test(document.querySelector('[data-testid=summary]')?.textContent ?? ''),
    re.source,
  );
}

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

test('paste from the clipboard', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await openApp(browser, server, { context });
  await page.evaluate((t) => navigator.clipboard.writeText(t), corpus('001_office_report.txt'));
  await page.click('[data-testid=editor]');
  await page.keyboard.press('Control+V');
  await page.locator('[data-testid=mark][data-category=placeholder]').first().waitFor();
  assert.ok((await editorValue(page)).startsWith('政治生态工作情况报告'));
  await context.close();
});

test('drop a file anywhere on the page', async () => {
  const page = await openApp(browser, server);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['一、基本情况\n全县共有XX个单位。\n'], 'dropped.txt', { type: 'text/plain' }));
    document.querySelector('.topbar').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.locator('[data-testid=mark][data-category=placeholder]').first().waitFor();
  assert.equal(await editorValue(page), '一、基本情况\n全县共有XX个单位。\n');
  assert.match(await page.locator('.editor-pane .hint').textContent(), /dropped\.txt/);
  await page.close();
});

test('a bad file leaves the text alone and names the file', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '原有的草稿文字。');
  await settled(page);
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  await page.setInputFiles('[data-testid=file-input]', { name: 'photo.txt', mimeType: 'text/plain', buffer: png });
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /photo\.txt.*PNG/);
  assert.equal(await editorValue(page), '原有的草稿文字。');
  await page.close();
});

test('click a finding to jump to it; F8 and Shift+F8 move between findings', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', corpus('000-4_county_commission.txt'));
  await settled(page);
  const items = page.locator('[data-testid=finding]');
  await items.first().waitFor();
  const target = items.nth(20);
  const index = await target.getAttribute('data-index');
  await target.locator('button').click();
  const mark = page.locator(`#mark-${index}`);
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('flash'), `mark-${index}`);
  assert.match(await mark.getAttribute('class'), /selected/);
  await page.waitForTimeout(800); // smooth scroll
  const pane = await page.locator('.doc-pane').boundingBox();
  const box = await mark.boundingBox();
  assert.ok(box.y >= pane.y && box.y + box.height <= pane.y + pane.height, 'the mark is scrolled into view');

  // F8 walks the errors in text order, then the warnings (issue #21: the
  // notes only when asked for); from a finding outside that order it goes
  // to the next error or warning after it.
  const rows = await page.locator('[data-testid=finding]').evaluateAll((els) => els.map((e) => [Number(e.dataset.index), e.dataset.severity]));
  const of = (sev) => rows.filter((r) => r[1] === sev).map((r) => r[0]).sort((a, b) => a - b);
  const order = [...of('error'), ...of('warning')].map(String);
  const at = Number(index);
  const after = order.findIndex((i) => Number(i) > at);
  const pos = order.includes(index) ? order.indexOf(index) : Math.max(after, 0) - 1;
  const mod = (k) => order[(k + order.length) % order.length];
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('F8');
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('selected'), `mark-${mod(pos + 1)}`);
  await page.keyboard.press('Shift+F8');
  await page.keyboard.press('Shift+F8');
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('selected'), `mark-${mod(pos - 1)}`);
  // The selected finding's card is open, so its fix is reachable from the keyboard.
  await page.locator('[data-testid=card]').waitFor();
  await page.close();
});

test('apply a fix from the card, fix a whole kind, and undo with Ctrl+Z', async () => {
  const page = await openApp(browser, server);
  const draft = '坚持以科学开展观为指导,认真落实各项工作,确保取得实效。';
  await page.fill('[data-testid=editor]', draft);
  await settled(page);
  await page.locator('[data-testid=mark][data-rule=conversion-debris]').click();
  const card = page.locator('[data-testid=card]');
  await card.waitFor();
  assert.ok((await card.locator('[data-testid=explanation]').textContent()).length > 20, 'the rule explanation is shown');
  await card.locator('[data-testid=apply-fix]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=editor]').value.includes('科学发展观'));

  // Fix all half-width marks at once from the aggregated item.
  await page.locator('[data-testid=aggregate][data-rule=half-width-punctuation] [data-testid=fix-all]').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=editor]').value.includes(','));
  assert.equal(await editorValue(page), '坚持以科学发展观为指导，认真落实各项工作，确保取得实效。');

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Z');
  await page.waitForFunction((t) => document.querySelector('[data-testid=editor]').value === t, '坚持以科学发展观为指导,认真落实各项工作,确保取得实效。');
  await page.keyboard.press('Control+Z');
  await page.waitForFunction((t) => document.querySelector('[data-testid=editor]').value === t, draft);
  await page.close();
});

test('fill in every placeholder from the form', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '截至202-年底，全县共有基层纪检组织XX个，其中乡镇纪委XX个。');
  await settled(page);
  await page.click('[data-testid=tab-fillin]');
  const inputs = page.locator('[data-testid=fill-input]');
  assert.equal(await inputs.count(), 3);
  await inputs.nth(0).fill('2023年');
  await inputs.nth(1).fill('25');
  await inputs.nth(2).fill('12');
  await page.click('[data-testid=fill-apply]');
  await page.waitForFunction(() => document.querySelector('[data-testid=editor]').value.startsWith('截至2023年'));
  assert.equal(await editorValue(page), '截至2023年底，全县共有基层纪检组织25个，其中乡镇纪委12个。');
  assert.equal(await page.locator('[data-testid=mark][data-category=placeholder]').count(), 0);
  await page.close();
});

test('fill in a date: each blank keeps its 年, 月 and 日, wrong values are refused', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '一、整改要求\n于20XX年X月X日前完成全部整改，共涉及XX人，由某某同志负责。');
  await settled(page);
  await page.click('[data-testid=tab-fillin]');
  const rows = page.locator('[data-testid=fill-row]');
  assert.equal(await rows.count(), 5);
  // Each row marks its own blank inside the context.
  assert.deepEqual(await rows.evaluateAll((rs) => rs.map((r) => [r.dataset.kind, r.querySelector('[data-testid=fill-blank]').textContent,
    r.querySelector('[data-testid=fill-context]').textContent])), [
    ['year', '20XX', '于20XX年X月X日前完成全部整改，共涉及'],
    ['month', 'X', '于20XX年X月X日前完成全部整改，共涉及XX'],
    ['day', 'X', '于20XX年X月X日前完成全部整改，共涉及XX人，'],
    ['number', 'XX', '年X月X日前完成全部整改，共涉及XX人，由某某同志负责'],
    ['name', '某某', '前完成全部整改，共涉及XX人，由某某同志负责'],
  ]);
  const inputs = page.locator('[data-testid=fill-input]');
  // A wrong value is refused and the row says why; nothing is written.
  await inputs.nth(0).fill('20263');
  await inputs.nth(1).fill('4');
  await inputs.nth(2).fill('31');
  const errors = page.locator('[data-testid=fill-error]');
  await errors.first().waitFor();
  assert.deepEqual(await errors.allTextContents(), ['“20263”不是年份：请填四位数字的年份，如“2026”', '4月只有30天，没有31日']);
  assert.equal(await page.locator('[data-testid=fill-apply]').isDisabled(), true);
  // The steps of the report: 2026 (or 2026年), 3, 31.
  await inputs.nth(0).fill('2026年');
  await inputs.nth(1).fill('3');
  await inputs.nth(2).fill('31');
  await inputs.nth(3).fill('12人');
  assert.equal(await errors.count(), 0);
  await page.click('[data-testid=fill-apply]');
  await page.waitForFunction(() => document.querySelector('[data-testid=editor]').value.includes('2026'));
  assert.equal(await editorValue(page), '一、整改要求\n于2026年3月31日前完成全部整改，共涉及12人，由某某同志负责。');
  // The verdict comes from the new text: 某某 is still a blank.
  await waitSummary(page, /还有 1 个错误/);
  await page.click('[data-testid=tab-fillin]');
  assert.equal(await page.locator('[data-testid=fill-row]').count(), 1);
  await page.close();
});

test('ignore a finding: hidden, counted, remembered for the document', async () => {
  const context = await browser.newContext();
  const page = await openApp(browser, server, { context });
  const draft = '关于某某同志的情况说明\n经查，某某同志工作认真，共有XX人参加。';
  await page.fill('[data-testid=editor]', draft);
  await settled(page);
  const before = await page.locator('[data-testid=mark]').count();
  await page.locator('[data-testid=mark]').first().click();
  await page.locator('[data-testid=ignore]').click();
  await page.locator('[data-testid=ignored-count]').waitFor();
  assert.equal(await page.locator('[data-testid=mark]').count(), before - 1);
  assert.match(await page.locator('[data-testid=ignored-count]').textContent(), /1/);
  // The same document later: the ignore is still there.
  const again = await openApp(browser, server, { context });
  await again.fill('[data-testid=editor]', draft);
  await settled(again);
  await again.locator('[data-testid=ignored-count]').waitFor();
  await settled(again);
  assert.equal(await again.locator('[data-testid=mark]').count(), before - 1);
  await context.close();
});

test('every export downloads and parses back', async () => {
  const page = await openApp(browser, server);
  const text = corpus('000-4_county_commission.txt');
  await page.fill('[data-testid=editor]', text);
  await settled(page);
  await page.locator('[data-testid=finding]').first().waitFor();
  const shown = await page.locator('[data-testid=finding]').count();
  await page.click('[data-testid=tab-more]');

  const txt = await download(page, 'export-text');
  assert.match(txt.name, /\.txt$/);
  assert.equal(txt.bytes.toString('utf8'), text);

  const json = JSON.parse((await download(page, 'export-json')).bytes.toString('utf8'));
  assert.equal(json.version, 1);
  const findings = json.files[0].findings;
  assert.ok(findings.length >= shown);
  for (const f of findings) assert.equal([...text].slice(f.start, f.end).join(''), f.text);

  const csv = (await download(page, 'export-csv')).bytes;
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const rows = csv.toString('utf8').slice(1).trim().split('\r\n');
  assert.equal(rows[0].split(',')[0], '"rule"');
  assert.equal(rows.length - 1, findings.filter((f) => f.aggregate == null).length);

  const html = (await download(page, 'export-html')).bytes.toString('utf8');
  const report = await browser.newPage();
  await report.setContent(html);
  assert.equal(await report.locator('mark').count(), findings.filter((f) => f.aggregate == null).length);
  assert.match(await report.locator('.verdict').textContent(), /还有 \d+ 个错误/);
  await report.close();
  await page.close();
});

test('the language switch covers the interface', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '共有XX人。');
  await settled(page);
  await page.click('[data-testid=lang-switch]');
  await waitSummary(page, /errors/);
  const ui = await page.locator('.topbar, .side, .editor-pane .toolbar, footer').allInnerTexts();
  const han = ui.join('\n').match(/[\u4e00-\u9fff]+/g) ?? [];
  // Only the switch back (中文) and document words may stay Chinese.
  assert.deepEqual(han.filter((w) => w !== '中文'), [], `untranslated: ${han.join(' ')}`);
  await page.click('[data-testid=lang-switch]');
  await waitSummary(page, /错误/);
  await page.close();
});

test('profile import, use and export', async () => {
  const page = await openApp(browser, server);
  const profile = {
    id: 'meeting-minutes', name_zh: '会议纪要', name_en: 'Meeting minutes',
    cues: { title: ['会议纪要'], keywords: [] },
    sections: [
      { id: 'decisions', title: '议定事项', aliases: ['议定事项', '会议决定'], need: 'required' },
      { id: 'attendance', title: '出席人员', aliases: ['出席', '参会人员'], need: 'required' },
    ],
  };
  await page.fill('[data-testid=editor]', '办公会议纪要\n一、会议决定\n同意实施方案。\n二、其他\n无。');
  await settled(page);
  await page.click('[data-testid=tab-profiles]');
  await page.setInputFiles('[data-testid=profile-import]', { name: 'minutes.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(profile)) });
  await page.locator('[data-testid=profile-use]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=section]').length === 2);
  assert.equal(await page.locator('[data-testid=section][data-found=true]').count(), 1);
  assert.equal(await page.locator('[data-testid=section][data-found=false]').count(), 1);
  const exported = JSON.parse((await download(page, 'profile-export')).bytes.toString('utf8'));
  assert.equal(exported.id, 'meeting-minutes');
  assert.deepEqual(exported.sections.map((s) => s.aliases), profile.sections.map((s) => s.aliases));

  // A broken profile is refused with the field named.
  await page.setInputFiles('[data-testid=profile-import]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"id":"x","name_zh":"x","name_en":"x","sections":[{"id":"a","title":"A","aliases":[],"need":"required"}]}') });
  assert.match(await page.locator('[data-testid=profile-error]').textContent(), /bad\.json.*sections\[0\]\.aliases/);
  await page.close();
});

test('intranet profiles from profiles/index.json', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'draftcheck-intranet-'));
  cpSync(DIST, dir, { recursive: true });
  // dist/ ships an empty profiles/index.json; the office replaces it.
  mkdirSync(join(dir, 'profiles'), { recursive: true });
  writeFileSync(join(dir, 'profiles/index.json'), JSON.stringify(['office.json']));
  writeFileSync(join(dir, 'profiles/office.json'), JSON.stringify({
    id: 'office-annual', name_zh: '本单位年度总结', name_en: 'Office annual summary',
    sections: [{ id: 'plan', title: '明年计划', aliases: ['明年计划', '下一步'], need: 'required' }],
  }));
  const intranet = await serve(dir, 0);
  const page = await openApp(browser, intranet);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=profile-select] option')].some((o) => o.value === 'office-annual'));
  await page.fill('[data-testid=editor]', '年度总结\n一、主要工作\n完成了任务。');
  await settled(page);
  await page.selectOption('[data-testid=profile-select]', 'office-annual');
  // The checklist is folded into its summary line; it opens on a click.
  await page.locator('[data-testid=sections-summary]').click();
  await page.locator('[data-testid=section][data-found=false]').waitFor();
  assert.match(await page.locator('[data-testid=section]').textContent(), /明年计划/);
  await page.close();
  intranet.close();
});

test('a .docx with auto-numbered headings from the file picker', async () => {
  const page = await openApp(browser, server);
  await page.setInputFiles('[data-testid=file-input]', `${ROOT}/tests/fixtures/files/numbered.docx`);
  await page.locator('[data-testid=mark][data-category=placeholder]').first().waitFor();
  const text = await editorValue(page);
  // Word's automatic numbering is rendered back into the text.
  for (const heading of ['一、基本情况', '（一）党员队伍', '1.全县共有党员XX名。', '二、存在问题']) {
    assert.ok(text.includes(heading), `missing ${heading}`);
  }
  assert.equal(await page.locator('[data-testid=mark][data-category=placeholder]').textContent(), 'XX');
  assert.match(await page.locator('.editor-pane .hint').textContent(), /numbered\.docx/);
  await page.close();
});

test('a broken .docx is refused with the reason, and the text is kept', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '已有草稿。');
  await settled(page);
  await page.setInputFiles('[data-testid=file-input]', `${ROOT}/tests/fixtures/files/truncated.docx`);
  const notice = page.locator('[data-testid=notice]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /truncated\.docx/);
  assert.equal(await editorValue(page), '已有草稿。');
  await page.setInputFiles('[data-testid=file-input]', `${ROOT}/tests/fixtures/files/legacy.doc`);
  await page.waitForFunction(() => /legacy\.doc.*docx/.test(document.querySelector('[data-testid=notice]')?.textContent ?? ''));
  assert.equal(await editorValue(page), '已有草稿。');
  await page.close();
});
