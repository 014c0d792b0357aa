/** Page object: the staff sign-in form. */
import type { Locator, Page } from 'playwright-core';

export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`);
  }

  /** Fill in the form and submit it (does not wait: the caller says what it expects next). */
  async submit(username: string, password: string): Promise<void> {
    await this.page.locator('#f-username').fill(username);
    await this.page.locator('#f-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  /** Sign in and wait for the dashboard. */
  async signIn(username: string, password: string): Promise<void> {
    await this.submit(username, password);
    await this.page.waitForURL(`${this.baseUrl}/admin`);
  }

  errorSummary(): Locator {
    return this.page.getByTestId('error-summary');
  }
}
