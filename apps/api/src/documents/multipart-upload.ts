import busboy from 'busboy';
import type { Request } from 'express';
import { stageUpload, type StagedFile } from '#documents';
import { DomainError } from '#kernel';
import { validationFailed } from '../errors/validation.js';

/** The one file of a document upload, received in full onto local disk, with the form fields sent before it. */
export interface ReceivedUpload {
  fields: Record<string, string>;
  fileName: string;
  staged: StagedFile;
}

export interface ReceiveOptions {
  maxBytes: number;
  stagingDirectory: string;
  /**
   * Runs once the fields before the file are known and before a byte of the file is read: a refusal here
   * (no right to add this kind now) costs the caller no upload.
   */
  beforeFile: (fields: Record<string, string>) => Promise<void>;
}

/** Room for the multipart boundaries and the small fields around a file at the size limit. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Streams a multipart/form-data upload (fields first, then one `file`) to a staged file, never holding it in
 * memory. A declared Content-Length over the limit is refused before the body is read; a body that turns out
 * larger is cut off where it crosses the limit.
 */
export function receiveUpload(request: Request, options: ReceiveOptions): Promise<ReceivedUpload> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes + ENVELOPE_BYTES) {
    discardRest(request, options.maxBytes);
    return Promise.reject(tooLarge(options.maxBytes));
  }
  if (!/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) {
    return Promise.reject(validationFailed([{ field: 'body', message: 'send multipart/form-data with the field kind, then the field file' }]));
  }

  return new Promise<ReceivedUpload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let upload: Promise<ReceivedUpload> | null = null;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      request.unpipe(parser);
      discardRest(request, options.maxBytes);
      reject(error);
    };

    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Browsers send the file name as raw UTF-8; busboy would read it as Latin-1 and mangle Vietnamese.
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 8, fieldSize: 4 * 1024, parts: 9, fileSize: options.maxBytes + 1 },
      });
    } catch {
      reject(validationFailed([{ field: 'body', message: 'the multipart body has no boundary' }]));
      return;
    }

    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || upload) {
        stream.resume();
        return fail(validationFailed([{ field: name, message: 'send exactly one file, in the field named file' }]));
      }
      upload = (async () => {
        try {
          await options.beforeFile({ ...fields });
        } catch (error) {
          stream.resume();
          throw error;
        }
        const staged = await stageUpload(stream, { directory: options.stagingDirectory, maxBytes: options.maxBytes });
        return { fields: { ...fields }, fileName: info.filename ?? '', staged };
      })();
      upload.catch(fail);
    });
    parser.on('filesLimit', () => fail(validationFailed([{ field: 'file', message: 'send exactly one file' }])));
    parser.on('error', () => fail(validationFailed([{ field: 'body', message: 'the multipart body is malformed or cut short' }])));
    parser.on('close', () => {
      if (failed) return;
      if (!upload) return fail(validationFailed([{ field: 'file', message: 'no file was sent: add the field file' }]));
      upload.then(resolve, fail);
    });
    request.on('aborted', () => fail(validationFailed([{ field: 'body', message: 'the upload was interrupted' }])));
    request.pipe(parser);
  });
}

/**
 * After a refusal the client may still be sending. The answer goes out at once with `Connection: close`, and
 * what still arrives is read and dropped so that the client gets to read that answer instead of a reset; a
 * client that keeps sending far past the limit is cut off.
 */
function discardRest(request: Request, maxBytes: number): void {
  request.res?.setHeader('Connection', 'close');
  let dropped = 0;
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 2 * maxBytes + ENVELOPE_BYTES) request.destroy();
  });
  request.resume();
}

const tooLarge = (limit: number) =>
  new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${limit} bytes`, { limit });
