/** The one way a received value becomes typed: exactly its schema, own fields only. */
import * as v from 'valibot';

// Valibot reads fields with `in`, which sees inherited ones; a message is only ever a
// plain object whose fields are all its own.
function isPlainObject(raw: object): boolean {
  if (Array.isArray(raw)) return false;
  const proto: unknown = Object.getPrototypeOf(raw);
  return proto === Object.prototype || proto === null;
}

/**
 * The value if it is exactly what the schema describes, else null. An object must be a
 * plain one (an array, a class instance or a Date is refused); other values, such as
 * `undefined` or a boolean, are for the schema to judge.
 */
export function parse<T>(schema: v.GenericSchema<unknown, T>, raw: unknown): T | null {
  if (typeof raw === 'object' && raw !== null && !isPlainObject(raw)) return null;
  const parsed = v.safeParse(schema, raw);
  return parsed.success ? parsed.output : null;
}
