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

  private async clickAndLoad(testId: string): Promise<void> {
    await Promise.all([this.page.waitForURL('**'), this.page.getByTestId(testId).click()]);
    await this.page.waitForLoadState('load');
  }

  switchToTraditional = () => this.clickAndLoad('switch-hant');
  switchToSimplified = () => this.clickAndLoad('switch-hans');
  elderlyOn = () => this.clickAndLoad('switch-elderly-on');
  elderlyOff = () => this.clickAndLoad('switch-elderly-off');

  /** Follow a main-navigation link by its (displayed) label. */
  async navigate(label: string): Promise<void> {
    await Promise.all([
      this.page.waitForLoadState('load'),
      this.page.getByRole('navigation', { name: /主導航|主导航/ }).getByRole('link', { name: label }).click(),
    ]);
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
