/** A clerk signs in through the real form and sees only the modules their roles allow. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, startApp, type RunningApp } from './support.ts';
import { LoginPage } from './pages/loginPage.ts';
import { AdminShell } from './pages/adminShell.ts';

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

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test('the administrator signs in and sees the dashboard with every module', async () => {
  const { context, page } = await freshPage();
  try {
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.signIn('admin', DEMO_PASSWORD);
    const shell = new AdminShell(page, app.baseUrl);
    assert.equal(await shell.heading(), '工作台');
    const cards = await shell.moduleCards();
    for (const module of ['组织机构', '人员与权限', '工作日历', '审计日志']) {
      assert.ok(cards.includes(module), `module card ${module} in ${cards.join('、')}`);
    }
    const nav = await shell.navLabels();
    assert.ok(nav.includes('组织机构') && nav.includes('人员与权限'), nav.join('、'));
    assert.match(await page.getByTestId('account').innerText(), /系统管理员/);
    await shell.signOut();
    assert.match(await page.locator('body').innerText(), /您已安全退出/);
    await page.goto(`${app.baseUrl}/admin`);
    assert.match(page.url(), /\/login\?next=%2Fadmin$/, 'signed out: the dashboard asks for a sign-in again');
  } finally {
    await context.close();
  }
});

test('an editor does not see the organization and staff modules', async () => {
  const { context, page } = await freshPage();
  try {
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.signIn('fgw_editor', DEMO_PASSWORD);
    const shell = new AdminShell(page, app.baseUrl);
    assert.equal(await shell.heading(), '工作台');
    const nav = await shell.navLabels();
    assert.ok(nav.includes('工作台') && nav.includes('工作日历'), nav.join('、'));
    assert.ok(!nav.includes('组织机构'), 'no 组织机构 in the navigation');
    assert.ok(!nav.includes('人员与权限'), 'no 人员与权限 in the navigation');
    const cards = await shell.moduleCards();
    assert.ok(!cards.includes('组织机构') && !cards.includes('人员与权限'), cards.join('、'));
    assert.match(await page.getByTestId('my-roles').innerText(), /示范区发展和改革委员会：编辑/);
  } finally {
    await context.close();
  }
});

test('a wrong password is refused with a Chinese message and no session', async () => {
  const { context, page } = await freshPage();
  try {
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.submit('admin', 'not-the-password');
    await login.errorSummary().waitFor();
    assert.match(await login.errorSummary().innerText(), /用户名或密码错误/);
    assert.equal(new URL(page.url()).pathname, '/login');
    assert.equal(await page.locator('#f-username').inputValue(), 'admin', 'the username is kept');
    await page.goto(`${app.baseUrl}/admin`);
    assert.equal(new URL(page.url()).pathname, '/login');
  } finally {
    await context.close();
  }
});
