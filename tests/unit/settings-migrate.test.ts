import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  migrate,
  parseSettings,
  toStored,
  type Settings,
  type SettingsV1,
} from '../../lib/settings';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

const V1: SettingsV1 = {
  highlight: false,
  disabledSites: ['example.com', 'news.example.org'],
  markStyle: 'background',
  trigger: 'click',
  badge: false,
};

// Earlier-version values, each with something to carry over. Version 1 wrote no version field.
const EARLIER: { name: string; raw: Record<string, unknown>; from: number }[] = [
  { name: 'a full v1 value', raw: { ...V1 }, from: 1 },
  { name: 'a v1 value with highlight on', raw: { highlight: true, disabledSites: [] }, from: 1 },
  { name: 'a v1 value with only the site list', raw: { disabledSites: ['example.com'] }, from: 1 },
  {
    name: 'a v1 value with an unknown field',
    raw: { highlight: false, extra: { kept: true } },
    from: 1,
  },
  {
    name: 'a v1 value with corrupt fields',
    raw: { highlight: 'yes', disabledSites: 'example.com' },
    from: 1,
  },
  {
    name: 'a value mixing v1 and v2 names',
    raw: {
      highlight: false,
      enabled: true,
      disabledSites: ['a.com'],
      sites: ['b.com'],
      siteMode: 'only-listed',
    },
    from: 1,
  },
  {
    name: 'a v2 value',
    raw: toStored({ ...DEFAULT_SETTINGS, density: 'first' }) as never,
    from: 2,
  },
];

describe('migrate', () => {
  test('v1 to v2 renames highlight and disabledSites and keeps every other field', () => {
    expect(migrate(deepFreeze({ ...V1 }), 1)).toEqual({
      version: SETTINGS_VERSION,
      enabled: false,
      siteMode: 'all-except',
      sites: ['example.com', 'news.example.org'],
      markStyle: 'background',
      trigger: 'click',
      badge: false,
    });
  });

  test('every v1 setting survives into the parsed settings', () => {
    const expected: Settings = {
      ...DEFAULT_SETTINGS,
      enabled: V1.highlight,
      sites: V1.disabledSites,
      markStyle: V1.markStyle,
      trigger: V1.trigger,
      badge: V1.badge,
    };
    expect(parseSettings(V1)).toEqual({ settings: expected, problems: [] });
  });

  test('fields it does not know are kept', () => {
    expect(migrate({ highlight: true, extra: { kept: true } }, 1)).toEqual({
      version: SETTINGS_VERSION,
      enabled: true,
      extra: { kept: true },
    });
  });

  test('a field already under its v2 name wins over the v1 name', () => {
    const out = migrate(
      { highlight: false, enabled: true, disabledSites: ['a.com'], sites: ['b.com'] },
      1,
    );
    expect(out).toEqual({ version: SETTINGS_VERSION, enabled: true, sites: ['b.com'] });
  });

  test.each(EARLIER)('running it twice equals once: $name', ({ raw, from }) => {
    const once = migrate(deepFreeze(raw), from);
    expect(migrate(once, from)).toEqual(once);
    expect(migrate(once, SETTINGS_VERSION)).toEqual(once);
    expect(parseSettings(once)).toEqual(parseSettings(raw));
  });

  test.each(EARLIER)('the input is not modified: $name', ({ raw, from }) => {
    const before = JSON.stringify(raw);
    migrate(raw, from);
    expect(JSON.stringify(raw)).toBe(before);
  });

  test('the current version comes back as an equal copy', () => {
    const stored = toStored({ ...DEFAULT_SETTINGS, badge: false });
    const out = migrate(stored, SETTINGS_VERSION);
    expect(out).toEqual(stored);
    expect(out).not.toBe(stored);
  });

  test('a newer version is left as it is, even with v1-looking keys', () => {
    const raw = { version: SETTINGS_VERSION + 1, highlight: false, somethingNew: 1 };
    expect(migrate(raw, SETTINGS_VERSION + 1)).toEqual(raw);
  });

  test.each([0, -3, Number.NaN, 1.5, Infinity])(
    'an invalid fromVersion (%s) is read as 1',
    (from) => {
      expect(migrate({ highlight: false }, from)).toEqual({
        version: SETTINGS_VERSION,
        enabled: false,
      });
    },
  );

  test.each([null, undefined, 42, 'text', [1, 2]])(
    'a non-object (%s) comes back unchanged',
    (raw) => {
      expect(migrate(raw, 1)).toBe(raw);
    },
  );

  test('prototype keys are not copied and pollute nothing', () => {
    const raw = JSON.parse(
      '{"highlight": false, "__proto__": {"polluted": true}, "constructor": {"x": 1}}',
    );
    const out = migrate(raw, 1) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out).sort()).toEqual(['enabled', 'version']);
    expect('polluted' in out).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
