/** Page object: the staff sign-in form. */
import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`);
  }

  /** Fill in the form and submit it; waits for the next page to load. */
  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码', { exact: true }).fill(password);
    await Promise.all([this.page.waitForLoadState('load'), this.page.getByTestId('login-submit').click()]);
  }

  errorSummary() {
    return this.page.getByTestId('error-summary');
  }
}
