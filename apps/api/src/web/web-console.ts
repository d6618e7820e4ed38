import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the API owns: never answered with the console's page, so an unknown API route stays a JSON 404. */
const SERVER_PATHS = /^\/(api|docs|health|queues)(\/|$)/;

/**
 * Where `vite build` put the console: dist/web, seen from this file as built (dist/apps/api/src/web) or as
 * source under the test runner (apps/api/src/web).
 */
export function webConsoleRoot(): string | null {
  const candidates = [fileURLToPath(new URL('../../../../web', import.meta.url)), fileURLToPath(new URL('../../../../dist/web', import.meta.url))];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The build's gzip copy (apps/web/precompress.plugin.ts) for a browser that accepts it; else the plain file. */
function precompressed(dir: string) {
  return (request: Request, response: Response, next: NextFunction) => {
    const type = ASSET_TYPES[extname(request.path)];
    const file = join(dir, normalize(request.path).replace(/^([/\\])+/, ''));
    if (!type || !file.startsWith(dir + sep) || !/\bgzip\b/.test(request.headers['accept-encoding'] ?? '') || !existsSync(`${file}.gz`)) {
      next();
      return;
    }
    response.set({
      'Content-Type': type,
      'Content-Encoding': 'gzip',
      Vary: 'Accept-Encoding',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
    response.sendFile(`${file}.gz`);
  };
}

/**
 * The console loads nothing from elsewhere and is never framed: a strict policy costs nothing and closes the
 * usual doors (injected scripts, clickjacking). Inline styles stay allowed for React's style attributes.
 *
 * Previews of a dossier's documents: the API wants the bearer header, which an <img src> or <iframe src>
 * cannot send, so the console fetches the bytes and shows them from a `blob:` URL of its own origin. Images
 * need `blob:` in img-src; a PDF in an <iframe> needs `frame-src blob:` (without it frames fall back to
 * default-src 'self', which does not match blob:). That is all Chromium asks: checked in Chromium 156, whose
 * PDF viewer renders a blob: PDF in an iframe under this policy, object-src left at 'self'. frame-src allows
 * nothing but blob: (the console frames no page, not even its own), and frame-ancestors still forbids
 * framing the console itself.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  'frame-src blob:',
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Khen thưởng</title>
<p>The web console is not built. Run <code>npm run build</code> (or <code>npm start</code>, which builds it) and reload.</p>
<p>The API itself is running: <a href="/docs">/docs</a>.</p>`;

/**
 * Serves the console at `/` from the API's own port: hashed assets cached for a year, and index.html (never
 * cached, so a new release is picked up) for every other page path, so that `/proposals/<id>` can be
 * bookmarked and reloaded.
 */
export function serveWebConsole(app: NestExpressApplication, root: string | null = webConsoleRoot()): void {
  if (root) {
    app.use('/assets', precompressed(join(root, 'assets')));
    app.useStaticAssets(join(root, 'assets'), {
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
      setHeaders: (response) => response.setHeader('X-Content-Type-Options', 'nosniff'),
    });
  }
  const page = root ? readFileSync(join(root, 'index.html'), 'utf8') : NOT_BUILT;
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVER_PATHS.test(request.path) || /\.[a-z0-9]+$/i.test(request.path)) {
      next();
      return;
    }
    response
      .status(root ? 200 : 503)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Referrer-Policy': 'same-origin',
      })
      .send(page);
  });
}
