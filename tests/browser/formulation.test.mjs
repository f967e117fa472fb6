// Bent standard formulations (standard-formulation): the card cites the
// source and its one-click fix restores the canonical wording; a user's own
// formulation added in Settings is checked the same way and survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, settled } from './harness.mjs';

let browser, server;
before(async () => ({ browser, server } = await launch()));
after(async () => {
  await browser?.close();
  server?.close();
});

const editorValue = (page) => page.inputValue('[data-testid=editor]');

// A paragraph of a spun model essay: 坚定不移 → 坚决不移 (a synonym), the
// rest as a real report has it.
const DRAFT =
  '关于2025年度落实全面从严治党主体责任情况的报告\n' +
  '一、主要工作\n' +
  '今年以来，局党组坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，' +
  '坚决不移推进全面从严治党，扎实开展党纪学习教育，全年召开党组会议专题研究党风廉政建设4次。\n';

test('a bent formulation: the card cites the source and the fix restores it', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', DRAFT);
  await settled(page);
  const mark = page.locator('[data-testid=mark][data-rule=standard-formulation]');
  await mark.waitFor();
  assert.equal(await mark.count(), 1, 'one bent formulation in the draft');
  assert.equal(await mark.textContent(), '坚决不移');
  await mark.click();
  const card = page.locator('[data-testid=card]');
  await card.waitFor();
  assert.equal(
    await card.locator('.card-msg').textContent(),
    '“坚决不移”改了字：规范表述是“坚定不移”（公文惯用表述）',
  );
  assert.match(await card.locator('.card-fix').textContent(), /“坚定不移”/);
  await card.locator('[data-testid=apply-fix]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=editor]').value.includes('坚定不移推进'));
  assert.equal(await editorValue(page), DRAFT.replace('坚决不移', '坚定不移'));
  await page.locator('[data-testid=mark][data-rule=standard-formulation]').waitFor({ state: 'detached' });
  await page.close();
});

test("a user's own formulation added in Settings is checked, fixed and remembered", async () => {
  const context = await browser.newContext();
  const page = await openApp(browser, server, { context });
  const text = '一、总体要求\n全市上下要锚定建设美丽幸福新交州目标，坚定不移推进全面从严治党。\n';
  await page.fill('[data-testid=editor]', text);
  await settled(page);
  // Nothing flags it before the user's entry exists.
  await page.locator('[data-testid=summary]').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid=mark][data-rule=standard-formulation]').count(), 0);

  await page.click('[data-testid=tab-more]');
  await page.fill('[data-testid=formulation-entries]', '建设美丽幸福新胶州|市第十四次党代会报告|2021-09');
  await page.click('[data-testid=formulations-save]');
  await page.waitForFunction(() => /已添加 1 条表述/.test(document.querySelector('[data-testid=formulations-count]')?.textContent ?? ''));

  const mark = page.locator('[data-testid=mark][data-rule=standard-formulation]');
  await mark.waitFor();
  assert.equal(await mark.textContent(), '建设美丽幸福新交州');
  await mark.click();
  const card = page.locator('[data-testid=card]');
  await card.waitFor();
  assert.equal(
    await card.locator('.card-msg').textContent(),
    '“建设美丽幸福新交州”改了字：规范表述是“建设美丽幸福新胶州”（市第十四次党代会报告，2021年9月）',
  );
  await card.locator('[data-testid=apply-fix]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=editor]').value.includes('新胶州目标'));
  assert.equal(await editorValue(page), text.replace('新交州', '新胶州'));

  // Saved in this browser: a new page of the same context still checks it.
  const again = await openApp(browser, server, { context });
  await again.fill('[data-testid=editor]', text);
  await settled(again);
  await again.locator('[data-testid=mark][data-rule=standard-formulation]').waitFor();
  await again.click('[data-testid=tab-more]');
  assert.equal(
    await again.inputValue('[data-testid=formulation-entries]'),
    '建设美丽幸福新胶州|市第十四次党代会报告|2021-09',
  );
  await context.close();
});
