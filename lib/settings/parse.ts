/**
 * Reads stored settings field by field: a bad field falls back to its default alone,
 * every good field is kept, and what was dropped is reported.
 */
import * as v from 'valibot';
import { migrate } from './migrate';
import { isRecord, ownFields, readOwn } from './own';
import {
  DEFAULT_SETTINGS,
  FIELDS,
  SETTINGS_VERSION,
  VersionSchema,
  type ListField,
  type Settings,
  type StoredSettings,
} from './schema';

/** Valid settings, and one line per field that could not be read as stored. */
export interface ParseResult {
  settings: Settings;
  problems: string[];
}

const KEYS = Object.keys(FIELDS) as (keyof Settings)[];

// Problems name a field and a type, never the value: a stored value may be a megabyte.
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (typeof value === 'string') return `string of ${value.length} characters`;
  return typeof value;
}

function readVersion(record: Record<string, unknown>, problems: string[]): number {
  const field = readOwn(record, 'version');
  if (!field.found) return 1; // version 1 wrote no version field
  const parsed = v.safeParse(VersionSchema, field.value);
  if (parsed.success) return parsed.output;
  problems.push(`version: invalid ${describe(field.value)}; read as version 1`);
  return 1;
}

/** One field read on its own: its valid value (maybe with a note), or why it failed. */
export type FieldRead = { ok: true; value: unknown; note?: string } | { ok: false; reason: string };

function readList(key: string, spec: ListField, value: unknown): FieldRead {
  if (!Array.isArray(value))
    return { ok: false, reason: `${key}: expected a list, got ${describe(value)}` };
  // More entries than the app ever writes means the value is not ours: refuse it whole
  // rather than keep an arbitrary slice of it.
  if (value.length > spec.max) {
    return {
      ok: false,
      reason: `${key}: ${value.length} entries, more than the limit of ${spec.max}`,
    };
  }
  const kept = new Set<string>();
  for (const entry of value) {
    const parsed = v.safeParse(spec.entry, entry);
    if (parsed.success) kept.add(parsed.output);
  }
  const dropped = value.length - kept.size;
  const note =
    dropped > 0
      ? `${key}: dropped ${dropped} invalid or duplicate ${dropped === 1 ? 'entry' : 'entries'}`
      : undefined;
  return { ok: true, value: [...kept], note };
}

/** Validates one field's value: lists keep their valid entries, anything else must be valid whole. */
export function readField(key: keyof Settings, value: unknown): FieldRead {
  const spec = FIELDS[key];
  if (spec.kind === 'list') return readList(key, spec, value);
  const parsed = v.safeParse(spec.schema, value);
  return parsed.success
    ? { ok: true, value: parsed.output }
    : { ok: false, reason: `${key}: invalid ${describe(value)}` };
}

/**
 * Turns whatever storage returned into valid settings. Never throws; unknown keys are
 * ignored; older shapes are migrated; a newer shape keeps the fields this version reads.
 */
export function parseSettings(raw: unknown): ParseResult {
  if (raw === undefined || raw === null) return { settings: { ...DEFAULT_SETTINGS }, problems: [] };
  if (!isRecord(raw)) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problems: [`settings: expected an object, got ${describe(raw)}; using defaults`],
    };
  }
  const problems: string[] = [];
  const version = readVersion(raw, problems);
  if (version > SETTINGS_VERSION) {
    problems.push(
      `version: written by a newer MyoLens (v${version}); kept the fields this version understands`,
    );
  }
  const source =
    version > SETTINGS_VERSION
      ? ownFields(raw)
      : (migrate(raw, version) as Record<string, unknown>);
  const settings: Record<string, unknown> = {};
  for (const key of KEYS) {
    const field = readOwn(source, key);
    try {
      // Absent in older shapes is not a problem: the field did not exist yet.
      const read: FieldRead = field.found
        ? readField(key, field.value)
        : { ok: true, value: DEFAULT_SETTINGS[key] };
      if (read.ok && read.note) problems.push(read.note);
      if (!read.ok) problems.push(`${read.reason}; using the default`);
      settings[key] = read.ok ? read.value : DEFAULT_SETTINGS[key];
    } catch {
      // Only a hand-made object (a proxy, a throwing getter) gets here, never storage.
      problems.push(`${key}: unreadable; using the default`);
      settings[key] = DEFAULT_SETTINGS[key];
    }
  }
  return { settings: settings as unknown as Settings, problems };
}

/** Whether two settings values say the same thing (list order included). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return KEYS.every((key) => {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y))
      return x.length === y.length && x.every((item, i) => item === y[i]);
    return x === y;
  });
}

/** The object written to storage for these settings. */
export function toStored(settings: Settings): StoredSettings {
  const out: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const key of KEYS) {
    const value = settings[key];
    out[key] = Array.isArray(value) ? [...value] : value;
  }
  return out as unknown as StoredSettings;
}
