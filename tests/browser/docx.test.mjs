// The Word round trip in the browser: upload a .docx, fix in the editor,
// download the annotated and the fixed Word documents and look inside
// them (comments by 稿检, tracked changes), then upload the fixed one
// again; pasted text downloads as a plain .docx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { launch, openApp, ROOT, settled } from './harness.mjs';

let browser, server;
before(async () => ({ browser, server } = await launch()));
after(async () => {
  await browser?.close();
  server?.close();
});

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

/// The entries of a zip, by name, decompressed (central directory read).
function unzip(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'a zip end record');
  const n = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = {};
  for (let i = 0; i < n; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const [nl, el, cl] = [buf.readUInt16LE(at + 28), buf.readUInt16LE(at + 30), buf.readUInt16LE(at + 32)];
    const name = buf.subarray(at + 46, at + 46 + nl).toString('utf8');
    const h = buf.readUInt32LE(at + 42);
    const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const data = buf.subarray(start, start + size);
    out[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nl + el + cl;
  }
  return out;
}

const editorValue = (page) => page.inputValue('[data-testid=editor]');

test('a .docx upload downloads back as an annotated and a fixed Word document', async () => {
  const page = await openApp(browser, server);
  const file = `${ROOT}/tests/fixtures/docx/wps-report.docx`;
  await page.setInputFiles('[data-testid=file-input]', file);
  await page.locator('[data-testid=mark][data-category=placeholder]').first().waitFor();
  const original = await editorValue(page);
  assert.ok(original.includes('全县共发布政府信息XX条,其中主动公开的的文件85件。'), original);

  // Fix every half-width mark in the editor: these become the revisions.
  await page.locator('[data-testid=aggregate][data-rule=half-width-punctuation] [data-testid=fix-all]').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=editor]').value.includes(','));
  const fixedText = await editorValue(page);

  await page.click('[data-testid=tab-more]');
  const annotated = await download(page, 'download-docx-annotated');
  assert.equal(annotated.name, 'wps-report-带批注.docx');
  const a = unzip(annotated.bytes);
  const comments = a['word/comments.xml'];
  assert.ok(comments, 'a comments part');
  // The findings still open: the placeholder and the doubled character.
  const ours = comments.match(/<w:comment w:id="\d+" w:author="稿检"/g) ?? [];
  assert.equal(ours.length, 2, comments);
  assert.match(comments, /未填写的占位符“XX”/);
  assert.match(comments, /“的的”疑为多打了一个字/);
  assert.equal((a['word/document.xml'].match(/<w:commentRangeStart /g) ?? []).length, 2);
  // The placeholder's comment spans exactly "XX".
  assert.match(a['word/document.xml'], /<w:commentRangeStart w:id="\d+"\/><w:r [^>]*><w:rPr>.*?<\/w:rPr><w:t xml:space="preserve">XX<\/w:t><\/w:r><w:commentRangeEnd /);
  assert.match(a['[Content_Types].xml'], /\/word\/comments\.xml/);
  assert.equal(a['word/styles.xml'], unzip(readFileSync(file))['word/styles.xml'], 'other parts unchanged');

  const fixed = await download(page, 'download-docx-fixed');
  assert.equal(fixed.name, 'wps-report-修订.docx');
  const doc = unzip(fixed.bytes)['word/document.xml'];
  const ins = doc.match(/<w:ins w:id="\d+" w:author="稿检" w:date="[0-9T:-]+Z">/g) ?? [];
  assert.equal(ins.length, 2, 'one insertion per comma');
  assert.equal((doc.match(/<w:delText xml:space="preserve">,<\/w:delText>/g) ?? []).length, 2);
  assert.ok(doc.includes('<w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312"'), 'run properties kept');

  // Read back: the fixed copy's text is the text as fixed in the editor.
  await page.setInputFiles('[data-testid=file-input]', { name: fixed.name, mimeType: 'application/octet-stream', buffer: fixed.bytes });
  await page.waitForFunction((t) => document.querySelector('[data-testid=editor]').value === t, fixedText);
  await page.close();
});

test('pasted text downloads as a plain .docx', async () => {
  const page = await openApp(browser, server);
  await page.fill('[data-testid=editor]', '一、基本情况\n全县共有XX个单位\t合计。');
  await settled(page);
  await page.locator('[data-testid=finding]').first().waitFor();
  await page.click('[data-testid=tab-more]');
  assert.equal(await page.locator('[data-testid=download-docx-annotated]').count(), 0);
  const plain = await download(page, 'download-docx');
  assert.match(plain.name, /\.docx$/);
  const doc = unzip(plain.bytes)['word/document.xml'];
  assert.ok(doc.includes('<w:p><w:r><w:t xml:space="preserve">一、基本情况</w:t></w:r></w:p>'), doc);
  assert.ok(doc.includes('全县共有XX个单位</w:t></w:r><w:r><w:tab/></w:r>'), doc);
  await page.close();
});
