/**
 * Where settings are kept: one key in `storage.sync` and one in `storage.local`, and
 * which of the two holds the value to use.
 */
import type { StorageItemKey, WxtStorage } from '@wxt-dev/storage';
import type { StoredSettings } from './schema';

/** One place settings can live (a storage key), as the store needs it. */
export interface SettingsSlot {
  getValue(): Promise<unknown>;
  setValue(value: StoredSettings): Promise<void>;
  removeValue(): Promise<void>;
  watch(cb: (value: unknown) => void): () => void;
}

/** The two places settings can live. */
export interface SettingsSlots {
  sync: SettingsSlot;
  local: SettingsSlot;
}

/** The one key settings live under, in `storage.sync` and in `storage.local`. */
export const SETTINGS_KEY = 'settings';

/** The storage area settings currently live in. */
export type SettingsArea = 'sync' | 'local';

/**
 * The `sync:settings` and `local:settings` keys as slots. Typed `unknown` on purpose:
 * what sync holds may come from another device, another version, or be corrupt;
 * `parseSettings` decides. Not `storage.defineItem`: it reads the key as soon as it is
 * defined, outside any try, so a browser without `storage.sync` gets an unhandled
 * rejection in every context; and its `version`/`migrations` would rewrite storage from
 * every context that imports it. `migrate` runs on read instead, and the upgraded shape
 * is written with the next user change.
 */
export function defineSettingsSlots(
  storage: Pick<WxtStorage, 'getItem' | 'setItem' | 'removeItem' | 'watch'>,
): SettingsSlots {
  const slot = (key: StorageItemKey): SettingsSlot => ({
    getValue: () => storage.getItem<unknown>(key),
    setValue: (value) => storage.setItem(key, value),
    removeValue: () => storage.removeItem(key),
    watch: (cb) => storage.watch<unknown>(key, (value) => cb(value)),
  });
  return { sync: slot(`sync:${SETTINGS_KEY}`), local: slot(`local:${SETTINGS_KEY}`) };
}

type Attempt<T> = { ok: true; value: T } | { ok: false };

async function attempt<T>(run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() };
  } catch {
    return { ok: false };
  }
}

/** What a read of both slots found: the raw value to parse and where it came from. */
export interface SlotRead {
  raw: unknown;
  area: SettingsArea;
  /** Whether local holds a copy (a save that could not reach sync). */
  localHeld: boolean;
  problems: string[];
}

/**
 * The stored settings in use, of what both areas hold: local's copy when it holds one (a
 * save that could not reach sync: the newest), else sync's. `readSlots` picks so too;
 * the frames' first stage, which reads the raw areas, picks with this.
 */
export function storedInUse(local: unknown, sync: unknown): unknown {
  return local ?? sync;
}

/** Reads both slots and picks the one to use (as `storedInUse`); never throws. */
export async function readSlots(slots: SettingsSlots): Promise<SlotRead> {
  const [sync, local] = await Promise.all([
    attempt(() => slots.sync.getValue()),
    attempt(() => slots.local.getValue()),
  ]);
  // A value in local exists only because a save could not reach sync: it is the newest.
  if (local.ok && local.value != null) {
    return { raw: local.value, area: 'local', localHeld: true, problems: [] };
  }
  if (sync.ok) return { raw: sync.value, area: 'sync', localHeld: false, problems: [] };
  const problems = local.ok ? [] : ['storage: settings could not be read; using defaults'];
  return { raw: local.ok ? local.value : undefined, area: 'local', localHeld: false, problems };
}

/** Removes the local copy once sync holds the newest value; rewrites it if removal fails. */
export async function dropLocalCopy(slots: SettingsSlots, value: StoredSettings): Promise<void> {
  // A leftover local copy would shadow the newer sync value on every read.
  if (!(await attempt(() => slots.local.removeValue())).ok) await slots.local.setValue(value);
}
