import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  LOCAL_ONLY_NOTICE,
  MAX_HIDDEN_TERMS,
  SETTINGS_VERSION,
  createSettingsStore,
  defineSettingsSlots,
  toStored,
  type LoadedSettings,
  type Settings,
  type SettingsStore,
} from '../../lib/settings';

type Area = typeof fakeBrowser.storage.sync;
const areas = () => ({ sync: fakeBrowser.storage.sync, local: fakeBrowser.storage.local });

/** Spies on every call that could change either area. */
function spyOnWrites() {
  const spies = Object.entries(areas()).flatMap(([, area]) => [
    vi.spyOn(area, 'set'),
    vi.spyOn(area, 'remove'),
    vi.spyOn(area, 'clear'),
  ]);
  return { count: () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0) };
}

const rawIn = async (area: Area): Promise<unknown> => (await area.get('settings')).settings;
const rawSites = async (area: Area) =>
  ((await rawIn(area)) as { sites?: unknown } | undefined)?.sites;
const newStore = (): SettingsStore => createSettingsStore(defineSettingsSlots(storage));

// Chrome's own wording for these failures.
const QUOTA = new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
const RATE = new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');

/** Makes sync behave like Chrome's: an item over QUOTA_BYTES_PER_ITEM (8192 bytes) is refused. */
function enforceSyncItemQuota() {
  const sync = fakeBrowser.storage.sync;
  const realSet = sync.set.bind(sync);
  vi.spyOn(sync, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(items)) {
      if (key.length + JSON.stringify(value).length > 8192) throw QUOTA;
    }
    return realSet(items);
  });
}

let realSync: Area;
beforeEach(() => {
  fakeBrowser.reset();
  realSync = fakeBrowser.storage.sync;
});
afterEach(() => {
  (fakeBrowser.storage as { sync: Area | undefined }).sync = realSync;
  vi.restoreAllMocks();
});

const CORRUPT: [string, unknown][] = [
  ['a string', 'not settings'],
  ['an array', [1, 2, 3]],
  ['wrong field types', { version: 2, enabled: 'yes', sites: 'example.com', markStyle: 42 }],
  ['a huge string field', { version: 2, markStyle: 'x'.repeat(1024 * 1024) }],
  [
    'a 10,000-entry list',
    { version: 2, sites: Array.from({ length: 10_000 }, (_, i) => `s${i}.example.com`) },
  ],
  ['a __proto__ key', JSON.parse('{"version": 2, "__proto__": {"polluted": true}, "badge": "no"}')],
  ['a future version', { version: 7, enabled: false, markStyle: 'squiggle' }],
  ['a v1 value', { highlight: false, disabledSites: ['example.com', 'bad host'] }],
];

describe('loadSettings', () => {
  test('empty storage gives the defaults from sync, and writes nothing', async () => {
    const writes = spyOnWrites();
    const store = newStore();
    expect(await store.loadSettings()).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [],
      where: 'sync',
      notice: null,
    });
    expect(store.where).toBe('sync');
    expect(store.notice).toBeNull();
    expect(writes.count()).toBe(0);
  });

  test.each(CORRUPT)('reading %s never writes storage back', async (_name, raw) => {
    await fakeBrowser.storage.sync.set({ settings: raw });
    const before = JSON.stringify(await rawIn(fakeBrowser.storage.sync));
    const writes = spyOnWrites();
    const store = newStore();
    const loaded = await store.loadSettings();
    expect(loaded.problems.length).toBeGreaterThan(0);
    expect(writes.count()).toBe(0);
    expect(JSON.stringify(await rawIn(fakeBrowser.storage.sync))).toBe(before);
    expect(await rawIn(fakeBrowser.storage.local)).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a v1 value reads migrated, and storage still holds v1 until a change', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { highlight: false, disabledSites: ['example.com'] },
    });
    const { settings } = await newStore().loadSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false, sites: ['example.com'] });
    expect(await rawIn(fakeBrowser.storage.sync)).toEqual({
      highlight: false,
      disabledSites: ['example.com'],
    });
  });

  test('when storage.sync is undefined, settings come from local with the notice', async () => {
    await fakeBrowser.storage.local.set({
      settings: toStored({ ...DEFAULT_SETTINGS, badge: false }),
    });
    (fakeBrowser.storage as { sync: Area | undefined }).sync = undefined;
    const store = newStore();
    const loaded = await store.loadSettings();
    expect(loaded).toEqual({
      settings: { ...DEFAULT_SETTINGS, badge: false },
      problems: [],
      where: 'local',
      notice: LOCAL_ONLY_NOTICE,
    });
    expect(store.notice).toBe(LOCAL_ONLY_NOTICE);
  });

  test('when sync reads throw, settings come from local', async () => {
    await fakeBrowser.storage.local.set({
      settings: toStored({ ...DEFAULT_SETTINGS, density: 'first' }),
    });
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync is broken'));
    const loaded = await newStore().loadSettings();
    expect(loaded.settings.density).toBe('first');
    expect(loaded.where).toBe('local');
  });

  test('when both areas fail, the defaults still load', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('no'));
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('no'));
    const loaded = await newStore().loadSettings();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.problems).toEqual(['storage: settings could not be read; using defaults']);
  });
});

describe('saveSettings', () => {
  test('a change writes the full current shape to sync', async () => {
    const writes = spyOnWrites();
    const saved = await newStore().saveSettings({ markStyle: 'background' });
    expect(saved.written).toBe(true);
    expect(saved.where).toBe('sync');
    expect(writes.count()).toBe(1);
    expect(await rawIn(fakeBrowser.storage.sync)).toEqual({
      ...toStored(DEFAULT_SETTINGS),
      version: SETTINGS_VERSION,
      markStyle: 'background',
    });
    expect(await rawIn(fakeBrowser.storage.local)).toBeUndefined();
  });

  test('a patch that changes nothing writes nothing', async () => {
    await fakeBrowser.storage.sync.set({
      settings: toStored({ ...DEFAULT_SETTINGS, badge: false }),
    });
    const writes = spyOnWrites();
    const saved = await newStore().saveSettings({ badge: false, trigger: 'hover' });
    expect(saved.written).toBe(false);
    expect(writes.count()).toBe(0);
  });

  test('re-saving a corrupt field as its default is no change, so the corrupt value is not rewritten', async () => {
    await fakeBrowser.storage.sync.set({ settings: { version: 2, markStyle: 42 } });
    const writes = spyOnWrites();
    expect((await newStore().saveSettings({ markStyle: 'underline' })).written).toBe(false);
    expect(writes.count()).toBe(0);
  });

  test('a change over a corrupt value writes clean settings and keeps the good fields', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { version: 2, markStyle: 42, density: 'first' },
    });
    await newStore().saveSettings({ badge: false });
    expect(await rawIn(fakeBrowser.storage.sync)).toEqual(
      toStored({ ...DEFAULT_SETTINGS, density: 'first', badge: false }),
    );
  });

  test('a change over a v1 value writes the v2 shape with every v1 setting', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { highlight: false, disabledSites: ['example.com'], trigger: 'click' },
    });
    await newStore().saveSettings({ density: 'first' });
    expect(await rawIn(fakeBrowser.storage.sync)).toEqual(
      toStored({
        ...DEFAULT_SETTINGS,
        enabled: false,
        sites: ['example.com'],
        trigger: 'click',
        density: 'first',
      }),
    );
  });

  test('patch values are validated: bad hostnames are dropped and reported', async () => {
    const saved = await newStore().saveSettings({
      sites: ['Example.com', 'exa mple.com', '*.com'],
    });
    expect(saved.settings.sites).toEqual(['example.com']);
    expect(saved.problems).toEqual(['sites: dropped 2 invalid or duplicate entries']);
    expect(await rawSites(fakeBrowser.storage.sync)).toEqual(['example.com']);
  });

  test('an undefined patch field leaves the stored field alone', async () => {
    await fakeBrowser.storage.sync.set({
      settings: toStored({ ...DEFAULT_SETTINGS, sites: ['example.com'] }),
    });
    const saved = await newStore().saveSettings({ sites: undefined, badge: false });
    expect(saved.settings.sites).toEqual(['example.com']);
  });

  test('a function patch applies to the freshest stored settings', async () => {
    const mine = newStore();
    await mine.loadSettings();
    await newStore().saveSettings({ hiddenTerms: ['vitamin-d'] }); // another context, meanwhile
    await mine.saveSettings((current) => ({ hiddenTerms: [...current.hiddenTerms, 'calcitriol'] }));
    expect((await mine.loadSettings()).settings.hiddenTerms).toEqual(['vitamin-d', 'calcitriol']);
  });

  test('a patch field invalid as a whole keeps the current value instead of resetting it', async () => {
    const full = Array.from({ length: MAX_HIDDEN_TERMS }, (_, i) => `term-${i}`);
    await fakeBrowser.storage.sync.set({
      settings: toStored({ ...DEFAULT_SETTINGS, hiddenTerms: full }),
    });
    const writes = spyOnWrites();
    const saved = await newStore().saveSettings((current) => ({
      hiddenTerms: [...current.hiddenTerms, 'one-too-many'],
    }));
    expect(saved.written).toBe(false);
    expect(saved.settings.hiddenTerms).toEqual(full);
    expect(saved.problems).toEqual([
      'hiddenTerms: 201 entries, more than the limit of 200; kept the current value',
    ]);
    expect(writes.count()).toBe(0);
  });

  test('a wrongly typed patch field is refused while the others apply', async () => {
    const patch = { markStyle: 'squiggle', badge: false } as unknown as Partial<Settings>;
    const saved = await newStore().saveSettings(patch);
    expect(saved.settings).toEqual({ ...DEFAULT_SETTINGS, badge: false });
    expect(saved.problems).toEqual([
      'markStyle: invalid string of 8 characters; kept the current value',
    ]);
  });

  test('two saves at once both land', async () => {
    const store = newStore();
    await Promise.all([
      store.saveSettings({ badge: false }),
      store.saveSettings({ density: 'first' }),
    ]);
    expect((await store.loadSettings()).settings).toEqual({
      ...DEFAULT_SETTINGS,
      badge: false,
      density: 'first',
    });
  });

  test.each([
    ['QUOTA_BYTES_PER_ITEM', QUOTA],
    ['MAX_WRITE_OPERATIONS_PER_MINUTE', RATE],
  ])(
    'when sync refuses the write (%s), the change is kept in local with the notice',
    async (_name, error) => {
      vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(error);
      const store = newStore();
      const saved = await store.saveSettings({ enabled: false });
      expect(saved).toMatchObject({ written: true, where: 'local', notice: LOCAL_ONLY_NOTICE });
      expect(store.where).toBe('local');
      expect(await rawIn(fakeBrowser.storage.local)).toEqual(
        toStored({ ...DEFAULT_SETTINGS, enabled: false }),
      );
      // Another context reading later sees the local copy, not the older sync value.
      const other = await newStore().loadSettings();
      expect(other).toMatchObject({
        where: 'local',
        notice: LOCAL_ONLY_NOTICE,
        settings: { enabled: false },
      });
    },
  );

  test('a site list too big for one sync item falls back to local', async () => {
    enforceSyncItemQuota();
    const sites = Array.from({ length: 500 }, (_, i) => `site-number-${i}.example.com`);
    const saved = await newStore().saveSettings({ sites });
    expect(saved).toMatchObject({ written: true, where: 'local' });
    expect(saved.settings.sites).toHaveLength(500);
    expect(await rawIn(fakeBrowser.storage.sync)).toBeUndefined();
    expect(await rawSites(fakeBrowser.storage.local)).toHaveLength(500);
  });

  test('when storage.sync is undefined, saving works from local', async () => {
    (fakeBrowser.storage as { sync: Area | undefined }).sync = undefined;
    const store = newStore();
    const saved = await store.saveSettings({ trigger: 'click' });
    expect(saved).toMatchObject({ written: true, where: 'local', notice: LOCAL_ONLY_NOTICE });
    expect((await store.loadSettings()).settings.trigger).toBe('click');
  });

  test('once sync accepts writes again, settings move back and the local copy goes', async () => {
    enforceSyncItemQuota();
    const store = newStore();
    const big = Array.from({ length: 500 }, (_, i) => `site-number-${i}.example.com`);
    await store.saveSettings({ sites: big, badge: false });
    expect(store.where).toBe('local');
    const saved = await store.saveSettings({ sites: ['example.com'] });
    expect(saved).toMatchObject({ written: true, where: 'sync', notice: null });
    expect(await rawIn(fakeBrowser.storage.local)).toBeUndefined();
    expect(await rawIn(fakeBrowser.storage.sync)).toEqual(
      toStored({ ...DEFAULT_SETTINGS, sites: ['example.com'], badge: false }),
    );
    expect(await newStore().loadSettings()).toMatchObject({
      where: 'sync',
      settings: { badge: false },
    });
  });

  test('when local fails too, the save rejects so the UI can say so', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(QUOTA);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    await expect(newStore().saveSettings({ enabled: false })).rejects.toThrow('QUOTA_BYTES');
  });
});

describe('watchSettings', () => {
  test("another context's change reaches the watcher, parsed", async () => {
    const seen: LoadedSettings[] = [];
    const stop = newStore().watchSettings((loaded) => seen.push(loaded));
    await newStore().saveSettings({ density: 'first' });
    await vi.waitFor(() => expect(seen.at(-1)?.settings.density).toBe('first'));
    stop();
  });

  test('a corrupt value arriving from sync is parsed and never written back', async () => {
    const seen: LoadedSettings[] = [];
    const stop = newStore().watchSettings((loaded) => seen.push(loaded));
    const writes = spyOnWrites();
    await fakeBrowser.storage.sync.set({ settings: { version: 2, enabled: false, markStyle: 7 } });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.settings).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(seen[0]!.problems).toEqual(['markStyle: invalid number; using the default']);
    expect(writes.count()).toBe(1); // the test's own set, nothing after it
    stop();
  });

  test('falling back to local is reported to watchers', async () => {
    const seen: LoadedSettings[] = [];
    const stop = newStore().watchSettings((loaded) => seen.push(loaded));
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(QUOTA);
    await newStore().saveSettings({ badge: false });
    await vi.waitFor(() =>
      expect(seen.at(-1)).toMatchObject({ where: 'local', notice: LOCAL_ONLY_NOTICE }),
    );
    stop();
  });

  test('after stop, no more calls', async () => {
    const cb = vi.fn();
    const stop = newStore().watchSettings(cb);
    stop();
    await newStore().saveSettings({ badge: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cb).not.toHaveBeenCalled();
  });

  test('a read still in flight when stopped is not delivered', async () => {
    const cb = vi.fn();
    const stop = newStore().watchSettings(cb);
    // The fake fires onChanged inside set(), so the watcher's read has started by now.
    await fakeBrowser.storage.sync.set({
      settings: toStored({ ...DEFAULT_SETTINGS, badge: false }),
    });
    stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cb).not.toHaveBeenCalled();
  });

  test('works with storage.sync undefined', async () => {
    (fakeBrowser.storage as { sync: Area | undefined }).sync = undefined;
    const seen: LoadedSettings[] = [];
    const stop = newStore().watchSettings((loaded) => seen.push(loaded));
    await newStore().saveSettings({ trigger: 'alt-hover' });
    await vi.waitFor(() => expect(seen.at(-1)?.settings.trigger).toBe('alt-hover'));
    stop();
  });
});
