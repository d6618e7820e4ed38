import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath, type ContentObject } from '@nestjs/swagger';

/** A JSON body of this response class, or (`[Class]`) an array of them. */
type JsonBody = Type<unknown> | [Type<unknown>];
/** A media type sent as bytes (a file, a stream): `format: binary`. */
type FileBody = string;

/**
 * Documents an operation's success: its status and, for each body it may send, the media type and schema. A
 * class is a JSON body of that schema; a string is a media type sent as bytes. Both may be given where a query
 * parameter chooses (JSON or the spreadsheet).
 *
 *     @ApiSuccess(200, 'One page of proposals', ProposalPageResponse, XLSX_MEDIA_TYPE)
 */
export function ApiSuccess(status: 200 | 201, description: string, ...bodies: (JsonBody | FileBody)[]): MethodDecorator & ClassDecorator {
  const models: Type<unknown>[] = [];
  const content: ContentObject = {};
  for (const body of bodies) {
    if (typeof body === 'string') {
      content[body] = { schema: { type: 'string', format: 'binary' } };
      continue;
    }
    const model = Array.isArray(body) ? body[0] : body;
    models.push(model);
    const ref = { $ref: getSchemaPath(model) };
    content['application/json'] = { schema: Array.isArray(body) ? { type: 'array', items: ref } : ref };
  }
  if (Object.keys(content).length === 0) throw new Error(`ApiSuccess(${status}) needs a body: a response class or a media type`);
  return applyDecorators(...(models.length > 0 ? [ApiExtraModels(...models)] : []), ApiResponse({ status, description, content }));
}

/** 204: done, and nothing to say. */
export const ApiNoContent = (description: string) => ApiResponse({ status: 204, description });

/** 304: the copy the client holds (If-None-Match) is still the current one; no body. */
export const ApiNotModified = (description = 'If-None-Match holds the current ETag: keep your copy') => ApiResponse({ status: 304, description });

/**
 * 200 as server-sent events (text/event-stream): the messages are listed in the description, and the schema of
 * each message's `data` is registered so that the description can point to it.
 */
export function ApiEventStream(description: string, ...dataModels: Type<unknown>[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(...dataModels),
    ApiResponse({
      status: 200,
      description,
      content: {
        'text/event-stream': {
          schema: {
            type: 'string',
            description: 'A stream of `event: <type>`, `id: <id>` and `data: <JSON>` lines, one blank line after each message',
          },
        },
      },
    }),
  );
}
