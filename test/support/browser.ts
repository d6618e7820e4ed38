import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere. Playwright's own browser download does not work here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether the browser suites can run. On CI a missing Chromium is an error (.ci/run installs it); on a
 * developer's machine the suites are skipped with the reason, as the PostgreSQL suite is without PostgreSQL.
 */
export const BROWSER = existsSync(CHROMIUM_PATH)
  ? ({ available: true } as const)
  : process.env.CI === 'true'
    ? (() => {
        throw new Error(`Chromium is not at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
      })()
    : ({ available: false, reason: `no Chromium at ${CHROMIUM_PATH}; apt-get install -y chromium` } as const);

/**
 * A browser test clicks through several sign-ins and page loads; while the rest of the suite loads both cores
 * that takes far longer than Jest's 30 s default. A wait, not a timing: the suites print their timings.
 */
export const BROWSER_TEST_TIMEOUT_MS = 180_000;

export function describeInBrowser(name: string, fn: () => void): void {
  if (BROWSER.available) describe(name, fn);
  else describe.skip(`${name} (skipped: ${BROWSER.reason})`, fn);
}

/**
 * Headless Chromium as this machine allows it: no sandbox (tests run as root), and none of the background
 * connections to Google that a closed network refuses.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface BrowserHandle {
  browser(): Browser;
  /** A fresh browser context (its own storage: one official) in Vietnamese and Vietnam's time, closed after the test. */
  official(viewport?: { width: number; height: number }): Promise<BrowserContext>;
}

/**
 * One Chromium for the suite, launched in `beforeAll` and closed in `afterAll`; every context a test opens is
 * closed after it, before the suite's app stops (an open console holds an event stream to the server).
 */
export function useBrowser(): BrowserHandle {
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterEach(async () => {
    for (const context of open.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const current = () => {
    if (!browser) throw new Error('The browser is not running: use it inside a test or a hook');
    return browser;
  };
  return {
    browser: current,
    async official(viewport = { width: 1366, height: 900 }) {
      const context = await current().newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport, acceptDownloads: true });
      open.push(context);
      return context;
    },
  };
}

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

/** Saves a full-page screenshot under test-results/screenshots, for a person to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
