// Shared browser-test setup: Debian's Chromium driven by playwright-core,
// against dist/ served on 127.0.0.1. Never downloads a browser.
import { chromium } from 'playwright-core';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../www/tools/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.DRAFTCHECK_DIST ?? `${ROOT}/dist`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const server = await serve(DIST, 0);
  return { browser, server };
}

export function appUrl(server, path = '') {
  return `http://127.0.0.1:${server.address().port}/${path}`;
}

/// Opens the app and waits until the wasm has started and rendered.
export async function openApp(browser, server, { path = '', context, engine = true } = {}) {
  const ctx = context ?? (await browser.newContext({ acceptDownloads: true }));
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(appUrl(server, path));
  await page.locator('[data-testid=editor]').waitFor({ timeout: 30000 });
  // The first results are the page's own rules'; every rule's once the
  // analysis engine (engine.wasm, fetched after them) is in. Most tests
  // check the whole report: they start with the engine loaded.
  if (engine) await page.locator('html[data-engine=ready]').waitFor({ timeout: 30000 });
  return page;
}

/// Waits until the analysis has answered for the text as it is now: the
/// worker's answer comes a moment after an edit, and until it does the
/// editing surface says it is busy (aria-busy).
export async function settled(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=surface]')?.getAttribute('aria-busy') === 'false');
}
