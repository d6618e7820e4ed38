import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot } from './browser.js';
import type { TestApp } from './test-app.js';

export const PHONE = { width: 390, height: 844 };

export const baseUrl = (t: TestApp) => `http://127.0.0.1:${(t.server.address() as { port: number }).port}`;

/** Opens the console and signs in as a demo person by clicking their name, as a developer would. */
export async function signInAs(t: TestApp, context: BrowserContext, key: string, screenshotAs?: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl(t)}/`);
  if (screenshotAs) {
    await page.locator(`button[data-user="${key}"]`).waitFor();
    await screenshot(page, screenshotAs);
  }
  await page.locator(`button[data-user="${key}"]`).click();
  await page.getByTestId('inbox-table').waitFor();
  return page;
}

/** Signs in by pasting a token, as an official of a real deployment does. */
export async function signInWithToken(t: TestApp, context: BrowserContext, token: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl(t)}/`);
  await page.getByLabel('Mã truy cập (token)').fill(token);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByTestId('inbox-table').waitFor();
  return page;
}

/** Opens a proposal and waits until it has loaded with its action panel. */
export async function openProposal(t: TestApp, page: Page, id: string): Promise<void> {
  await page.goto(`${baseUrl(t)}/proposals/${id}`);
  await page.locator(`article.proposal-page[data-proposal="${id}"]:not([aria-busy])`).waitFor();
}

export async function proposalState(page: Page): Promise<string | null> {
  return page.locator('article.proposal-page').getAttribute('data-state');
}

/** Clicks the event's button, fills what its dialog asks (by the field labels an official reads), sends it. */
export async function act(page: Page, event: string, fields: Record<string, string> = {}, screenshotAs?: string): Promise<void> {
  await page.locator(`button[data-event="${event}"]`).click();
  const dialog = page.locator(`dialog[data-event="${event}"]`);
  await dialog.waitFor();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  if (screenshotAs) await screenshot(page, screenshotAs);
  await dialog.getByTestId('event-send').click();
}

/** Waits until the open proposal shows `state` (the page reloads itself after an action). */
export async function waitForState(page: Page, state: string): Promise<void> {
  await page.locator(`article.proposal-page[data-state="${state}"]:not([aria-busy])`).waitFor();
}

/** What the first screen downloads: every script and stylesheet the page fetched, gzipped as the server sends them. */
export function recordAssets(page: Page): () => Promise<{ files: number; gzipBytes: number; rawBytes: number }> {
  const responses: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (/\/assets\/.+\.(js|css)$/.test(new URL(response.url()).pathname)) responses.push(response.body());
  });
  return async () => {
    const bodies = await Promise.all(responses);
    return {
      files: bodies.length,
      rawBytes: bodies.reduce((sum, body) => sum + body.length, 0),
      gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
    };
  };
}

/**
 * Attaches a file through the proposal page's Hồ sơ section as a clerk would (the kind, then the file picker)
 * and waits for it to be listed.
 */
export async function attachInConsole(page: Page, kind: string, fileName: string, bytes: Buffer, screenshotAs?: string): Promise<void> {
  const dossier = page.getByTestId('dossier');
  await dossier.getByTestId('upload-kind').selectOption(kind);
  await dossier.getByTestId('upload-input').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: bytes });
  await dossier.locator('table.dossier-table td', { hasText: fileName }).first().waitFor();
  if (screenshotAs) await screenshot(page, screenshotAs);
}
