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

  /** A download URL cannot carry a header, so files are fetched here and handed to the browser as a blob. */
  async download(path: string, query: RequestOptions['query'], fallbackName: string): Promise<{ blob: Blob; filename: string }> {
    const headers: Record<string, string> = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await fetch(this.baseUrl + withQuery(path, query), { headers });
    } catch (error) {
      throw new NetworkError(error);
    }
    if (!response.ok) {
      const text = await response.text();
      throw new ApiError(response.status, (safeJson(text) as Record<string, unknown>) ?? { message: text });
    }
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
    return { blob: await response.blob(), filename };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
