import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * A class-validator decorator from a plain predicate, so that each check stays a pure function that can be
 * tested and reused on its own (`isCalendarDate`, `hasVisibleText`, …).
 */
export function propertyCheck(name: string, validate: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: { validate },
      });
}
