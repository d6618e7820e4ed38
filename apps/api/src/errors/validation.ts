import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '#kernel';

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

/** Unknown fields are refused rather than dropped, so a mistyped field name is noticed. */
export const strictValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // One message per field: the first failed check says what is wrong ("required" before "too long").
    stopAtFirstError: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
