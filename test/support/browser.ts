import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '@plancycle/infra';
import { runEnv } from './run-env';

/** Where browser tests leave their screenshots for a person to look at (not committed). */
export const SCREENSHOT_DIR = resolve(__dirname, '../../test-output/screenshots');

/** Debian's Chromium (found or installed by the global setup), headless, no outside network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: runEnv('CHROMIUM_PATH'),
    headless: true,
    args: CHROMIUM_ARGS.filter((flag) => flag !== '--headless'),
  });
}

export const OFFICE_SCREEN = { width: 1366, height: 768 };
export const PHONE_SCREEN = { width: 360, height: 740 };

/**
 * A browser context that records every request leaving for another host: the web app must serve its
 * own fonts, scripts and styles, so the list must stay empty.
 */
export async function openContext(browser: Browser, baseUrl: string, viewport = OFFICE_SCREEN): Promise<{ context: BrowserContext; outsideRequests: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const outsideRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('about:')) outsideRequests.push(url);
  });
  return { context, outsideRequests };
}

/** Signs in through the form with the keyboard only: type, Tab, type, Enter. */
export async function signInWithKeyboard(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/app/login`);
  // The field has autofocus, but Chromium honours it only once per page load it considers new.
  await page.locator('#username').focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type('plancycle');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${baseUrl}/app`);
}

export async function signOut(page: Page): Promise<void> {
  await Promise.all([page.waitForURL(/\/app\/login/), page.getByRole('button', { name: /Đăng xuất|Sign out/ }).click()]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** How far the page scrolls sideways (0 when nothing sticks out). Written as text: tests are not typed for the DOM. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;
}

export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
}
