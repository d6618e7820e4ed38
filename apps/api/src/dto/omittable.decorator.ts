import { ValidateIf } from 'class-validator';

/**
 * A body field that may be left out, but not sent as null: class-validator's IsOptional lets null through
 * every other check, and a null award form or nominee in an UPDATE then reached the database or a rule.
 * (Query parameters cannot be null and keep IsOptional.)
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
