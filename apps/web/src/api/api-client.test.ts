import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubXhr } from '../test-support/fetch-stub.js';
import { ApiError, NetworkError } from './api-error.js';
import { ApiClient, fileNameFromDisposition } from './api-client.js';

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 name, which carries Vietnamese', () => {
    expect(fileNameFromDisposition("attachment; filename=\"to-trinh.docx\"; filename*=UTF-8''T%E1%BB%9D%20tr%C3%ACnh%20%C4%91%E1%BB%81%20ngh%E1%BB%8B.docx")).toBe(
      'Tờ trình đề nghị.docx',
    );
    expect(fileNameFromDisposition("attachment; filename*=utf-8'vi'Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.pdf")).toBe('Quyết định.pdf');
  });

  it('reads a plain name, quoted or not, and says when there is none', () => {
    expect(fileNameFromDisposition('attachment; filename="danh sach.xlsx"')).toBe('danh sach.xlsx');
    expect(fileNameFromDisposition('attachment; filename=report.pdf')).toBe('report.pdf');
    expect(fileNameFromDisposition('inline')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
    // A broken escape falls back to the plain name.
    expect(fileNameFromDisposition("attachment; filename=\"a.pdf\"; filename*=UTF-8''%E1%ZZ.pdf")).toBe('a.pdf');
  });
});

describe('ApiClient.upload', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns a refusal into an ApiError with the server’s details, a 401 into a sign-out, and a dropped line into a NetworkError', async () => {
    const xhr = stubXhr();
    const onUnauthenticated = vi.fn();
    const client = new ApiClient('t0k', onUnauthenticated);
    const file = new File(['x'], 'a.pdf');

    const refused = client.upload('/api/proposals/p1/documents', [['kind', 'khac'], ['file', file]]);
    xhr.calls[0]!.respond(413, { code: 'PAYLOAD_TOO_LARGE', message: 'too large', limit: 1024 });
    const error = await refused.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('PAYLOAD_TOO_LARGE');
    expect((error as ApiError).body.limit).toBe(1024);

    const expired = client.upload('/x', [['file', file]]);
    xhr.calls[1]!.respond(401, { code: 'UNAUTHENTICATED' });
    await expect(expired).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);

    const dropped = client.upload('/x', [['file', file]]);
    xhr.calls[2]!.fail();
    await expect(dropped).rejects.toBeInstanceOf(NetworkError);

    const controller = new AbortController();
    const cancelled = client.upload('/x', [['file', file]], { signal: controller.signal });
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(xhr.calls[3]!.aborted).toBe(true);
  });
});
