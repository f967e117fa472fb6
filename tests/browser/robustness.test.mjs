// Every awkward file through the upload path: a correct result or a clear
// message naming the file, never a crash, a hang or a lost draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, ROOT, settled } from './harness.mjs';

let browser, server;
before(async () => ({ browser, server } = await launch()));
after(async () => {
  await browser?.close();
  server?.close();
});

const DIR = `${ROOT}/tests/fixtures/files`;
// Files that must be refused (the draft in the editor stays).
const REFUSED = new Set(['broken-xml.docx', 'encrypted.docx', 'fake.docx', 'legacy.doc', 'no-document.docx', 'nul-only.txt',
  'png-renamed.txt', 'report.pdf', 'sheet.docx', 'truncated.docx', 'noise.txt', 'rtf.doc', 'webpage.doc']);

async function upload(page, files) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setInputFiles('[data-testid=file-input]', files);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=notice]') || document.querySelector('[data-testid=editor]').value !== '原稿。',
    null,
    { timeout: 60000, polling: 100 },
  );
  return errors;
}

for (const name of readdirSync(DIR).sort()) {
  test(`upload ${name}`, async () => {
    const page = await openApp(browser, server);
    await page.fill('[data-testid=editor]', '原稿。');
    await settled(page);
    const errors = await upload(page, `${DIR}/${name}`);
    const value = await page.inputValue('[data-testid=editor]');
    const notice = (await page.locator('[data-testid=notice]').count()) ? await page.locator('[data-testid=notice]').textContent() : '';
    if (REFUSED.has(name) && value === '原稿。') {
      assert.ok(notice.includes(name), `the message names the file: ${notice}`);
    } else {
      assert.notEqual(value, '原稿。', `${name} was loaded (${notice})`);
      await page.locator('[data-testid=summary]').waitFor();
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('huge and pathological uploads stay responsive', async () => {
  const cases = [
    ['one-line.txt', '这是一句没有换行的很长的话，'.repeat(25_000)], // 1 MB
    ['brackets.txt', '（'.repeat(100_000) + '）'.repeat(100_000)],
    ['headings.txt', Array.from({ length: 50_000 }, (_, i) => `## 第${i}项\n`).join('')],
  ];
  for (const [name, text] of cases) {
    const page = await openApp(browser, server);
    const errors = await upload(page, { name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    await page.waitForFunction(() => !/正在检查/.test(document.querySelector('[data-testid=summary]').textContent), null, { timeout: 60000, polling: 100 });
    assert.equal((await page.inputValue('[data-testid=editor]')).length, text.length);
    assert.deepEqual(errors, []);
    await page.close();
  }
  // Over the size cap: refused by name, draft kept.
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '原稿。');
  await settled(page);
  const dir = mkdtempSync(join(tmpdir(), 'draftcheck-huge-'));
  writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(65 * 1024 * 1024, 0x61));
  await upload(page, join(dir, 'huge.txt'));
  assert.match(await page.locator('[data-testid=notice]').textContent(), /huge\.txt.*太大/);
  assert.equal(await page.inputValue('[data-testid=editor]'), '原稿。');
  await page.close();
});
