/** axe-core (WCAG 2.0/2.1 A + AA): no serious or critical violations on the shell's pages, in every display mode. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD, describeViolations, launchBrowser, seriousAxeViolations, startApp, type RunningApp } from './support.ts';
import { LoginPage } from './pages/loginPage.ts';

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

async function check(context: BrowserContext, path: string, label = path): Promise<void> {
  const page = await context.newPage();
  try {
    const res = await page.goto(`${app.baseUrl}${path}`);
    assert.ok(res, `${label} loaded`);
    const violations = await seriousAxeViolations(page);
    if (violations.length > 0) console.error(`axe violations on ${label}:\n${describeViolations(violations)}`);
    assert.equal(violations.length, 0, `${label}:\n${describeViolations(violations)}`);
  } finally {
    await page.close();
  }
}

const PUBLIC_PAGES = ['/', '/zwgk', '/zwgk/SFQ', '/zwgk/fdzdgknr', '/zcwj', '/zcjd', '/doc/1', '/search?q=政府信息公开', '/sitemap', '/no-such-page', '/login'];

test('public pages and the login page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    for (const path of PUBLIC_PAGES) await check(context, path);
  } finally {
    await context.close();
  }
});

test('public pages in elderly mode and in 繁體', async () => {
  const base = new URL(app.baseUrl);
  for (const [name, value] of [['gk_elderly', '1'], ['gk_script', 'hant']] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      await context.addCookies([{ name, value, domain: base.hostname, path: '/' }]);
      for (const path of ['/', '/zwgk', '/login']) await check(context, path, `${path} (${name})`);
    } finally {
      await context.close();
    }
  }
});

test('the home page on a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  try {
    await check(context, '/', '/ (375px)');
  } finally {
    await context.close();
  }
});

test('the dashboard, normal and in elderly mode', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.submit('admin', 'wrong-password');
    await login.errorSummary().waitFor();
    const violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `login with errors:\n${describeViolations(violations)}`);
    await login.signIn('admin', DEMO_PASSWORD);
    await page.close();
    await check(context, '/admin');
    await check(context, '/admin/password');
    const base = new URL(app.baseUrl);
    await context.addCookies([{ name: 'gk_elderly', value: '1', domain: base.hostname, path: '/' }]);
    await check(context, '/admin', '/admin (elderly)');
  } finally {
    await context.close();
  }
});

test('the check itself catches violations (so a pass above means something)', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/`);
    // Break the real page the way a careless change would: an unlabelled field and unreadable grey text.
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('afterbegin', '<input type="text" id="bad-input"><p id="bad-text">浅灰色文字</p>');
      // Set through the CSSOM: the site's CSP refuses inline style attributes.
      const p = document.getElementById('bad-text')!;
      p.style.color = '#ccc';
      p.style.background = '#fff';
    });
    const ids = (await seriousAxeViolations(page)).map((v) => v.id);
    assert.ok(ids.includes('label'), `unlabelled input found: ${ids.join(', ')}`);
    assert.ok(ids.includes('color-contrast'), `low contrast found: ${ids.join(', ')}`);
  } finally {
    await context.close();
  }
});
