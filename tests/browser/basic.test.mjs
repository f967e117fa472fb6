// The vertical slice in a real browser: paste a corpus report, see its
// placeholders highlighted, as many as the CLI finds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { appUrl, launch, openApp, ROOT, settled } from './harness.mjs';

let browser, server;
before(async () => ({ browser, server } = await launch()));
after(async () => {
  await browser?.close();
  server?.close();
});

function cliFindings(file) {
  let out;
  try {
    out = execFileSync(`${ROOT}/target/release/draftcheck`, ['check', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    out = e.stdout; // exit code 1 when the draft has errors
  }
  return JSON.parse(out).files[0].findings;
}

test('pasting 000-4 highlights its XX placeholders', async () => {
  const file = `${ROOT}/tests/fixtures/corpus/000-4_county_commission.txt`;
  const text = readFileSync(file, 'utf8');
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', text);
  await settled(page);
  const marks = page.locator('[data-testid=mark][data-category=placeholder]');
  await marks.first().waitFor();
  const expected = cliFindings(file).filter((f) => f.category === 'placeholder').length;
  assert.ok(expected > 40, `CLI finds the template's XX blanks (${expected})`);
  assert.equal(await marks.count(), expected);
  const texts = await marks.allTextContents();
  assert.equal(texts[0], '202-年');
  assert.ok(texts.filter((t) => t === 'XX').length > 40, 'most blanks are XX');
  const summary = await page.locator('[data-testid=summary]').textContent();
  assert.match(summary, /还有 \d+ 个错误/);
  const items = page.locator('[data-testid=finding][data-category=placeholder]');
  assert.equal(await items.count(), expected);
  assert.equal(await items.first().getAttribute('data-rule'), 'placeholder');
  await page.close();
});

test('a browser that cannot run the wasm keeps the "too old" note; one that can removes it', async () => {
  const page = await openApp(browser, server);
  assert.equal(await page.locator('#boot').count(), 0, 'the app removed the loading note');
  await page.close();
  // Stand-in for a browser without WebAssembly SIMD: the wasm never arrives.
  const ctx = await browser.newContext();
  const old = await ctx.newPage();
  await old.route('**/*.wasm', (route) => route.abort());
  await old.goto(appUrl(server));
  await old.waitForTimeout(500);
  assert.match(await old.locator('#boot').textContent(), /浏览器版本过旧.*Chrome/s);
  await ctx.close();
});

test('the outline lists the profile sections with found flags', async () => {
  const text = readFileSync(`${ROOT}/tests/fixtures/corpus/000-4_county_commission.txt`, 'utf8');
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', text);
  await settled(page);
  await page.locator('[data-testid=outline]').waitFor();
  // The analysis answers from its worker a moment after the text is in.
  await page.locator('[data-testid=section][data-found=true]').nth(2).waitFor({ state: 'attached' });
  const found = await page.locator('[data-testid=section][data-found=true]').count();
  assert.ok(found >= 3, `sections found: ${found}`);
  await page.close();
});

test('a clean text says it can be submitted; typing re-runs the analysis', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '全年共召开会议12次。');
  await settled(page);
  await assertSummary(page, /可以提交/);
  await page.locator('[data-testid=editor]').pressSequentially('截至XX年底。');
  await assertSummary(page, /还有 1 个错误/);
  await page.close();
});

async function assertSummary(page, re) {
  await page.waitForFunction(
    (src) => new RegExp(src).test(document.querySelector('[data-testid=summary]')?.textContent ?? ''),
    re.source,
  );
}

test('a GBK file from the file picker is decoded', async () => {
  const page = await openApp(browser, server);
  const gbk = Buffer.from(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: '一、基本情况\n共有XX人。\n' }));
  await page.setInputFiles('[data-testid=file-input]', { name: 'draft-gbk.txt', mimeType: 'text/plain', buffer: gbk });
  await page.locator('[data-testid=mark][data-category=placeholder]').first().waitFor();
  assert.equal(await page.inputValue('[data-testid=editor]'), '一、基本情况\n共有XX人。\n');
  await page.close();
});

test('the interface switches to English', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '共有XX人。');
  await settled(page);
  await page.click('[data-testid=lang-switch]');
  await assertSummary(page, /1 errors/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.close();
});

// The web build has its own engines (regex-lite, Teddy on WebAssembly SIMD,
// memchr probes): on every text fixture, and on all of them joined, it must
// find exactly what the native CLI finds.
test('the wasm finds exactly what the native CLI finds', async () => {
  const dirs = ['corpus', 'placeholders', 'debris', 'figures', 'structure', 'hygiene'];
  const files = dirs.flatMap((d) =>
    readdirSync(`${ROOT}/tests/fixtures/${d}`).filter((n) => n.endsWith('.txt')).map((n) => `${ROOT}/tests/fixtures/${d}/${n}`),
  );
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const joined = `${tmpdir()}/draftcheck-all-fixtures.txt`;
  writeFileSync(joined, texts.join('\n'));
  files.push(joined);
  texts.push(texts.join('\n'));
  const page = await openApp(browser, server);
  // The CLI runs with the typo rules' lexicon: so does the wasm here.
  await page.evaluate(async () => {
    const bytes = new Uint8Array(await (await fetch('words.bin')).arrayBuffer());
    window.__lexicon = new window.wasmBindings.LexiconHandle(bytes);
  });
  const key = (f) => `${f.rule} ${f.start}-${f.end} ${f.message}`;
  for (const [i, file] of files.entries()) {
    const native = cliFindings(file).map(key);
    const wasm = await page.evaluate((t) => JSON.parse(window.wasmBindings.analyze_json_with(t, window.__lexicon)).files[0].findings, texts[i]);
    assert.deepEqual(wasm.map(key), native, file);
  }
  await page.close();
});
