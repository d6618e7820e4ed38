import { readFileSync } from 'node:fs';
import { ModulesContainer } from '@nestjs/core';
import { ERROR_CODES } from '#contracts';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from '../../apps/api/src/auth/auth.decorators.js';
import { ERROR_STATUS } from '../../apps/api/src/openapi/api-errors.decorator.js';
import { http } from '../support/api.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The OpenAPI document as Swagger UI serves it (/docs-json, from SwaggerModule.setup('docs') in create-api-app.ts):
 * every operation says what it answers on success, with a schema, and every refusal it can make, with the one
 * ErrorBody schema the error filter's bodies follow.
 */

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
  oneOf?: Schema[];
}
interface MediaType {
  schema?: Schema;
  examples?: Record<string, { value: { code: string } }>;
}
interface Response {
  description: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { type: string; scheme: string }> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];
const ERROR_BODY = '#/components/schemas/ErrorBody';
const BINARY_MEDIA = /^(application\/(pdf|x-ndjson|vnd\.openxmlformats-officedocument\.[\w.]+)|text\/csv|image\/(jpeg|png))$/;
/** The refusals that are not an ErrorBody, and why. */
const NOT_ERROR_BODIES: Record<string, string> = {
  // A probe's answer: the same {status, database, redis} as the 200, with status unavailable.
  'get /health 503': '#/components/schemas/HealthResponse',
};

/** The error filter's own tables (not exported, so read from its source): code → status. */
function filterStatuses(): { byCode: Record<string, number>; literals: string[] } {
  const source = readFileSync(new URL('../../apps/api/src/errors/http-error.filter.ts', import.meta.url), 'utf8');
  const status = /const STATUS\b[^=]*=\s*\{([^}]*)\}/.exec(source)?.[1];
  const httpCodes = /const HTTP_CODES\b[^=]*=\s*\{([^}]*)\}/.exec(source)?.[1];
  if (!status || !httpCodes) throw new Error('http-error.filter.ts no longer has its STATUS and HTTP_CODES tables: update this test');
  const byCode: Record<string, number> = {};
  for (const [, code, value] of status.matchAll(/(\w+):\s*(\d{3})/g)) byCode[code!] = Number(value);
  for (const [, value, code] of httpCodes.matchAll(/(\d{3}):\s*'(\w+)'/g)) byCode[code!] ??= Number(value);
  const literals = [...new Set([...source.matchAll(/'([A-Z][A-Z_]+)'/g)].map((match) => match[1]!))];
  return { byCode, literals };
}

describe('OpenAPI document (/docs-json)', () => {
  const t = useTestApp('sqlite');
  let document: Document;
  let operations: { key: string; path: string; method: string; operation: Operation }[];
  /** What the routes themselves declare (@Public, @Roles), by operationId (`Controller_method`). */
  const routes = new Map<string, { isPublic: boolean; roles: string[] | undefined }>();

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema?.$ref) return schema;
    return document.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
  };

  beforeAll(async () => {
    const response = await http(t).get('/docs-json');
    expect(response.status).toBe(200);
    document = response.body as Document;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, operation]) => ({ key: `${method} ${path}`, path, method, operation })),
    );

    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
        if (!controller) continue;
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = (controller.prototype as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const read = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
          routes.set(`${controller.name}_${name}`, { isPublic: read<boolean>(PUBLIC_ROUTE) === true, roles: read<string[]>(REQUIRED_ROLES) });
        }
      }
    }
  });

  const each = (check: (entry: { key: string; path: string; method: string; operation: Operation }) => string[]) => {
    const problems = operations.flatMap((entry) => check(entry).map((problem) => `${entry.key}: ${problem}`));
    expect(problems).toEqual([]);
  };

  it('documents every operation of the API', () => {
    // Every controller route (health, the API, the demo sign-in of a test server) is in the document.
    expect(operations.length).toBeGreaterThanOrEqual(42);
    for (const { operation } of operations) expect(routes.has(operation.operationId)).toBe(true);
  });

  it('gives every operation a summary', () => {
    each(({ operation }) => (operation.summary?.trim() ? [] : ['no summary']));
  });

  it('gives every operation a 2xx response with a schema for each media type (or a 204 without a body)', () => {
    each(({ operation }) => {
      const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) return ['no 2xx response'];
      return successes.flatMap(([status, response]) => {
        if (status === '204') return response.content ? ['204 has a body'] : [];
        const content = Object.entries(response.content ?? {});
        if (content.length === 0) return [`${status} has no content`];
        return content.flatMap(([mediaType, { schema }]): string[] => {
          if (!schema) return [`${status} ${mediaType} has no schema`];
          if (mediaType === 'application/json') {
            const model = resolve(schema.type === 'array' ? schema.items : schema);
            if (!schema.$ref && !schema.items?.$ref) return [`${status} JSON is not a named schema`];
            return model?.type === 'object' && Object.keys(model.properties ?? {}).length > 0 ? [] : [`${status} JSON schema has no fields`];
          }
          if (mediaType === 'text/event-stream') return schema.type === 'string' ? [] : [`${status} event stream is not a string`];
          if (BINARY_MEDIA.test(mediaType)) {
            return schema.type === 'string' && schema.format === 'binary' ? [] : [`${status} ${mediaType} is not format: binary`];
          }
          return [`${status} has an unexpected media type ${mediaType}`];
        });
      });
    });
  });

  it('answers every refusal with the ErrorBody schema, and nothing else', () => {
    each(({ key, operation }) =>
      Object.entries(operation.responses).flatMap(([status, response]): string[] => {
        if (/^3\d\d$/.test(status)) return response.content ? [`${status} has a body`] : [];
        if (/^2\d\d$/.test(status)) return [];
        const expected = NOT_ERROR_BODIES[`${key} ${status}`] ?? ERROR_BODY;
        const content = response.content ?? {};
        if (Object.keys(content).join() !== 'application/json') return [`${status} is not (only) application/json`];
        return content['application/json']!.schema?.$ref === expected ? [] : [`${status} does not reference ${expected}`];
      }),
    );
  });

  it('has one ErrorBody schema whose code lists every code the API sends', () => {
    const errorBody = document.components.schemas.ErrorBody!;
    expect(errorBody.type).toBe('object');
    expect(Object.keys(errorBody.properties!)).toEqual(expect.arrayContaining(['code', 'message', 'errors']));
    expect(new Set(errorBody.properties!.code!.enum)).toEqual(new Set(ERROR_CODES));
    expect(errorBody.properties!.code!.enum).toHaveLength(ERROR_CODES.length);
    // Every code the error filter writes, read from its source, is one of them.
    expect(ERROR_CODES).toEqual(expect.arrayContaining(filterStatuses().literals));
    // The items of `errors`: {field, message}.
    const problem = resolve(errorBody.properties!.errors!.items)!;
    expect(Object.keys(problem.properties!).sort()).toEqual(['field', 'message']);
  });

  it('documents each code under the status the error filter answers it with', () => {
    const { byCode } = filterStatuses();
    // The decorator's table and the filter's agree on every code either names.
    for (const [code, status] of Object.entries(byCode)) expect([code, ERROR_STATUS[code as keyof typeof ERROR_STATUS]]).toEqual([code, status]);
    for (const [code, status] of Object.entries(ERROR_STATUS)) expect([code, byCode[code]]).toEqual([code, status]);
    each(({ operation }) =>
      Object.entries(operation.responses).flatMap(([status, response]) => {
        const examples = response.content?.['application/json']?.schema?.$ref === ERROR_BODY ? response.content['application/json']!.examples : null;
        if (!examples) return [];
        if (Object.keys(examples).length === 0) return [`${status} names no code`];
        return Object.values(examples)
          .filter(({ value }) => byCode[value.code] !== Number(status))
          .map(({ value }) => `${value.code} documented as ${status}, answered as ${byCode[value.code]}`);
      }),
    );
  });

  const codes = (operation: Operation | undefined, status: number): string[] =>
    Object.values(operation?.responses[String(status)]?.content?.['application/json']?.examples ?? {}).map(({ value }) => value.code);

  it('requires the bearer token everywhere but on the public routes, and says 401 where it does', () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const publicOperations: string[] = [];
    each(({ key, operation }) => {
      const route = routes.get(operation.operationId)!;
      if (route.isPublic) {
        publicOperations.push(key);
        return [...(operation.security?.length ? ['public, yet asks for a token'] : []), ...(operation.responses['401'] ? ['public, yet 401'] : [])];
      }
      return [
        ...(JSON.stringify(operation.security) === JSON.stringify([{ bearer: [] }]) ? [] : ['no bearer security']),
        ...(codes(operation, 401).includes('UNAUTHENTICATED') ? [] : ['no 401 UNAUTHENTICATED']),
      ];
    });
    expect(publicOperations.sort()).toEqual(['get /api/dev/demo-users', 'get /health', 'post /api/dev/sign-in']);
  });

  it('says 403 where roles restrict the route or where it writes (an auditor never does)', () => {
    each(({ method, operation }) => {
      const route = routes.get(operation.operationId)!;
      if (route.isPublic) return [];
      const restricted = (route.roles?.length ?? 0) > 0 || method !== 'get';
      return restricted && !codes(operation, 403).includes('FORBIDDEN') ? ['no 403 FORBIDDEN'] : [];
    });
  });

  it('says 400 where the operation takes a body, query or path parameters or headers, and 404 where it names a resource', () => {
    each(({ path, operation }) => [
      ...((operation.parameters?.length ?? 0) > 0 || operation.requestBody ? (codes(operation, 400).includes('VALIDATION_FAILED') ? [] : ['no 400']) : []),
      ...(/\{(id|documentId|version)\}/.test(path) && !codes(operation, 404).includes('NOT_FOUND') ? ['no 404'] : []),
    ]);
  });

  it('names the conflicts, limits and rule refusals of the operations that make them', () => {
    const find = (key: string) => operations.find((entry) => entry.key === key)?.operation;
    const expectations: [string, number, string[]][] = [
      ['post /api/proposals/{id}/events', 409, ['INVALID_TRANSITION', 'VERSION_CONFLICT']],
      ['post /api/proposals/{id}/events', 422, ['RULE_VIOLATION', 'IDEMPOTENCY_KEY_REUSED']],
      ['post /api/proposals', 422, ['IDEMPOTENCY_KEY_REUSED']],
      ['patch /api/campaigns/{id}', 409, ['CONFIRMATION_REQUIRED']],
      ['post /api/units', 409, ['DUPLICATE']],
      ['post /api/proposals/{id}/documents', 409, ['INVALID_TRANSITION', 'VERSION_CONFLICT']],
      ['post /api/proposals/{id}/documents', 413, ['PAYLOAD_TOO_LARGE']],
      ['post /api/proposals/{id}/documents', 415, ['UNSUPPORTED_MEDIA_TYPE']],
      ['post /api/proposals/{id}/documents', 422, ['UNSAFE_ARCHIVE']],
      ['delete /api/proposals/{id}/documents/{documentId}', 409, ['INVALID_TRANSITION', 'VERSION_CONFLICT']],
      ['get /api/proposals/{id}/forms/{form}', 409, ['FORM_NOT_READY']],
      ['get /api/campaigns/{id}/forms/quyet-dinh', 409, ['FORM_NOT_READY']],
      ['get /api/notifications/stream', 429, ['TOO_MANY_STREAMS']],
      ['post /api/audit/checkpoints', 503, ['NOT_CONFIGURED']],
      ['post /api/admin/proposals/migrate', 409, ['VERSION_CONFLICT']],
    ];
    for (const [key, status, expected] of expectations) {
      expect([key, status, codes(find(key), status).sort()]).toEqual([key, status, [...expected].sort()]);
    }
  });

  it('gives streams and files their media types', () => {
    const media = (key: string, status = '200') =>
      Object.keys(operations.find((entry) => entry.key === key)!.operation.responses[status]!.content ?? {}).sort();
    expect(media('get /api/notifications/stream')).toEqual(['text/event-stream']);
    expect(media('get /api/audit/export')).toEqual(['application/x-ndjson', 'text/csv']);
    expect(media('get /api/proposals')).toEqual(['application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(media('get /api/proposals/{id}/forms/{form}')).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect(media('get /api/proposals/{id}/documents/{documentId}')).toEqual(
      ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/jpeg', 'image/png'].sort(),
    );
    expect(media('delete /api/proposals/{id}/documents/{documentId}', '204')).toEqual([]);
  });

  it('resolves every schema reference', () => {
    const text = JSON.stringify(document);
    const missing = [...new Set([...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!))].filter(
      (name) => !document.components.schemas[name],
    );
    expect(missing).toEqual([]);
  });
});
