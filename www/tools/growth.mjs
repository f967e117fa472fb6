// `make bench` (or `node www/tools/growth.mjs [runs]`): cost growth on the
// pathological inputs of tests/bench/analyze.rs, n → 4n and 4n → 16n.
// Runs divan's `pathological` bench several times and keeps, per input and
// size, the fastest sample over all runs: on a shared 2-vCPU VM other work
// only ever adds time (one run's medians move by ±50 % here), so the
// fastest sample is the steadiest estimate of the cost. Medians are
// printed too. Prints a Markdown table.
//
// Two allocator settings: glibc's default, which unmaps every block over
// 32 MB when it is freed, so that each iteration faults its memory in again
// (costly on this VM, and more so the larger the input); and freed memory
// kept for reuse, as the browser's allocator (dlmalloc in the wasm) and any
// long-running process do.
import { execFileSync } from 'node:child_process';
import { ROOT } from '../../tests/browser/harness.mjs';

const runs = Number(process.argv[2] ?? 3);
const names = ['XX', '、', '其中/占%', 'headings', 'one line', 'brackets', 'mix'];
const unit = { ns: 1e-6, 'µs': 1e-3, us: 1e-3, ms: 1, s: 1000 };
const ms = (v, u) => Number(v) * unit[u];

function measure(env) {
  const fastest = new Map(); // "k n" → ms
  const medians = new Map(); // "k n" → [ms per run]
  for (let r = 0; r < runs; r++) {
    const out = execFileSync('cargo', ['bench', '--locked', '--bench', 'analyze', '--', 'pathological'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let k = null;
    for (const line of out.split('\n')) {
      const group = line.match(/─ (\d)\s+│/);
      if (group && !/─ \d{3,}/.test(line)) {
        k = Number(group[1]);
        continue;
      }
      // name, fastest, slowest, median, mean
      const row = line.match(/─ (\d+)\s+([\d.]+) (ns|µs|us|ms|s)\s+│\s+[\d.]+ \S+\s+│\s+([\d.]+) (ns|µs|us|ms|s)/);
      if (row && k !== null) {
        const key = `${k} ${row[1]}`;
        fastest.set(key, Math.min(fastest.get(key) ?? Infinity, ms(row[2], row[3])));
        medians.set(key, [...(medians.get(key) ?? []), ms(row[4], row[5])]);
      }
    }
  }
  return { fastest, medians };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kept = 'glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=4294967296';
const results = [measure({}), measure({ GLIBC_TUNABLES: kept })];

// One table: `time(result, key)` is the time taken for an input and size.
function table(time) {
  console.log('| input | n → 4n | 4n → 16n | n → 4n, memory kept | 4n → 16n, memory kept |\n|---|---|---|---|---|');
  for (let k = 0; k < names.length; k++) {
    if (!results[0].fastest.has(`${k} 1000`)) continue;
    const cells = results.flatMap((r) => {
      const t = (n) => time(r, `${k} ${n}`);
      return [(t(4000) / t(1000)).toFixed(2), (t(16000) / t(4000)).toFixed(2)];
    });
    console.log(`| ${names[k]} | ${cells.join(' | ')} |`);
  }
}
table((r, key) => r.fastest.get(key));
console.log('\nMedians instead of the fastest samples:\n');
table((r, key) => median(r.medians.get(key)));
console.log(`\n(${runs} runs of \`cargo bench --bench analyze -- pathological\` per setting; budget ≤ 4.4)`);
