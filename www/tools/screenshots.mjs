// Screenshots of the main states, for the README: node www/tools/screenshots.mjs OUTDIR
import { readFileSync, mkdirSync } from 'node:fs';
import { launch, openApp, ROOT } from '../../tests/browser/harness.mjs';

const out = process.argv[2] ?? 'www/screenshots';
mkdirSync(out, { recursive: true });
const { browser, server } = await launch();
const context = await browser.newContext({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
const page = await openApp(browser, server, { context });
const text = readFileSync(`${ROOT}/tests/fixtures/corpus/000-4_county_commission.txt`, 'utf8');
await page.screenshot({ path: `${out}/empty.png` });
await page.fill('[data-testid=editor]', text);
await page.locator('[data-testid=mark]').first().waitFor();
await page.screenshot({ path: `${out}/main.png` });
await page.locator('[data-testid=mark][data-category=placeholder]').nth(3).click();
await page.locator('[data-testid=card]').waitFor();
await page.screenshot({ path: `${out}/card.png` });
await page.keyboard.press('Escape');
await page.click('[data-testid=tab-fillin]');
await page.screenshot({ path: `${out}/fillin.png` });
await page.click('[data-testid=tab-more]');
await page.selectOption('[data-testid=theme]', 'dark');
await page.click('[data-testid=tab-problems]');
await page.click('[data-testid=lang-switch]');
await page.screenshot({ path: `${out}/dark-en.png` });
await browser.close();
server.close();
console.log(`screenshots in ${out}/`);
