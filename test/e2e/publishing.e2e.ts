/**
 * Publishing a policy with its interpretation, as the people who do it would: an editor drafts a policy with its
 * full text attached; the reviewer returns it for lacking an interpretation; the editor adds one; both pass review;
 * the approver publishes; a citizen finds the policy in the 政策文件库, opens it, sees the interpretation and
 * downloads the attachment — in 简体 and in 繁體. axe-core checks the 专栏 pages and the document page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeViolations, DEMO_PASSWORD, launchBrowser, resultsPath, seriousAxeViolations, startApp, type RunningApp } from './support.ts';

const POLICY = '示范区关于支持专精特新中小企业发展的若干措施';
const INTERPRETATION = '图解：支持专精特新中小企业发展的若干措施';

describe('publishing a policy with its interpretation', () => {
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function signedIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/login`);
    await page.fill('#f-username', username);
    await page.fill('#f-password', DEMO_PASSWORD);
    await page.click('[data-testid=login-submit]');
    await page.waitForURL(/\/admin/);
    return page;
  }

  async function documentIdByTitle(title: string): Promise<number> {
    const row = await app.db.selectFrom('documents').select('id').where('title', '=', title).executeTakeFirstOrThrow();
    return row.id;
  }

  before(async () => {
    app = await startApp({ FILES_DIR: join('test-results', `files-${Date.now()}`) });
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  test('editor drafts, reviewer returns, editor adds the interpretation, approver publishes', async () => {
    const editor = await signedIn('fgw_editor');
    await editor.goto(`${app.baseUrl}/admin/documents/new`);
    await editor.fill('#f-title', POLICY);
    await editor.fill('#f-issuers', '示范区发展和改革委员会');
    await editor.fill('#f-doc_number', '示发改发[2026]21号');
    await editor.selectOption('#f-topic_code', 'T03');
    await editor.selectOption('#f-catalog_code', 'art20_01');
    await editor.check('#f-is_policy-1');
    await editor.fill('#f-body-editor', '第一条 为支持专精特新中小企业发展，制定本措施。\n\n第二条 本措施自发布之日起施行。');
    await editor.click('[data-testid=document-save]');
    await editor.waitForURL(/\/admin\/documents\/\d+$/);
    await editor.setInputFiles('#f-file', { name: '若干措施全文.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: readFileSync('test/fixtures/policy.docx') });
    await editor.click('[data-testid=attachment-upload]');
    await editor.getByText('已上传附件“若干措施全文.docx”').waitFor();
    await editor.click('[data-testid=action-submit]');
    assert.equal(await editor.textContent('[data-testid=document-status]'), '待审核');
    const policyId = await documentIdByTitle(POLICY);

    const reviewer = await signedIn('fgw_reviewer');
    await reviewer.goto(`${app.baseUrl}/admin/documents/${policyId}`);
    await reviewer.fill('[data-testid=form-return] textarea[name=reason]', '政策性文件未附政策解读，请补充解读材料后重新报送。');
    await reviewer.click('[data-testid=action-return]');
    assert.equal(await reviewer.textContent('[data-testid=document-status]'), '草稿');

    await editor.goto(`${app.baseUrl}/admin/documents/${policyId}`);
    assert.match((await editor.textContent('[data-testid=return-reason]')) ?? '', /未附政策解读/);
    await editor.goto(`${app.baseUrl}/admin/documents/new?kind=interpretation`);
    await editor.fill('#f-title', INTERPRETATION);
    await editor.selectOption('#f-interp_form', 'graphic');
    await editor.fill('#f-interp_unit', '示范区发展和改革委员会');
    await editor.fill('#f-interp_person', '钱主任');
    await editor.check(`#f-policy_ids-${policyId}`);
    await editor.selectOption('#f-catalog_code', 'art20_01');
    await editor.fill('#f-body-editor', '一图读懂：专精特新企业可享受的五项支持政策。');
    await editor.click('[data-testid=document-save]');
    await editor.waitForURL(/\/admin\/documents\/\d+$/);
    await editor.click('[data-testid=action-submit]');
    await editor.goto(`${app.baseUrl}/admin/documents/${policyId}`);
    await editor.click('[data-testid=action-submit]');
    const interpretationId = await documentIdByTitle(INTERPRETATION);

    for (const id of [interpretationId, policyId]) {
      await reviewer.goto(`${app.baseUrl}/admin/documents/${id}`);
      await reviewer.check('#f-confirm_disclosure');
      await reviewer.check('#f-confirm_secrecy');
      await reviewer.click('[data-testid=action-review]');
      assert.equal(await reviewer.textContent('[data-testid=document-status]'), '待签发');
    }

    const approver = await signedIn('fgw_approver');
    for (const id of [interpretationId, policyId]) {
      await approver.goto(`${app.baseUrl}/admin/documents/${id}`);
      await approver.click('[data-testid=action-approve]');
      assert.equal(await approver.textContent('[data-testid=document-status]'), '已发布');
    }
    await approver.screenshot({ path: resultsPath('publishing-approved.png'), fullPage: true });
  });

  test('a citizen finds the policy, reads its interpretation and downloads the attachment, in 简体 and 繁體', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/zcwj`);
    await page.getByRole('link', { name: POLICY }).first().click();
    await page.waitForURL(/\/doc\/\d+$/);
    const body = (await page.textContent('main')) ?? '';
    assert.match(body, /示发改发〔2026〕21号/);
    assert.match(body, /索引号/);
    assert.match(body, new RegExp(INTERPRETATION));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /若干措施全文\.docx/ }).first().click()]);
    assert.equal(download.suggestedFilename(), '若干措施全文.docx');
    await page.screenshot({ path: resultsPath('publishing-policy-phone.png'), fullPage: true });

    await page.getByRole('link', { name: INTERPRETATION }).first().click();
    await page.waitForURL(/\/doc\/\d+$/);
    assert.match((await page.textContent('main')) ?? '', /图解/);
    assert.ok(await page.getByRole('link', { name: POLICY }).count(), 'the interpretation links back to its policy');

    await page.click('[data-testid=switch-hant]');
    const traditional = (await page.textContent('main')) ?? '';
    assert.match(traditional, /圖解/);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hant');
    await page.goto(`${app.baseUrl}/zcwj`);
    await page.getByRole('link', { name: /專精特新/ }).first().click();
    assert.match((await page.textContent('main')) ?? '', /政策解讀|圖解/);
  });

  test('axe-core finds no serious or critical violations on the 专栏 pages and the document page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const policyId = await documentIdByTitle(POLICY);
    for (const path of ['/zwgk', '/zwgk/FGW', '/zwgk/FGW/guide', '/zwgk/fdzdgknr', '/zcwj', '/zcjd', `/doc/${policyId}`]) {
      await page.goto(`${app.baseUrl}${path}`);
      const violations = await seriousAxeViolations(page);
      assert.equal(violations.length, 0, `${path}\n${describeViolations(violations)}`);
    }
  });
});
