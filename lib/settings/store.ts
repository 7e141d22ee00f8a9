/**
 * Loads, saves and watches settings in `storage.sync`, falling back to `storage.local`
 * when sync is missing or refuses a write. Storage is passed in, so tests use fakes.
 */
import { readOwn } from './own';
import { parseSettings, readField, sameSettings, toStored, type ParseResult } from './parse';
import { FIELDS, type Settings } from './schema';
import { dropLocalCopy, readSlots, type SettingsArea, type SettingsSlots } from './slots';

/** What the UI shows while settings live in `storage.local`. */
export const LOCAL_ONLY_NOTICE =
  'Settings are saved on this device only: browser sync storage is unavailable.';

/** Settings as read, with where they came from and the notice to show, if any. */
export interface LoadedSettings {
  settings: Settings;
  problems: string[];
  where: SettingsArea;
  notice: string | null;
}

/** The outcome of a save; `written` is false when the patch changed nothing. */
export interface SavedSettings extends LoadedSettings {
  written: boolean;
}

/** Reads, writes and watches settings for one context (popup, tab, background). */
export interface SettingsStore {
  readonly where: SettingsArea;
  readonly notice: string | null;
  loadSettings(): Promise<LoadedSettings>;
  /** Applies a change to the freshest stored settings; writes only if something changed. */
  saveSettings(patch: SettingsPatch): Promise<SavedSettings>;
  watchSettings(cb: (loaded: LoadedSettings) => void): () => void;
}

/** A change: the fields to set, or a function of the current settings giving them. */
export type SettingsPatch = Partial<Settings> | ((current: Settings) => Partial<Settings>);

/**
 * The current settings with the patch applied field by field. A patch field that is
 * invalid as a whole (wrong type, a list over its limit) keeps the current value:
 * a 201st hidden term must not reset the list to its default. Undefined fields are
 * skipped, so `{ sites: undefined }` cannot wipe anything.
 */
function applyPatch(current: Settings, patch: Partial<Settings>): ParseResult {
  const next: Record<string, unknown> = { ...current };
  const problems: string[] = [];
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    const field = readOwn(patch, key);
    if (!field.found || field.value === undefined) continue;
    const read = readField(key, field.value);
    if (read.ok && read.note) problems.push(read.note);
    if (read.ok) next[key] = read.value;
    else problems.push(`${read.reason}; kept the current value`);
  }
  return { settings: next as unknown as Settings, problems };
}

/** A store over the given slots. Reading never writes; only a real change does. */
export function createSettingsStore(slots: SettingsSlots): SettingsStore {
  let where: SettingsArea = 'sync';
  let saving: Promise<unknown> = Promise.resolve();
  const noticeFor = (area: SettingsArea) => (area === 'local' ? LOCAL_ONLY_NOTICE : null);

  const loadSettings = async (): Promise<LoadedSettings> => {
    const state = await readSlots(slots);
    where = state.area;
    const parsed = parseSettings(state.raw);
    return {
      ...parsed,
      problems: [...state.problems, ...parsed.problems],
      where,
      notice: noticeFor(where),
    };
  };

  const save = async (patch: SettingsPatch): Promise<SavedSettings> => {
    // Read fresh rather than trust a cached copy: another context may have saved since.
    const state = await readSlots(slots);
    where = state.area;
    const current = parseSettings(state.raw).settings;
    const next = applyPatch(current, typeof patch === 'function' ? patch(current) : patch);
    const result = (written: boolean, settings: Settings): SavedSettings => ({
      settings,
      problems: next.problems,
      where,
      notice: noticeFor(where),
      written,
    });
    if (sameSettings(next.settings, current)) return result(false, current);
    const value = toStored(next.settings);
    try {
      await slots.sync.setValue(value);
      where = 'sync';
      if (state.localHeld) await dropLocalCopy(slots, value);
    } catch {
      // Sync missing, over QUOTA_BYTES_PER_ITEM or MAX_WRITE_OPERATIONS_PER_*: keep the
      // change on this device. If local fails too, the caller must tell the user.
      await slots.local.setValue(value);
      where = 'local';
    }
    return result(true, next.settings);
  };

  const saveSettings = (patch: SettingsPatch): Promise<SavedSettings> => {
    // One save at a time per context, so two quick clicks cannot undo each other.
    const run = saving.then(() => save(patch));
    saving = run.catch(() => undefined);
    return run;
  };

  const watchSettings = (cb: (loaded: LoadedSettings) => void): (() => void) => {
    let ticket = 0;
    let stopped = false;
    let last: string | undefined;
    const reload = () => {
      const mine = ++ticket;
      void loadSettings().then((loaded) => {
        // Only the latest read is delivered; one save can fire both areas' events.
        if (stopped || mine !== ticket) return;
        const key = JSON.stringify([loaded.settings, loaded.where]);
        if (key === last) return;
        last = key;
        cb(loaded);
      });
    };
    const stops: (() => void)[] = [];
    for (const slot of [slots.sync, slots.local]) {
      try {
        stops.push(slot.watch(reload));
      } catch {
        // That area does not exist in this browser: nothing to watch there.
      }
    }
    return () => {
      stopped = true;
      for (const stop of stops) stop();
    };
  };

  return {
    get where() {
      return where;
    },
    get notice() {
      return noticeFor(where);
    },
    loadSettings,
    saveSettings,
    watchSettings,
  };
}
