/** Page object: the public site shell (display switches, navigation, search box). */
import type { Page } from 'playwright-core';

export class PublicSite {
  constructor(
    private readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`);
  }

  /** Click a display switch and wait until the page offers the opposite switch (the page has reloaded). */
  private async toggle(click: string, thenShown: string): Promise<void> {
    await this.page.getByTestId(click).click();
    await this.page.getByTestId(thenShown).waitFor();
    await this.page.waitForLoadState('load');
  }

  switchToTraditional = () => this.toggle('switch-hant', 'switch-hans');
  switchToSimplified = () => this.toggle('switch-hans', 'switch-hant');
  elderlyOn = () => this.toggle('switch-elderly-on', 'switch-elderly-off');
  elderlyOff = () => this.toggle('switch-elderly-off', 'switch-elderly-on');

  /** Follow the main-navigation link to `path`. */
  async navigate(path: string): Promise<void> {
    await this.page.locator(`.main-nav a[href="${path}"]`).click();
    await this.page.waitForURL(`${this.baseUrl}${path}`);
  }

  /** Search with the header's search box. */
  async search(text: string): Promise<void> {
    await this.page.locator('#site-search').fill(text);
    await this.page.locator('.search-box button').click();
    await this.page.waitForURL(/\/search\?q=/);
  }

  lang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  htmlClass(): Promise<string | null> {
    return this.page.locator('html').getAttribute('class');
  }

  bodyText(): Promise<string> {
    return this.page.locator('body').innerText();
  }

  /** The computed font size of <body> in CSS pixels. */
  bodyFontSize(): Promise<number> {
    return this.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  }
}
