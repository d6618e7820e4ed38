import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

/** Saves a full-page screenshot under test-results/screenshots, for a person to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
