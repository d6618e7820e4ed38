import { ApiError, NetworkError } from './api-error.js';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The version this screen last saw; the API answers 409 VERSION_CONFLICT when the proposal has moved since. */
  ifMatch?: number;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  /** The version in the ETag header, when the response carries one. */
  version: number | null;
}

/** Builds `path?query`, leaving out empty values, so that a filter left blank is not sent as `state=`. */
export function withQuery(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * The one way the console talks to the API: JSON in and out, the bearer token, `If-Match` for writes that
 * must not overwrite someone else's, and every refusal turned into an {@link ApiError} with the server's text.
 */
export class ApiClient {
  constructor(
    private readonly token: string | null,
    private readonly onUnauthenticated: () => void = () => undefined,
    private readonly baseUrl = '',
  ) {}

  async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
    let response: Response;
    try {
      response = await fetch(this.baseUrl + withQuery(path, options.query), {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new NetworkError(error);
    }
    const text = await response.text();
    const parsed = text ? safeJson(text) : {};
    if (!response.ok) {
      if (response.status === 401) this.onUnauthenticated();
      throw new ApiError(response.status, typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { message: text });
    }
    const etag = response.headers.get('ETag');
    const version = etag ? Number(etag.replace(/^W\//, '').replace(/"/g, '')) : null;
    return { data: parsed as T, version: Number.isFinite(version) ? version : null };
  }

  async get<T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal): Promise<T> {
    return (await this.request<T>(path, { query, signal })).data;
  }

  async post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
    return (await this.request<T>(path, { ...options, method: 'POST', body: body ?? {} })).data;
  }

  /**
   * A download URL cannot carry a header, so files are fetched here and handed to the browser as a blob, named
   * as the server's Content-Disposition says (its UTF-8 `filename*` first: Vietnamese names are not Latin-1).
   */
  async download(
    path: string,
    query: RequestOptions['query'],
    fallbackName: string,
    signal?: AbortSignal,
  ): Promise<{ blob: Blob; filename: string }> {
    const headers: Record<string, string> = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await fetch(this.baseUrl + withQuery(path, query), { headers, signal });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new NetworkError(error);
    }
    if (!response.ok) {
      if (response.status === 401) this.onUnauthenticated();
      const text = await response.text();
      const parsed = safeJson(text);
      throw new ApiError(response.status, typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { message: text });
    }
    const filename = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
    return { blob: await response.blob(), filename };
  }

  /**
   * Sends a multipart form with XMLHttpRequest rather than fetch, for its upload progress, which fetch does not
   * report. The parts go in the order given (the API reads `kind` before it streams `file`); the bearer header
   * and the refusals are as for every other request.
   */
  upload<T>(path: string, parts: readonly (readonly [name: string, value: string | File])[], options: UploadOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const body = new FormData();
      for (const [name, value] of parts) {
        if (typeof value === 'string') body.append(name, value);
        else body.append(name, value, value.name);
      }
      const abort = () => xhr.abort();
      const settle = () => options.signal?.removeEventListener('abort', abort);
      xhr.open('POST', this.baseUrl + withQuery(path, options.query));
      xhr.setRequestHeader('Accept', 'application/json');
      if (this.token) xhr.setRequestHeader('Authorization', `Bearer ${this.token}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
      };
      xhr.onload = () => {
        settle();
        const parsed = xhr.responseText ? safeJson(xhr.responseText) : {};
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(parsed as T);
          return;
        }
        if (xhr.status === 401) this.onUnauthenticated();
        reject(new ApiError(xhr.status, typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { message: xhr.responseText }));
      };
      xhr.onerror = () => {
        settle();
        reject(new NetworkError(new Error('upload failed')));
      };
      xhr.onabort = () => {
        settle();
        reject(new DOMException('The upload was cancelled', 'AbortError'));
      };
      if (options.signal?.aborted) {
        reject(new DOMException('The upload was cancelled', 'AbortError'));
        return;
      }
      options.signal?.addEventListener('abort', abort);
      xhr.send(body);
    });
  }
}

export interface UploadOptions {
  query?: RequestOptions['query'];
  /** Bytes sent so far of the whole request body (the file and the few bytes of the other parts). */
  onProgress?(loaded: number, total: number): void;
  signal?: AbortSignal;
}

/**
 * The file name a Content-Disposition header gives: the RFC 6266 `filename*=UTF-8''…` when there is one (the
 * only form that can carry Vietnamese), else the plain `filename`; null when there is none.
 */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    const charset = extended[1]!.trim().toLowerCase();
    const encoded = extended[2]!.trim().replace(/^"|"$/g, '');
    try {
      if (charset === 'utf-8' || charset === '') return decodeURIComponent(encoded);
      // ISO-8859-1, the only other charset RFC 5987 names: one byte per escaped character.
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1');
  const bare = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header);
  return bare ? bare[1]! : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
