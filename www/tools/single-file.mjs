// Post-processes Trunk's dist/:
//  1. adds a Content-Security-Policy to dist/index.html (the inline loader is
//     allowed by its hash, nothing else inline);
//  2. writes dist/draftcheck.html: one self-contained file with the CSS, the
//     JS glue and the wasm (base64) inlined, so it works from file:// with no
//     server and no network (file:// cannot fetch a sibling .wasm); the
//     analysis engine (engine.wasm) and the lexicon (words.bin) too, as
//     base64 in data blocks the app reads after its first results
//     (src/web/deferred.rs), and the JS glue's source
//     as text, which the analysis worker is built from (src/web/worker.rs).
// Usage: node www/tools/single-file.mjs dist
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const indexPath = join(dist, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const sha256 = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const need = (m, what) => {
  if (!m) throw new Error(`single-file: ${what} not found in ${indexPath}`);
  return m;
};

// Chromium < 97 has no 'wasm-unsafe-eval' and ignores it; see README (Old browsers).
const csp = (scriptHashes, styleSrc) =>
  [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${styleSrc}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The analysis worker's script is a Blob URL (src/web/worker.rs), and
    // the glue it imports is fetched as a worker script too.
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
const cspMeta = (policy) => `<meta http-equiv="Content-Security-Policy" content="${policy}">`;

const loaderRe = /<script type="module">([\s\S]*?)<\/script>/;
const loader = need(html.match(loaderRe), 'the Trunk loader script')[1];
const jsFile = need(loader.match(/from '\.\/([^']+\.js)'/), 'the JS glue name')[1];
const wasmFile = need(loader.match(/module_or_path: '\.\/([^']+\.wasm)'/), 'the wasm name')[1];
const cssFile = need(html.match(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/), 'the stylesheet')[1];

// 1. The served build.
if (!html.includes('Content-Security-Policy')) {
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${cspMeta(csp([sha256(loader)], "'self'"))}`);
  writeFileSync(indexPath, html);
}

// 2. The single file.
const glue = readFileSync(join(dist, jsFile), 'utf8')
  .replace(/^export \{[^}]*\};?\s*$/m, '')
  .replace(/^export (function|class|const|let|async function) /gm, '$1 ');
if (/^\s*(export|import)\s/m.test(glue)) throw new Error('single-file: the JS glue has imports/exports left');
const wasmB64 = readFileSync(join(dist, wasmFile)).toString('base64');
const css = readFileSync(join(dist, cssFile), 'utf8');
const script = `${glue}
const draftcheckWasm = Uint8Array.from(atob("${wasmB64}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: draftcheckWasm });
`;
let single = html
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, cspMeta(csp([sha256(script)], sha256(css))))
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`)
  .replace(loaderRe, () => `<script type="module">${script}</script>`)
  .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
// A data block, not a script: the browser never runs it, so the CSP has no
// say. In <head>: the app's first render replaces what <body> holds.
for (const [file, id] of [['engine.wasm', 'draftcheck-engine'], ['words.bin', 'draftcheck-words']]) {
  const b64 = readFileSync(join(dist, file)).toString('base64');
  single = single.replace('</head>', () => `<script type="application/octet-stream" id="${id}">${b64}</script>\n</head>`);
}
// The glue again, as text: file:// lets a worker neither fetch nor import
// it, so the worker's Blob carries it (src/web/worker.rs). A classic
// script: Chromium runs no module worker from a file:// page's Blob, and
// a classic one has no import.meta (the glue reads it only when it is not
// handed a module, and the worker always is).
const workerGlue = glue.replaceAll('import.meta.url', 'self.location.href');
if (/import\.meta|<\/script/i.test(workerGlue)) throw new Error('single-file: the worker glue holds import.meta or "</script"');
single = single.replace('</head>', () => `<script type="text/plain" id="draftcheck-glue">${workerGlue}</script>\n</head>`);
if (/(href|src)="\.\//.test(single)) throw new Error('single-file: a relative reference is left');
writeFileSync(join(dist, 'draftcheck.html'), single);
console.log(`single-file: ${join(dist, 'draftcheck.html')} (${(single.length / 1024).toFixed(0)} KB)`);
