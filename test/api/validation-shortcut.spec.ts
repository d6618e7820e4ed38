import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { ValidationPipe, type ArgumentMetadata, type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { plainToInstance } from 'class-transformer';
import type { AppConfig } from '#config';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { CreateProposalDto } from '../../apps/api/src/dto/create-proposal.dto.js';
import { ProposalEventDto } from '../../apps/api/src/dto/proposal-event.dto.js';
import { CreateCampaignDto, CreateUnitDto } from '../../apps/api/src/dto/unit-and-campaign.dto.js';
import { refuseDeepJson } from '../../apps/api/src/errors/json-depth.js';
import { isKnownValid } from '../../apps/api/src/errors/known-valid.js';
import { TextHygienePipe } from '../../apps/api/src/errors/text-hygiene.js';
import { STRICT_VALIDATION, strictValidationPipe } from '../../apps/api/src/errors/validation.js';
import { completeCampaign, DECISION, proposalDraft, STEPS, VOTE } from '../support/api.js';
import { CATALOGUE } from './bad-input.catalogue.js';

/**
 * The API's validation pipe answers a body that passes without running class-validator's executor
 * (apps/api/src/errors/known-valid.ts). That shortcut may only ever say what the executor would say: here every
 * body of the bad-input catalogue, every happy-path body and its damaged copies (each value replaced, each key
 * removed, an unknown key added, at every depth) go through the text pipe and then through both the API's pipe
 * and Nest's own ValidationPipe with the same options, for every DTO a route reads from a body or a query; the
 * answers must be the same, refusal for refusal and DTO for DTO.
 */

/** Every DTO class a route validates, with where it comes from (body or query). */
function routeDtos(): { metatype: Type; type: 'body' | 'query' }[] {
  const module = ApiModule.forRoot({ devSignIn: true } as AppConfig);
  const found = new Map<Type, 'body' | 'query'>();
  for (const controller of module.controllers ?? []) {
    const prototype = (controller as Type).prototype as object;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number }>;
      const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as Type[];
      for (const [key, { index }] of Object.entries(args)) {
        const paramtype = Number(key.split(':')[0]);
        const metatype = types[index];
        if (!metatype || [String, Number, Boolean, Object, Array].includes(metatype as never)) continue;
        if (paramtype === RouteParamtypes.BODY) found.set(metatype, 'body');
        if (paramtype === RouteParamtypes.QUERY) found.set(metatype, 'query');
      }
    }
  }
  return [...found].map(([metatype, type]) => ({ metatype, type }));
}

const IDS: Record<string, string> = { $unit: randomUUID(), $otherUnit: randomUUID(), $campaign: randomUUID() };
const substitute = (text: string) => text.replace(/\$(unit|otherUnit|campaign)\b/g, (name) => IDS[name]);

/** The catalogue's bodies and queries, as JSON text: each run parses its own copy, as the body parser would. */
function catalogueTexts(): Record<'body' | 'query', string[]> {
  const texts = { body: [] as string[], query: [] as string[] };
  for (const c of CATALOGUE) {
    if (c.body !== undefined) texts.body.push(substitute(typeof c.body === 'string' ? c.body : JSON.stringify(c.body)));
    if (c.query && typeof c.query === 'object') texts.query.push(substitute(JSON.stringify(c.query)));
  }
  const parsable = (text: string) => {
    try {
      // What the body parser refuses (broken JSON, deeper than it takes) reaches no pipe.
      refuseDeepJson(undefined as never, undefined, Buffer.from(text));
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };
  return { body: texts.body.filter(parsable), query: texts.query.filter(parsable) };
}

const VALID_CREATES = [
  proposalDraft(IDS.$unit, IDS.$campaign),
  proposalDraft(IDS.$unit, null),
  proposalDraft(IDS.$unit, IDS.$campaign, { nominee: { type: 'collective', name: 'Tổ cứu hộ', ownParticipants: 12, totalParticipants: 40, steeringCommittee: false } }),
  proposalDraft(IDS.$unit, IDS.$campaign, { achievement: { summary: 'Dòng 1\nDòng 2', date: '2025-12-15', recognizedAt: '2025-12-20', outstanding: true, serviceWork: false } }),
];
const VALID_EVENTS = [
  ...Object.values(STEPS).map((step) => step.body),
  { type: 'RECOMMEND', vote: VOTE },
  { type: 'APPROVE', decision: DECISION },
  { type: 'AWARD_AT_UNIT', decision: DECISION },
  { type: 'RETURN', reason: 'Bổ sung hồ sơ' },
  { type: 'SUPPLEMENT', note: 'Đã bổ sung bản sao' },
  { type: 'UPDATE', changes: { awardForm: 'unit_certificate', nominee: { type: 'individual', name: 'Trần Thị B' } } },
];

const DAMAGE: unknown[] = [null, '', ' ', '\u200b', 'a\nb', 'x'.repeat(6000), 0, -1, 1.5, 1e300, true, [], [1], {}, { extra: 1 }, 'not-a-date', '2026-02-30', 'SUBMIT'];

/** Copies of `body` with one place damaged: each value replaced, each key removed, an unknown key added. */
function damaged(body: unknown): unknown[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  const copies: unknown[] = [{ ...body, unknownField: 'x' }];
  for (const [key, value] of Object.entries(body)) {
    const { [key]: _removed, ...without } = body as Record<string, unknown>;
    copies.push(without);
    for (const replacement of DAMAGE) copies.push({ ...body, [key]: replacement });
    for (const inner of damaged(value)) copies.push({ ...body, [key]: inner });
  }
  return copies;
}

/** A value as text, with what JSON leaves out: each object's class, undefined properties, key order. */
function described(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${described(item)}`);
  return `${Array.isArray(value) ? 'Array' : (Object.getPrototypeOf(value)?.constructor?.name ?? 'null')}{${entries.join(',')}}`;
}

type Outcome = { value: unknown } | { refused: { name: string; message: string; details?: unknown } };

async function outcome(pipe: ValidationPipe, text: string, metadata: ArgumentMetadata): Promise<Outcome | null> {
  let value: unknown;
  try {
    value = new TextHygienePipe().transform(JSON.parse(text), metadata);
  } catch {
    return null; // refused before any DTO is looked at
  }
  try {
    return { value: await pipe.transform(value, metadata) };
  } catch (error) {
    const { name, message, details } = error as { name: string; message: string; details?: unknown };
    return { refused: { name, message, details } };
  }
}

describe("the validation pipe's shortcut for bodies that pass", () => {
  const dtos = routeDtos();
  const catalogue = catalogueTexts();
  /** Each good body with its DTO; it and its damaged copies are sent to that DTO. */
  const good: [Type, unknown[]][] = [
    [CreateProposalDto, VALID_CREATES],
    [ProposalEventDto, VALID_EVENTS],
    [CreateCampaignDto, [completeCampaign()]],
    [CreateUnitDto, [{ code: 'U-1', name: 'Đơn vị' }]],
  ];
  const damagedTexts = (bodies: unknown[]) => bodies.flatMap((body) => [body, ...damaged(body)]).map((body) => JSON.stringify(body));

  it('reads the DTOs of the routes it guards', () => {
    expect(dtos.map((dto) => dto.metatype)).toEqual(expect.arrayContaining(good.map(([dto]) => dto)));
    expect({ bodies: catalogue.body.length > 200, queries: catalogue.query.length > 20 }).toEqual({ bodies: true, queries: true });
  });

  it('takes the hot bodies (a proposal drafted, each event of the walk) without the executor', () => {
    for (const body of VALID_CREATES) expect({ body, known: isKnownValid(plainToInstance(CreateProposalDto, body)) }).toEqual({ body, known: true });
    for (const body of VALID_EVENTS) expect({ body, known: isKnownValid(plainToInstance(ProposalEventDto, body)) }).toEqual({ body, known: true });
  });

  const ours = strictValidationPipe();
  const nest = new ValidationPipe(STRICT_VALIDATION);
  const count = { passed: 0, refused: 0 };

  async function compare(metatype: Type, type: 'body' | 'query', texts: string[]): Promise<void> {
    const metadata: ArgumentMetadata = { type, metatype, data: undefined };
    for (const text of texts) {
      const [mine, theirs] = [await outcome(ours, text, metadata), await outcome(nest, text, metadata)];
      if (mine === null) continue;
      // Compared as text first (classes, undefined properties and key order included): Jest's deep equality
      // on every one of these pairs would take a minute; it only runs to show a difference.
      if (described(mine) !== described(theirs)) {
        expect({ dto: metatype.name, text, answer: mine }).toStrictEqual({ dto: metatype.name, text, answer: theirs });
      }
      count['value' in mine ? 'passed' : 'refused']++;
    }
  }

  it("answers every body (query) of the catalogue, for every body (query) DTO of a route, exactly as Nest's ValidationPipe does", async () => {
    for (const { metatype, type } of dtos) await compare(metatype, type, catalogue[type]);
  }, 60_000);

  it('answers every good body, and every damaged copy of one, exactly as Nest does', async () => {
    for (const [metatype, bodies] of good) await compare(metatype, 'body', damagedTexts(bodies));
    // Both kinds of answer were compared, many times.
    expect({ passed: count.passed > 50, refused: count.refused > 1000 }).toEqual({ passed: true, refused: true });
  }, 60_000);
});
