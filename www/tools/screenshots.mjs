// Screenshots for the README, at the two screens the README names (an office
// laptop at 1280×720, a desktop at 1440×900): node www/tools/screenshots.mjs OUTDIR
// Needs a Chinese font (Debian fonts-wqy-microhei) or the text is boxes.
import { readFileSync, mkdirSync } from 'node:fs';
import { launch, openApp, ROOT } from '../../tests/browser/harness.mjs';

const out = process.argv[2] ?? 'www/screenshots';
mkdirSync(out, { recursive: true });
const { browser, server } = await launch();
const text = readFileSync(`${ROOT}/tests/fixtures/corpus/000-4_county_commission.txt`, 'utf8');
for (const [w, h] of [[1280, 720], [1440, 900]]) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
  const page = await openApp(browser, server, { context });
  await page.fill('[data-testid=editor]', text);
  await page.locator('[data-testid=mark]').first().waitFor();
  // A blank's card, open beside the text.
  await page.locator('[data-testid=mark][data-category=placeholder]').nth(1).click();
  await page.locator('[data-testid=card]').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/main-${w}x${h}.png` });
  if (w === 1440) {
    await page.keyboard.press('Escape');
    await page.click('[data-testid=tab-fillin]');
    await page.screenshot({ path: `${out}/fillin.png` });
    await page.click('[data-testid=tab-more]');
    await page.selectOption('[data-testid=theme]', 'dark');
    await page.click('[data-testid=tab-problems]');
    await page.click('[data-testid=lang-switch]');
    await page.screenshot({ path: `${out}/dark-en.png` });
  }
  await context.close();
}
await browser.close();
server.close();
console.log(`screenshots in ${out}/`);
