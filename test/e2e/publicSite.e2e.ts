/** A citizen uses the public site: 繁體 and elderly mode persist across pages; it fits a phone and prints cleanly. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, recordForeignRequests, resultsPath, startApp, type RunningApp } from './support.ts';
import { PublicSite } from './pages/publicSite.ts';

let app: RunningApp;
let browser: Browser;

before(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

async function withPage(
  viewport: { width: number; height: number },
  fn: (page: Page, site: PublicSite, foreign: string[]) => Promise<void>,
): Promise<void> {
  const context: BrowserContext = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    const foreign = recordForeignRequests(page, app.baseUrl);
    await fn(page, new PublicSite(page, app.baseUrl), foreign);
    assert.deepEqual(foreign, [], 'the page loads nothing from another host');
  } finally {
    await context.close();
  }
}

test('繁體 converts the whole page and persists across pages until switched back', async () => {
  await withPage({ width: 1280, height: 900 }, async (_page, site) => {
    await site.open('/');
    assert.equal(await site.lang(), 'zh-CN');
    assert.match(await site.bodyText(), /政府信息公开/);

    await site.switchToTraditional();
    assert.equal(await site.lang(), 'zh-Hant');
    let text = await site.bodyText();
    assert.match(text, /政府信息公開/);
    assert.match(text, /示範區人民政府/);
    assert.doesNotMatch(text, /政府信息公开|示范区/, 'no Simplified text left');

    await site.navigate('/zwgk');
    assert.equal(await site.lang(), 'zh-Hant', 'still Traditional on another page');
    text = await site.bodyText();
    assert.match(text, /辦公地址/);
    assert.doesNotMatch(text, /办公地址/);

    await site.switchToSimplified();
    assert.equal(await site.lang(), 'zh-CN');
    assert.match(await site.bodyText(), /办公地址/);
    await site.navigate('/');
    assert.equal(await site.lang(), 'zh-CN');
  });
});

test('the elderly mode enlarges the type, enlarges the targets and persists', async () => {
  await withPage({ width: 1280, height: 900 }, async (page, site) => {
    await site.open('/');
    const normal = await site.bodyFontSize();
    assert.ok(normal >= 16, `base font ${normal}px`);
    await site.elderlyOn();
    assert.equal(await site.htmlClass(), 'elderly');
    const large = await site.bodyFontSize();
    assert.ok(large >= 20, `elderly body font ${large}px`);

    await site.navigate('/zwgk');
    assert.equal(await site.htmlClass(), 'elderly', 'persists on /zwgk');
    assert.ok((await site.bodyFontSize()) >= 20);
    for (const box of await page.locator('.main-nav a, .prefs a').evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent, height: e.getBoundingClientRect().height })),
    )) {
      assert.ok(box.height >= 48, `${box.text} is ${box.height}px high`);
    }
    const link = page.locator('main a').first();
    assert.match(await link.evaluate((e) => getComputedStyle(e).textDecorationLine), /underline/);

    await site.elderlyOff();
    assert.equal(await site.htmlClass(), null);
    assert.ok((await site.bodyFontSize()) < 20);
  });
});

test('the search box leads to the search page, which shows the query as text', async () => {
  await withPage({ width: 1280, height: 900 }, async (page, site) => {
    await site.open('/');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await site.search('<img src=x onerror=alert(1)>');
    assert.match(await page.getByTestId('search-query').innerText(), /<img src=x onerror=alert\(1\)>/);
    assert.match(await site.bodyText(), /全文检索功能即将上线/);
    assert.equal(dialogs, 0, 'the query was not executed');
  });
});

for (const { name, width, height } of [
  { name: 'phone', width: 375, height: 812 },
  { name: 'narrow', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 900 },
]) {
  test(`the home page fits a ${width}px screen (${name})`, async () => {
    await withPage({ width, height }, async (page, site) => {
      for (const path of ['/', '/zwgk']) {
        await site.open(path);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width + 1, `${path} is ${scrollWidth}px wide on a ${width}px screen`);
      }
      await site.open('/');
      await page.screenshot({ path: resultsPath(`home-${width}.png`), fullPage: true });
      if (width < 500) {
        const navTop = await page.locator('.main-nav').evaluate((e) => e.getBoundingClientRect().top);
        assert.ok(navTop < height, 'the navigation is visible without scrolling');
        await site.elderlyOn();
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width + 1, `elderly home is ${scrollWidth}px wide`);
        await page.screenshot({ path: resultsPath(`home-elderly-${width}.png`), fullPage: true });
        await site.open('/zwgk');
        await page.screenshot({ path: resultsPath(`zwgk-elderly-${width}.png`), fullPage: true });
      } else {
        await site.open('/zwgk');
        await page.screenshot({ path: resultsPath(`zwgk-${width}.png`), fullPage: true });
      }
    });
  });
}

test('a printed page has no navigation and writes out link addresses', async () => {
  await withPage({ width: 1280, height: 900 }, async (page, site) => {
    await site.open('/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.main-nav', '.search-box', '.prefs', '.footer-links']) {
      assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} hidden in print`);
    }
    const after = await page
      .locator('main a[href="/zwgk"]')
      .first()
      .evaluate((e) => getComputedStyle(e, '::after').content);
    assert.match(after, /\/zwgk/);
    assert.equal(await page.locator('.site-footer').isVisible(), true, 'the footer details still print');
    await page.pdf({ path: resultsPath('home-print.pdf') });
  });
});
