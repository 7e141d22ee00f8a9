/**
 * Upgrades stored settings from earlier shapes. Pure and idempotent: migrating twice
 * equals migrating once, so it is safe to run on every read, in every context.
 */
import { isRecord, ownFields } from './own';
import { SETTINGS_VERSION } from './schema';

/** The first stored shape (no `version` field), kept to document what `migrate` reads. */
export interface SettingsV1 {
  /** Became `enabled`. */
  highlight: boolean;
  /** Became `sites` with `siteMode: 'all-except'`; v1 had no allow-list mode. */
  disabledSites: string[];
  markStyle: 'underline' | 'background';
  trigger: 'hover' | 'click';
  badge: boolean;
}

type Step = (fields: Record<string, unknown>) => void;

// STEPS[n] turns a version n-1 object into version n, in place. Each step leaves
// fields it does not know alone, and a field already in the new shape wins over its
// old name (it can only have been written later).
const STEPS: Readonly<Record<number, Step>> = {
  2: (fields) => {
    if (Object.hasOwn(fields, 'highlight')) {
      if (!Object.hasOwn(fields, 'enabled')) fields.enabled = fields.highlight;
      delete fields.highlight;
    }
    if (Object.hasOwn(fields, 'disabledSites')) {
      if (!Object.hasOwn(fields, 'sites')) {
        fields.sites = fields.disabledSites;
        if (!Object.hasOwn(fields, 'siteMode')) fields.siteMode = 'all-except';
      }
      delete fields.disabledSites;
    }
  },
};

/**
 * Brings a stored object written by version `fromVersion` to the current shape, keeping
 * every field (renamed ones under their new names, unknown ones as they are). Values are
 * not validated here; `parseSettings` does that. Non-objects come back unchanged.
 */
export function migrate(raw: unknown, fromVersion: number): unknown {
  if (!isRecord(raw)) return raw;
  const fields = ownFields(raw);
  const from = Number.isSafeInteger(fromVersion) && fromVersion >= 1 ? fromVersion : 1;
  // A newer shape is not ours to rewrite; parseSettings keeps what it can read of it.
  if (from >= SETTINGS_VERSION) return fields;
  for (let target = from + 1; target <= SETTINGS_VERSION; target++) STEPS[target]?.(fields);
  fields.version = SETTINGS_VERSION;
  return fields;
}
