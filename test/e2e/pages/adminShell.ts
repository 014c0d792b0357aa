/** Page object: the staff admin shell (header navigation and the dashboard's module cards). */
import type { Page } from 'playwright-core';

export class AdminShell {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** The labels of the admin navigation links. */
  navLabels(): Promise<string[]> {
    return this.page.getByRole('navigation', { name: '管理导航' }).getByRole('link').allInnerTexts();
  }

  /** The titles of the dashboard's module cards. */
  moduleCards(): Promise<string[]> {
    return this.page.getByTestId('modules').locator('.card h3').allInnerTexts();
  }

  heading(): Promise<string> {
    return this.page.locator('main h1').innerText();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: '退出' }).click();
    await this.page.waitForURL(`${this.baseUrl}/login?out=1`);
  }
}
