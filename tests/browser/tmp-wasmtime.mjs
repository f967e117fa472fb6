import { launch, openApp, ROOT } from './harness.mjs';
import { readFileSync } from 'node:fs';
const big = readFileSync('/tmp/draftcheck-bench-1.5mb.txt', 'utf8');
const { browser, server } = await launch();
const page = await openApp(browser, server);
const t = await page.evaluate((text) => { const out = []; for (let i = 0; i < 5; i++) { const t0 = performance.now(); window.wasmBindings.count_findings(text); out.push(performance.now() - t0); } return out.sort((a,b)=>a-b)[2]; }, big);
console.log('wasm count_findings median ms', t.toFixed(1));
await browser.close(); server.close();
