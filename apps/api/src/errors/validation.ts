import { ValidationPipe, type ArgumentMetadata, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { DomainError } from '#kernel';
import { isKnownValid } from './known-valid.js';

export interface FieldProblem {
  field: string;
  message: string;
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // class-validator names the property without its parents; say where it sits.
      message: message.replace(new RegExp(`^${error.property}\\b`), field),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export const validationFailed = (errors: FieldProblem[]) =>
  new DomainError('VALIDATION_FAILED', errors.map((e) => e.message).join('; '), { errors });

/**
 * Only plain objects and primitives, and no key that the pipe strips before building the DTO (`__proto__`,
 * `prototype`, `constructor`): for such a value the ValidationPipe's own first steps (closing array gaps,
 * stripping those keys, looking for binary values among nested objects) change and find nothing. A JSON body,
 * as the text pipe hands it on, is one unless it holds an array.
 */
function isPlainData(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.getOwnPropertyNames(value)) {
    if (key === '__proto__' || key === 'prototype' || key === 'constructor') return false;
    if (!isPlainData((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * Nest's ValidationPipe, with a shortcut for a body that passes: the DTO is built by class-transformer exactly
 * as the pipe builds it, and when errors/known-valid.ts finds it valid it is the pipe's answer, as the pipe
 * would have given it. Every other value, and every refusal, goes through the pipe itself.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (metatype && this.toValidate(metadata) && value !== null && typeof value === 'object' && isPlainData(value)) {
      const entity = plainToInstance(metatype, value, this.transformOptions) as object;
      if (entity.constructor === metatype && isKnownValid(entity)) return entity;
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused rather than dropped, so a mistyped field name is noticed. */
export const STRICT_VALIDATION: ValidationPipeOptions = {
  // errors/known-valid.ts mirrors class-validator for exactly these options: change them there too.
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // One message per field: the first failed check says what is wrong ("required" before "too long").
  stopAtFirstError: true,
  exceptionFactory: (errors) => validationFailed(flatten(errors)),
};

export const strictValidationPipe = () => new StrictValidationPipe(STRICT_VALIDATION);
