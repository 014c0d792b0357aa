/**
 * The 正文 rich-text editor (public/js/richtext.js), as an editor uses it: type, format with the toolbar and the
 * keyboard, paste from Word, save — and the stored body is clean HTML. Without JavaScript the plain textarea still
 * works. axe-core checks the enhanced form, normal, in elderly mode and on a phone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { LoginPage } from './pages/loginPage.ts';
import { describeViolations, DEMO_PASSWORD, launchBrowser, resultsPath, seriousAxeViolations, startApp, type RunningApp } from './support.ts';

const TOOLBAR = ['段落', '标题二', '标题三', '加粗', '倾斜', '有序列表', '无序列表', '插入链接', '清除格式', '查看源代码'];
const WORD_HTML =
  "<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><style>p.MsoNormal{mso-style-parent:'';}</style></head><body>" +
  '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->' +
  "<p class=MsoNormal style='mso-margin-top-alt:auto'><span style='font-family:仿宋'>第一条 测试内容<o:p></o:p></span></p>" +
  "<p class=MsoNormal><font face='仿宋'><span lang=EN-US style='mso-bidi-font-size:16pt'>第二条</span> 施行日期</font></p>" +
  '<p class=MsoNormal><o:p>&nbsp;</o:p></p></body></html>';

/** Page object: the rich-text editor on the document form. */
class BodyEditor {
  constructor(private readonly page: Page) {}

  /** The editable region, found by role and accessible name as assistive technology finds it. */
  area(): Locator {
    return this.page.getByRole('textbox', { name: '正文' }).and(this.page.locator('[contenteditable]'));
  }

  /** The same region by id, also when it is hidden (role queries skip hidden elements). */
  areaElement(): Locator {
    return this.page.locator('#f-body-editor');
  }

  textarea(): Locator {
    return this.page.locator('#f-body');
  }

  button(label: string): Locator {
    return this.page.getByRole('toolbar').getByRole('button', { name: label, exact: true });
  }

  html(): Promise<string> {
    return this.area().evaluate((el) => el.innerHTML);
  }

  /** Dispatch a paste event carrying the given clipboard data, as the browser does on Ctrl+V. */
  async paste(data: Record<string, string>): Promise<void> {
    await this.area().evaluate((el, items) => {
      const transfer = new DataTransfer();
      for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, data);
  }
}

describe('the rich-text editor for document bodies', () => {
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function signedIn(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    contexts.push(context);
    const page = await context.newPage();
    const login = new LoginPage(page, app.baseUrl);
    await login.open();
    await login.signIn('fgw_editor', DEMO_PASSWORD);
    return page;
  }

  async function saveDraft(page: Page, title: string): Promise<number> {
    await page.fill('#f-title', title);
    assert.equal(await page.isChecked('#f-disclosure-proactive'), true, '主动公开 is the default');
    await page.selectOption('#f-catalog_code', 'art20_01');
    await page.click('[data-testid=document-save]');
    await page.waitForURL(/\/admin\/documents\/\d+$/);
    return Number(new URL(page.url()).pathname.split('/').pop());
  }

  async function storedBody(id: number): Promise<string> {
    const row = await app.db.selectFrom('documents').select('body_html').where('id', '=', id).executeTakeFirstOrThrow();
    return row.body_html;
  }

  before(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await app?.close();
  });

  let createdId = 0;

  test('type, format with the toolbar and the keyboard, paste from Word, save: the stored body is clean', async () => {
    const page = await signedIn();
    await page.goto(`${app.baseUrl}/admin/documents/new`);
    const editor = new BodyEditor(page);

    assert.equal(await editor.area().getAttribute('contenteditable'), 'true');
    assert.equal(await editor.area().getAttribute('aria-multiline'), 'true');
    assert.ok(await editor.textarea().isHidden(), 'the textarea is hidden');
    assert.equal(await editor.textarea().getAttribute('hidden'), '', 'hidden with the hidden attribute');
    assert.equal(await page.locator('[data-testid=document-form] textarea[name=body]').count(), 1, 'and still in the form');
    for (const label of TOOLBAR) {
      assert.equal(await editor.button(label).getAttribute('type'), 'button', label);
    }
    assert.equal(await editor.button('查看源代码').getAttribute('aria-pressed'), 'false');

    // Keyboard: the toolbar comes right before the editor in the tab order.
    await editor.area().focus();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), '查看源代码');

    await editor.area().click();
    await page.keyboard.type('测试标题');
    await editor.button('标题二').click();
    assert.equal(await editor.button('标题二').getAttribute('aria-pressed'), 'true');
    assert.match(await editor.html(), /<h2>测试标题<\/h2>/);

    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('说明：');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('重点');
    assert.equal(await editor.button('加粗').getAttribute('aria-pressed'), 'true', 'Ctrl+B turns bold on');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('内容');
    await page.keyboard.press('Enter');

    await editor.paste({ 'text/html': WORD_HTML, 'text/plain': '第一条 测试内容\n第二条 施行日期' });
    const afterPaste = await editor.html();
    assert.match(afterPaste, /第一条 测试内容/);
    assert.match(afterPaste, /第二条 施行日期/);
    assert.doesNotMatch(afterPaste, /mso|class=|style=|<font|<span|o:p|WordDocument/i);

    // Hostile HTML on the clipboard: nothing runs, nothing active reaches the editor.
    await page.keyboard.press('Enter');
    await editor.paste({
      'text/html': '<p>安全段落<img src="x" onerror="window.__pwned = 1"><a href="javascript:window.__pwned = 2">链接</a></p><script>window.__pwned = 3</script>',
    });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    const hostile = await editor.html();
    assert.match(hostile, /安全段落链接/);
    assert.doesNotMatch(hostile, /<img|<script|onerror|javascript:/);

    // A plain-text paste of several lines becomes paragraphs.
    await page.keyboard.press('Enter');
    await editor.paste({ 'text/plain': '第三条 甲<乙>\n\n第四条 丙' });
    assert.match(await editor.html(), /<p>第三条 甲&lt;乙&gt;<\/p><p>第四条 丙<\/p>/);

    await page.locator('.rte').screenshot({ path: resultsPath('richtext-desktop.png') });
    createdId = await saveDraft(page, '富文本编辑器测试文件');
    const body = await storedBody(createdId);
    assert.match(body, /<h2>测试标题<\/h2>/);
    assert.ok(body.includes('<p>第一条 测试内容</p>'), body);
    assert.ok(body.includes('<p>第二条 施行日期</p>'), body);
    assert.ok(body.includes('<strong>重点</strong>'), body);
    assert.ok(body.includes('<p>第三条 甲&lt;乙&gt;</p>'), body);
    assert.doesNotMatch(body, /mso|class=|style=|<span|<font|<img|<script|javascript:/i);
  });

  test('an existing body loads into the editor and is submitted exactly as stored when not edited', async () => {
    // Laid out differently from what the editor would write (no line breaks between blocks, a <sup>), so a rewrite shows.
    const stored = '<h2>测试标题</h2><p>第一条 面积10m<sup>2</sup></p><blockquote><p>引文</p></blockquote>';
    await app.db.updateTable('documents').set({ body_html: stored }).where('id', '=', createdId).execute();
    const page = await signedIn();
    await page.goto(`${app.baseUrl}/admin/documents/${createdId}/edit`);
    const editor = new BodyEditor(page);
    assert.equal(await editor.html(), stored, 'everything the server allows is kept for editing');
    assert.equal(await editor.textarea().inputValue(), stored);
    await page.click('[data-testid=document-save]');
    await page.waitForURL(/\/admin\/documents\/\d+$/);
    assert.equal(await storedBody(createdId), stored);

    // Once edited, the editor's HTML is what is saved.
    await page.goto(`${app.baseUrl}/admin/documents/${createdId}/edit`);
    await editor.area().locator('h2').click();
    await page.keyboard.press('End');
    await page.keyboard.type('（修订）');
    await page.click('[data-testid=document-save]');
    await page.waitForURL(/\/admin\/documents\/\d+$/);
    const edited = await storedBody(createdId);
    assert.ok(edited.includes('<h2>测试标题（修订）</h2>'), edited);
    assert.ok(edited.includes('<sup>2</sup>') && edited.includes('<blockquote>'), edited);
  });

  test('查看源代码 shows the textarea for HTML editing; going back loads the edited HTML, cleaned', async () => {
    const page = await signedIn();
    await page.goto(`${app.baseUrl}/admin/documents/new`);
    const editor = new BodyEditor(page);
    await editor.area().click();
    await page.keyboard.type('原有内容');
    await editor.button('查看源代码').click();
    assert.equal(await editor.button('查看源代码').getAttribute('aria-pressed'), 'true');
    assert.ok(await editor.textarea().isVisible(), 'the textarea is shown');
    assert.ok(await editor.areaElement().isHidden(), 'the editor is hidden');
    assert.ok(await editor.button('加粗').isDisabled(), 'formatting is off in the source view');
    assert.equal(await editor.textarea().inputValue(), '<p>原有内容</p>', 'the source view shows the editor HTML');

    await editor.textarea().fill('<h3 style="color:red">小标题</h3><p onclick="alert(1)">正文<b>加粗</b></p>');
    await editor.button('查看源代码').click();
    assert.equal(await editor.button('查看源代码').getAttribute('aria-pressed'), 'false');
    assert.ok(await editor.textarea().isHidden());
    assert.equal(await editor.html(), '<h3>小标题</h3><p>正文<strong>加粗</strong></p>');

    // Saved straight from the source view, the textarea is what is submitted: the server refuses the handler.
    await editor.button('查看源代码').click();
    await page.fill('#f-title', '源代码测试');
    await page.selectOption('#f-catalog_code', 'art20_01');
    await page.click('[data-testid=document-save]');
    await page.getByTestId('error-summary').waitFor();
    assert.match(await page.getByTestId('error-summary').innerText(), /不允许的内容/);
    assert.ok(await editor.textarea().isVisible(), 'a refused body opens in the source view');
    assert.equal(await editor.button('查看源代码').getAttribute('aria-pressed'), 'true');
    const count = await app.db.selectFrom('documents').select('id').where('title', '=', '源代码测试').execute();
    assert.equal(count.length, 0, 'nothing written');
  });

  test('without JavaScript the plain textarea is visible and a plain-text body is saved as paragraphs', async () => {
    const page = await signedIn({ javaScriptEnabled: false });
    await page.goto(`${app.baseUrl}/admin/documents/new`);
    const editor = new BodyEditor(page);
    assert.ok(await editor.textarea().isVisible());
    assert.equal(await page.locator('[contenteditable]').count(), 0);
    assert.equal(await page.getByRole('toolbar').count(), 0);
    await editor.textarea().fill('第一段 无脚本\n\n第二段 <仍然安全>');
    const id = await saveDraft(page, '无脚本正文测试');
    const body = await storedBody(id);
    assert.ok(body.includes('<p>第一段 无脚本</p>'), body);
    assert.ok(body.includes('<p>第二段 &lt;仍然安全&gt;</p>'), body);
  });

  test('插入链接 asks for the address inline (no pop-up), refuses a bad address and links the selected text', async () => {
    const page = await signedIn();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${app.baseUrl}/admin/documents/new`);
    await page.click('#f-body-editor');
    await page.keyboard.type('中国政府网');
    await page.keyboard.down('Shift');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.up('Shift');
    await page.getByRole('button', { name: '插入链接' }).click();
    await page.fill('#f-body-link', 'ftp://example.com');
    await page.getByRole('button', { name: '插入', exact: true }).click();
    assert.match((await page.textContent('#f-body-link-error')) ?? '', /须以 http:\/\/ 或 https:\/\/ 开头/);
    await page.fill('#f-body-link', 'https://www.gov.cn/');
    await page.keyboard.press('Enter');
    assert.equal(await page.isHidden('.rte-link-panel'), true, `panel still open: ${await page.textContent('#f-body-link-error')} / ${await page.inputValue('#f-body-link')}`);
    const id = await saveDraft(page, '带链接的通知');
    assert.match(await storedBody(id), /<a href="https:\/\/www\.gov\.cn\/">中国政府网<\/a>/);
    assert.equal(dialogs, 0, 'no browser pop-up');
  });

  test('in 繁體 the toolbar labels are Traditional too (they come from the converted page)', async () => {
    const page = await signedIn();
    await page.goto(`${app.baseUrl}/preferences?script=hant&back=/admin/documents/new`);
    await page.getByRole('button', { name: '標題二' }).waitFor();
    assert.equal(await page.getByRole('button', { name: '标题二' }).count(), 0);
  });

  test('axe-core finds no serious or critical violations on the enhanced form, normal, elderly and on a phone', async () => {
    const page = await signedIn();
    await page.goto(`${app.baseUrl}/admin/documents/new`);
    await new BodyEditor(page).area().waitFor();
    let violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `normal:\n${describeViolations(violations)}`);

    const base = new URL(app.baseUrl);
    await page.context().addCookies([{ name: 'gk_elderly', value: '1', domain: base.hostname, path: '/' }]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.baseUrl}/admin/documents/new`);
    const editor = new BodyEditor(page);
    await editor.area().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.className), 'elderly');
    violations = await seriousAxeViolations(page);
    assert.equal(violations.length, 0, `elderly, phone:\n${describeViolations(violations)}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the toolbar wraps instead of widening the page (${overflow}px)`);
    const box = await editor.button('查看源代码').boundingBox();
    assert.ok(box && box.height >= 44, 'toolbar buttons are large enough to tap');
    await page.locator('.rte').screenshot({ path: resultsPath('richtext-elderly-phone.png') });
  });
});
