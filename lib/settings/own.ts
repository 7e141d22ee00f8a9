/** Reading untrusted stored objects without touching prototypes. */

// Keys that mean something to the prototype chain are never settings; copying them
// by assignment could swap an object's prototype ("__proto__").
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a value is an object with fields (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of an own field, or undefined when absent or unreadable (a throwing getter). */
export function readOwn(
  record: object,
  key: string,
): { found: true; value: unknown } | { found: false } {
  try {
    return Object.hasOwn(record, key)
      ? { found: true, value: (record as Record<string, unknown>)[key] }
      : { found: false };
  } catch {
    return { found: false };
  }
}

/** A fresh plain object with the record's own readable fields, prototype keys left out. */
export function ownFields(record: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let keys: string[];
  try {
    keys = Object.keys(record);
  } catch {
    return out;
  }
  for (const key of keys) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const field = readOwn(record, key);
    if (field.found) out[key] = field.value;
  }
  return out;
}
