import fc from 'fast-check';
import { hostileId, hostileText, longText, raw, wrongType, HOSTILE_DATES } from './hostile';

/**
 * A field of a request body: values the server takes, and values it must refuse. `invalid` is the
 * promise the fuzzer builds on: a body with one invalid field is refused whatever the others hold.
 * `valid` may be loose (a valid-looking value that is refused costs nothing).
 */
export interface Field {
  valid: fc.Arbitrary<unknown>;
  invalid: fc.Arbitrary<unknown>;
  optional?: boolean;
}
export type Model = Record<string, Field>;

/**
 * `optional`: the field may be left out. `nullable`: null is taken too, as class-validator's
 * IsOptional takes it (UpdateUnitSettingsDto's ValidateIf fields are optional but not nullable).
 */
export interface Presence {
  optional?: boolean;
  nullable?: boolean;
}

const allowed = (presence: Presence) => (value: unknown) => !(presence.nullable && value === null) && !(presence.optional && value === undefined);

/** Left out of the body altogether: a required field missing is invalid, an optional one is fine. */
const ABSENT = Symbol('absent');

/** Integers no version, count or year is: fractions, Infinity (1e309), strings, zero and below. */
export const notPositiveInteger: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -0, -1, -(2 ** 31), 0.5, 1.5, raw('1e309'), raw('-1e309'), raw('1e-400'), raw('-0.0'), '1', '2', 'NaN', '1e309', true, null, [1], { version: 1 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Number.isInteger(value)),
  fc.integer({ max: 0 }),
);

/** A string field: free text up to `max` characters; refused when not a string or longer. */
export function text(max: number, options: Presence & { blankInvalid?: boolean } = {}): Field {
  const notText = wrongType.filter((value) => typeof value !== 'string' && allowed(options)(value));
  return {
    valid: fc.oneof(hostileText.filter((value) => value.length <= max && (!options.blankInvalid || value.trim() !== '')), fc.constant('Tuyên truyền biển, đảo')),
    invalid: fc.oneof(notText, longText(max + 1), ...(options.blankInvalid ? [fc.constantFrom('', '   ', '\t\n')] : [])),
    optional: options.optional,
  };
}

/** One of a few words; anything else is refused, the prototype's own names included. */
export function oneOf(values: readonly unknown[], options: Presence = {}): Field {
  return {
    valid: fc.constantFrom(...values),
    invalid: fc.oneof(hostileText, wrongType).filter((value) => !values.includes(value) && allowed(options)(value)),
    optional: options.optional,
  };
}

export function integer(valid: fc.Arbitrary<number>, options: Presence & { max?: number } = {}): Field {
  const tooLarge = options.max === undefined ? [] : [fc.integer({ min: options.max + 1 }), fc.constant(raw('123456789012345678901234567890'))];
  return { valid, invalid: fc.oneof(notPositiveInteger, ...tooLarge).filter(allowed(options)), optional: options.optional };
}

export function boolean(options: Presence = {}): Field {
  return { valid: fc.boolean(), invalid: fc.oneof(fc.constantFrom('true', 'false', 1, 0, '', 'yes'), wrongType.filter((value) => typeof value !== 'boolean')).filter(allowed(options)), optional: options.optional };
}

/** A code naming something that exists (`valid`); anything with a character no code has names nothing. */
export function code(valid: readonly string[], options: Presence = {}): Field {
  return {
    valid: fc.constantFrom(...valid, ...(options.nullable ? [null] : [])),
    invalid: fc.oneof(hostileId, wrongType.filter((value) => typeof value !== 'string')).filter(allowed(options)),
    optional: options.optional,
  };
}

/** A calendar day, `YYYY-MM-DD`: refused when it is no real day (31/02, 2026-02-31) or not text. */
export function localDate(valid: fc.Arbitrary<string>, options: Presence = {}): Field {
  return { valid, invalid: fc.oneof(fc.constantFrom(...HOSTILE_DATES), wrongType).filter(allowed(options)), optional: options.optional };
}

/** An object of the given fields: refused when any of them is, or when it is no object at all. */
export function object(model: Model, options: Presence = {}): Field {
  return { valid: validBody(model), invalid: fc.oneof(poisonedBody(model).map(({ value }) => value), wrongType.filter((value) => !isPlainObject(value)).filter(allowed(options))), optional: options.optional };
}

/** A list of items: refused when it is no list, is too short or too long (`max`, when enforced), or holds one refused item. */
export function list(item: Field, options: Presence & { min?: number; max?: number } = {}): Field {
  const min = options.min ?? 0;
  const valid = fc.array(item.valid, { minLength: min, maxLength: Math.max(min, 3) });
  const withBadItem = fc.tuple(valid, item.invalid, fc.nat()).map(([items, bad, at]) => {
    const copy = [...items];
    copy.splice(at % (copy.length + 1), 0, bad);
    return copy;
  });
  const wrongLength = [
    ...(min > 0 ? [fc.constant([])] : []),
    ...(options.max !== undefined ? [item.valid.map((value) => Array.from({ length: (options.max as number) + 1 }, () => value))] : []),
  ];
  return { valid, invalid: fc.oneof(withBadItem, ...wrongLength, wrongType.filter((value) => !Array.isArray(value)).filter(allowed(options))), optional: options.optional };
}

/** A body with every field valid (optional ones sometimes left out). */
export function validBody(model: Model): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(Object.entries(model).map(([name, field]) => [name, field.optional ? fc.oneof(field.valid, fc.constant(ABSENT)) : field.valid]))).map(assemble);
}

/**
 * A body with one field made invalid on purpose (`defect` names it) and every other field valid,
 * invalid or left out at random: whatever the others hold, the body must be refused.
 */
export function poisonedBody(model: Model): fc.Arbitrary<{ value: Record<string, unknown>; defect: string }> {
  const names = Object.keys(model);
  return fc.constantFrom(...names).chain((target) =>
    fc
      .record(
        Object.fromEntries(
          names.map((name) => {
            const field = model[name];
            if (name === target) return [name, field.optional ? field.invalid : fc.oneof(field.invalid, fc.constant(ABSENT))];
            return [name, fc.oneof(field.valid, field.invalid, ...(field.optional ? [fc.constant(ABSENT)] : []))];
          }),
        ),
      )
      .map((parts) => ({ value: assemble(parts), defect: `${target} invalid` })),
  );
}

function assemble(parts: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== ABSENT));
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
