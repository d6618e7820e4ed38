import type { Readable } from 'node:stream';
import busboy from 'busboy';
import type { Request } from 'express';
import { discardStaged, stageUpload, type StagedFile } from '#documents';
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
    discardRest(request);
    return Promise.reject(tooLarge(options.maxBytes));
  }
  if (!/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) {
    return Promise.reject(validationFailed([{ field: 'body', message: 'send multipart/form-data with the field kind, then the field file' }]));
  }

  return new Promise<ReceivedUpload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let upload: Promise<ReceivedUpload> | null = null;
    let receiving: Readable | null = null;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      request.unpipe(parser);
      // A file still being staged stops here (its staging deletes the part file); one staged already goes too.
      if (receiving && !receiving.readableEnded) receiving.destroy();
      discardRest(request);
      // The answer waits for the part file to be gone, so that a refusal never leaves one behind.
      void (upload ?? Promise.reject()).then((received) => discardStaged(received.staged), () => undefined).then(() => reject(error));
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
      receiving = stream;
      upload = (async () => {
        try {
          await options.beforeFile({ ...fields });
        } catch (error) {
          stream.resume();
          throw error;
        }
        // Refused while the check ran (a second file, a broken body): the stream is gone, there is nothing to stage.
        if (stream.destroyed) throw new Error('the upload was refused before it was read');
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

/** How long a refused client may go on sending before it is cut off (a "lingering close", as web servers do). */
const LINGER_MS = 30_000;

/**
 * After a refusal the client may still be sending. The answer goes out at once, and what still arrives is read
 * and dropped, so that the client gets to read that answer: closing the connection instead would meet it
 * mid-write with a broken pipe, and a reset can discard an answer it has not read yet. One that keeps sending
 * past {@link LINGER_MS} is cut off.
 */
function discardRest(request: Request): void {
  if (request.readableEnded) return;
  const cutOff = setTimeout(() => request.destroy(), LINGER_MS);
  cutOff.unref();
  request.once('close', () => clearTimeout(cutOff));
  request.resume();
}

const tooLarge = (limit: number) =>
  new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${limit} bytes`, { limit });
