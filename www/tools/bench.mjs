// `make bench` (after `make dist` and a release build): the numbers the
// README reports. Measures
//  - CLI throughput, whole process, --format json, on the 1.5 MB text;
//  - native vs wasm analyze time on that text;
//  - keystroke → highlight on a 30,000-character report, in Chromium;
//  - 1.5 MB paste → summary, in Chromium;
//  - the gzipped download (wasm + js + css + html);
//  - a batch of 40 reports of 50 KB dropped on the page → table complete,
//    against count_findings on the same 2 MB as one text in the same page;
//  - a 1 MB report compared with its revision (compare-previous) → the
//    comparison shown, against count_findings on the two texts.
// Median of several runs each. Prints a Markdown table.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, openApp, ROOT, DIST } from '../../tests/browser/harness.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const corpus = ['000-1_bureau_self_check.txt', '000-2_county_evaluation.txt', '000-3_town_analysis.txt', '000-4_county_commission.txt', '001_office_report.txt', '002_district_2020_evaluation.txt']
  .map((n) => readFileSync(join(ROOT, 'tests/fixtures/corpus', n), 'utf8'));
const big = Array.from({ length: 20 }, () => corpus.map((r) => r + '\n').join('')).join('');
const bigFile = join(tmpdir(), 'draftcheck-bench-1.5mb.txt');
writeFileSync(bigFile, big);
const mb = Buffer.byteLength(big) / 1e6;
const cli = join(ROOT, 'target/release/draftcheck');

// CLI, whole process. One unmeasured run first: the file has just been
// written and the binary may just have been built (neither is in the page
// cache's steady state yet).
const cliTimes = [];
spawnSync(cli, ['check', '--format', 'json', bigFile], { stdio: 'ignore' });
for (let i = 0; i < 15; i++) {
  const t0 = process.hrtime.bigint();
  spawnSync(cli, ['check', '--format', 'json', bigFile], { stdio: ['ignore', 'ignore', 'ignore'] });
  cliTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
// Native analyze alone: as the CLI runs it (two threads for large texts)
// and on one thread, as the web build must.
const analyzeTimes = (extra) => Array.from({ length: 9 }, () => {
  const r = spawnSync(cli, ['check', '--timing', ...extra, '--format', 'json', bigFile], { encoding: 'utf8' });
  return Number(r.stderr.match(/in ([0-9.]+) ms/)[1]);
});
const nativeTimes = analyzeTimes([]);
const oneThreadTimes = analyzeTimes(['--threads', '1']);

const { browser, server } = await launch();
const page = await openApp(browser, server);
console.error('bench: wasm analyze');
// Wasm analyze alone.
const wasmTimes = await page.evaluate((text) => {
  const out = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    window.wasmBindings.count_findings(text);
    out.push(performance.now() - t0);
  }
  return out;
}, big);

console.error('bench: keystroke');
// Keystroke → highlight on a 30,000-character report.
const report30k = [...corpus.join('\n')].slice(0, 30000).join('');
await page.fill('[data-testid=editor]', report30k);
await page.locator('[data-testid=mark]').first().waitFor();
const keyTimes = await page.evaluate(async () => {
  const area = document.querySelector('[data-testid=editor]');
  const out = [];
  for (let i = 0; i < 9; i++) {
    const before = document.querySelectorAll('[data-testid=mark][data-category=placeholder]').length;
    const t0 = performance.now();
    area.value = area.value + (i % 2 ? '共有XX人。' : '截至XX年。');
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((ok) => {
      const check = () => (document.querySelectorAll('[data-testid=mark][data-category=placeholder]').length > before ? ok() : requestAnimationFrame(check));
      check();
    });
    out.push(performance.now() - t0);
  }
  return out;
});

console.error('bench: paste');
// 1.5 MB paste → summary.
const pasteTimes = [];
const longestTasks = [];
const longestFrames = [];
const pasteTasks = [];
const wholeTimes = [];
const handlerTimes = [];
for (let i = 0; i < 3; i++) {
  const p = await openApp(browser, server);
  pasteTimes.push(await p.evaluate(async (text) => {
    const area = document.querySelector('[data-testid=editor]');
    // The main thread's longest task after the paste until the marks are
    // drawn (issue #21's target: none over 100 ms). The paste's own task
    // (here the assignment of 1.5 MB to the textarea, which stands in for
    // the browser inserting it, and the page's input handler) is counted
    // apart: the assignment is the browser's, not the page's.
    window.__longest = 0;
    window.__pasteTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime <= window.__t0) window.__pasteTask = Math.max(window.__pasteTask, e.duration);
        else window.__longest = Math.max(window.__longest, e.duration);
      }
    }).observe({ type: 'longtask' });
    // A task does not count the browser's own layout of what it changed; a
    // long animation frame does (the textarea laying out 1.5 MB, say).
    window.__longestFrame = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longestFrame = Math.max(window.__longestFrame, e.duration);
    }).observe({ type: 'long-animation-frame' });
    const t0 = performance.now();
    window.__t0 = t0;
    area.value = text;
    const h0 = performance.now();
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    window.__handler = performance.now() - h0;
    await new Promise((ok, fail) => {
      const check = () => {
        const summary = document.querySelector('[data-testid=summary]').textContent;
        if (/还有 \d+ 个错误/.test(summary)) ok();
        else if (performance.now() - t0 > 60000) fail(new Error(`no result after 60 s: ${summary}`));
        else setTimeout(check, 5);
      };
      check();
    });
    const summary = performance.now() - t0;
    // The whole result: a long text's wording warnings come after its
    // errors (a staged answer), and the surface is busy until then.
    await new Promise((ok) => {
      const check = () => (document.querySelector('[data-testid=surface]').getAttribute('aria-busy') === 'false' ? ok() : setTimeout(check, 5));
      check();
    });
    window.__whole = performance.now() - t0;
    return summary;
  }, big));
  wholeTimes.push(await p.evaluate(() => window.__whole));
  console.error(`bench: paste ${i + 1}: ${pasteTimes[i].toFixed(0)} ms (whole result ${wholeTimes[i].toFixed(0)} ms)`);
  await p.locator('[data-testid=mark]').first().waitFor();
  // Until the layer is drawn to its last block (a slice a frame).
  await p.waitForFunction(() => {
    const blocks = document.querySelectorAll('[data-testid=doc] .block');
    return blocks.length > 0 && blocks[blocks.length - 1].childElementCount > 0;
  }, null, { timeout: 60000 });
  await p.waitForTimeout(300);
  longestTasks.push(await p.evaluate(() => window.__longest));
  pasteTasks.push(await p.evaluate(() => window.__pasteTask));
  handlerTimes.push(await p.evaluate(() => window.__handler));
  longestFrames.push(await p.evaluate(() => window.__longestFrame));
  await p.close();
}
console.error('bench: batch and compare');
// The batch and diff inputs, as tests/bench/batch.rs makes them.
const batchFiles = (n, bytes) => Array.from({ length: n }, (_, k) => {
  let s = '';
  for (let i = 0; ; i++) {
    for (const line of corpus[(k + i) % corpus.length].split('\n')) {
      s += line + '\n';
      if (Buffer.byteLength(s) >= bytes) return s;
    }
  }
});
const revised = (old) => {
  let out = '根据统一部署，现将本年度有关情况报告如下。\n';
  old.split('\n').forEach((line, i) => {
    if (i % 29 === 28) return;
    out += (i % 7 === 3 ? line.replace(/[0-9]+/g, (d) => String(Number(d) + 1)) : line) + '\n';
    if (i % 31 === 30) out += `新增的第${i}段：本段说明有关工作的进展情况。\n`;
  });
  return out;
};
const forty = batchFiles(40, 50 * 1024);
const batchTimes = [];
const batchRefs = [];
for (let i = 0; i < 3; i++) {
  const p = await openApp(browser, server);
  // A first analysis of the same text warms the page up (regexes, tables,
  // the wasm memory grown) for both measures; the second is timed.
  batchRefs.push(await p.evaluate((t) => { window.wasmBindings.count_findings(t); const t0 = performance.now(); window.wasmBindings.count_findings(t); return performance.now() - t0; }, forty.join('')));
  batchTimes.push(await p.evaluate(async (texts) => {
    const dt = new DataTransfer();
    texts.forEach((t, k) => dt.items.add(new File([t], `单位${k}.txt`, { type: 'text/plain' })));
    const t0 = performance.now();
    document.querySelector('.topbar').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await new Promise((ok) => {
      const check = () => (document.querySelectorAll('[data-testid=batch-row]').length === texts.length && !document.querySelector('[data-testid=batch-progress]') ? ok() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  }, forty));
  await p.close();
}
const oldMb = batchFiles(1, 1024 * 1024)[0];
const newMb = revised(oldMb);
const diffTimes = [];
const diffRefs = [];
for (let i = 0; i < 3; i++) {
  const p = await openApp(browser, server);
  diffRefs.push(await p.evaluate(([a, b]) => { window.wasmBindings.count_findings(a); const t0 = performance.now(); window.wasmBindings.count_findings(a); window.wasmBindings.count_findings(b); return performance.now() - t0; }, [oldMb, newMb]));
  await p.fill('[data-testid=editor]', newMb);
  await p.waitForFunction(() => /还有 \d+ 个错误/.test(document.querySelector('[data-testid=summary]').textContent));
  diffTimes.push(await p.evaluate(async (old) => {
    const input = document.querySelector('[data-testid=compare-previous]');
    const dt = new DataTransfer();
    dt.items.add(new File([old], 'old.txt', { type: 'text/plain' }));
    input.files = dt.files;
    const t0 = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((ok) => {
      const check = () => (document.querySelector('[data-testid=diff-view]') ? ok() : requestAnimationFrame(check));
      check();
    });
    return performance.now() - t0;
  }, oldMb));
  await p.close();
}
await browser.close();
server.close();

// The initial download: what the page loads before its first results. The
// engine (engine.wasm) and the lexicon (words.bin) follow them.
const gzipped = (f) => gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
const bundle = readdirSync(DIST).filter((f) => (/\.(wasm|js|css)$/.test(f) || f === 'index.html') && f !== 'engine.wasm');
const gz = bundle.reduce((n, f) => n + gzipped(f), 0);
const engineGz = gzipped('engine.wasm');
const wordsGz = gzipped('words.bin');

const cliMs = median(cliTimes);
const rows = [
  ['CLI throughput, whole process, --format json, 1.5 MB', `${(mb / (cliMs / 1000)).toFixed(1)} MB/s (${cliMs.toFixed(0)} ms)`, '≥ 30 MB/s'],
  ['analyze, native (regex), --timing, two threads', `${median(nativeTimes).toFixed(1)} ms`, ''],
  ['analyze, native (regex), --timing --threads 1', `${median(oneThreadTimes).toFixed(1)} ms`, ''],
  ['analyze, wasm in Chromium (regex-lite), count_findings (one thread)', `${median(wasmTimes).toFixed(1)} ms: ${(median(wasmTimes) / median(oneThreadTimes)).toFixed(2)}× one native thread, ${(median(wasmTimes) / median(nativeTimes)).toFixed(2)}× two`, '≤ 2× native'],
  ['keystroke → highlight, 30,000-character report', `${median(keyTimes).toFixed(1)} ms`, '≤ 50 ms'],
  ['keystroke → highlight against one native analysis of the 1.5 MB text (--threads 1)', `${(median(keyTimes) / median(oneThreadTimes)).toFixed(2)}×`, ''],
  ['1.5 MB paste → summary', `${median(pasteTimes).toFixed(0)} ms: ${(median(pasteTimes) / median(oneThreadTimes)).toFixed(1)}× one native analysis`, '≤ 1 s'],
  ['1.5 MB paste → whole result (the wording rules\' warnings, which follow the errors)', `${median(wholeTimes).toFixed(0)} ms: ${(median(wholeTimes) / median(oneThreadTimes)).toFixed(1)}× one native analysis`, ''],
  ['1.5 MB paste: longest main-thread task after the paste until the marks are drawn', `${median(longestTasks).toFixed(0)} ms`, '≤ 100 ms'],
  ['1.5 MB paste: the paste\'s own task (the text set into the textarea, then the page\'s input handler)', `${median(pasteTasks).toFixed(0)} ms, of which the handler ${median(handlerTimes).toFixed(1)} ms`, ''],
  ['1.5 MB paste: longest frame (a task with the layout it caused) until the marks are drawn', `${median(longestFrames).toFixed(0)} ms`, '—'],
  ['download, gzipped (wasm + js + css + html)', `${(gz / 1024).toFixed(1)} KiB (${gz} bytes)`, '≤ 450 KB'],
  ['after the first results, gzipped: the engine (engine.wasm), the lexicon (words.bin)', `${(engineGz / 1024).toFixed(1)} KiB, ${(wordsGz / 1024).toFixed(1)} KiB`, 'lexicon ≤ 1 MB'],
  ['batch of 40 × 50 KB dropped → table complete, in Chromium', `${median(batchTimes).toFixed(0)} ms: ${(median(batchTimes) / median(batchRefs)).toFixed(2)}× count_findings on the same 2 MB (${median(batchRefs).toFixed(0)} ms)`, '≤ 3 s'],
  ['1 MB pair, compare-previous → comparison shown, in Chromium', `${median(diffTimes).toFixed(0)} ms: ${(median(diffTimes) / median(diffRefs)).toFixed(2)}× count_findings on both (${median(diffRefs).toFixed(0)} ms)`, ''],
];
console.log('| measure | result | budget |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
