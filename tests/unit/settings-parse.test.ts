import { afterAll, describe, expect, test } from 'vitest';
import { CATEGORIES as CONTENT_CATEGORIES } from '../../content/schema';
import {
  CATEGORIES,
  DEFAULT_SETTINGS,
  MAX_HIDDEN_TERMS,
  MAX_SITES,
  SETTINGS_VERSION,
  parseSettings,
  sameSettings,
  toStored,
  type Settings,
} from '../../lib/settings';

const MB = 'x'.repeat(1024 * 1024);
const protoNamesBefore = Object.getOwnPropertyNames(Object.prototype).sort();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value))
      deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

interface Case {
  name: string;
  raw: unknown;
  /** Fields that must differ from the defaults; every other field must equal its default. */
  expect: Partial<Settings>;
  /** One pattern per expected problem, in order; [] means none. */
  problems: RegExp[];
}

// Every object case mixes a good non-default field in with the bad one, to show the good
// one survives.
const CASES: Case[] = [
  { name: 'null', raw: null, expect: {}, problems: [] },
  { name: 'undefined', raw: undefined, expect: {}, problems: [] },
  {
    name: 'a number',
    raw: 42,
    expect: {},
    problems: [/^settings: expected an object, got number/],
  },
  {
    name: 'a string',
    raw: 'enabled',
    expect: {},
    problems: [/expected an object, got string of 7/],
  },
  {
    name: 'a 1 MB string',
    raw: MB,
    expect: {},
    problems: [/expected an object, got string of 1048576/],
  },
  { name: 'true', raw: true, expect: {}, problems: [/expected an object, got boolean/] },
  { name: 'an empty array', raw: [], expect: {}, problems: [/expected an object, got array of 0/] },
  {
    name: 'an array of settings',
    raw: [{ enabled: false }],
    expect: {},
    problems: [/got array of 1/],
  },
  {
    name: 'enabled as a string',
    raw: { version: 2, enabled: 'yes', badge: false },
    expect: { badge: false },
    problems: [/^enabled: invalid string of 3 characters; using the default$/],
  },
  {
    name: 'enabled as 0',
    raw: { version: 2, enabled: 0, density: 'first' },
    expect: { density: 'first' },
    problems: [/^enabled: invalid number/],
  },
  {
    name: 'an unknown siteMode',
    raw: { version: 2, siteMode: 'none-listed', sites: ['example.com'] },
    expect: { sites: ['example.com'] },
    problems: [/^siteMode: invalid string/],
  },
  {
    name: 'markStyle as a number',
    raw: { version: 2, markStyle: 42, trigger: 'click' },
    expect: { trigger: 'click' },
    problems: [/^markStyle: invalid number/],
  },
  {
    name: 'markStyle as a 1 MB string',
    raw: { version: 2, markStyle: MB, enabled: false },
    expect: { enabled: false },
    problems: [/^markStyle: invalid string of 1048576 characters/],
  },
  {
    name: 'density null',
    raw: { version: 2, density: null, markStyle: 'none' },
    expect: { markStyle: 'none' },
    problems: [/^density: invalid null/],
  },
  {
    name: 'trigger as an array',
    raw: { version: 2, trigger: ['hover'], siteMode: 'only-listed' },
    expect: { siteMode: 'only-listed' },
    problems: [/^trigger: invalid array of 1/],
  },
  {
    name: 'badge as the string "false"',
    raw: { version: 2, badge: 'false', enabled: false },
    expect: { enabled: false },
    problems: [/^badge: invalid string/],
  },
  {
    name: 'sites as a string',
    raw: { version: 2, sites: 'example.com', badge: false },
    expect: { badge: false },
    problems: [/^sites: expected a list, got string/],
  },
  {
    name: 'sites with 10,000 entries',
    raw: {
      version: 2,
      sites: Array.from({ length: 10_000 }, (_, i) => `site${i}.example.com`),
      badge: false,
    },
    expect: { badge: false },
    problems: [/^sites: 10000 entries, more than the limit of 500; using the default$/],
  },
  {
    name: 'sites with valid and invalid entries mixed',
    raw: {
      version: 2,
      sites: [
        'example.com',
        'http://',
        'exa mple.com',
        'a'.repeat(300),
        '*.com',
        42,
        null,
        'WWW.Example.COM.',
        'https://news.example.org:8443/path?q=1',
        'example.com',
        MB,
        JSON.parse('{"__proto__": "x"}'),
        '127.0.0.1',
        '192.168.1.300',
      ],
    },
    expect: { sites: ['example.com', 'www.example.com', 'news.example.org', '127.0.0.1'] },
    problems: [/^sites: dropped 10 invalid or duplicate entries$/],
  },
  {
    name: 'sites with 500 entries (the limit) kept whole',
    raw: { version: 2, sites: Array.from({ length: MAX_SITES }, (_, i) => `s${i}.example.com`) },
    expect: { sites: Array.from({ length: MAX_SITES }, (_, i) => `s${i}.example.com`) },
    problems: [],
  },
  {
    name: 'hiddenTerms with invalid entries mixed',
    raw: {
      version: 2,
      hiddenTerms: [
        'vitamin-d',
        'Vitamin D',
        '../x',
        'a'.repeat(101),
        'muscle-atrophy',
        {},
        'vitamin-d',
        '-x',
        '',
      ],
    },
    expect: { hiddenTerms: ['vitamin-d', 'muscle-atrophy'] },
    problems: [/^hiddenTerms: dropped 7 invalid or duplicate entries$/],
  },
  {
    name: 'hiddenTerms over the limit',
    raw: {
      version: 2,
      hiddenTerms: Array.from({ length: MAX_HIDDEN_TERMS + 1 }, (_, i) => `t${i}`),
      badge: false,
    },
    expect: { badge: false },
    problems: [/^hiddenTerms: 201 entries, more than the limit of 200/],
  },
  {
    name: 'hiddenCategories with unknown entries',
    raw: { version: 2, hiddenCategories: ['safety', 'toxins', 'SAFETY', 3, 'biology'] },
    expect: { hiddenCategories: ['safety', 'biology'] },
    problems: [/^hiddenCategories: dropped 3 invalid or duplicate entries$/],
  },
  {
    name: 'hiddenCategories as a string',
    raw: { version: 2, hiddenCategories: 'safety', density: 'first' },
    expect: { density: 'first' },
    problems: [/^hiddenCategories: expected a list, got string/],
  },
  {
    name: 'a __proto__ key',
    raw: JSON.parse(
      '{"version": 2, "__proto__": {"enabled": false, "polluted": true}, "badge": false}',
    ),
    expect: { badge: false },
    problems: [],
  },
  {
    name: 'a constructor key',
    raw: JSON.parse(
      '{"version": 2, "constructor": {"prototype": {"polluted": true}}, "enabled": false}',
    ),
    expect: { enabled: false },
    problems: [],
  },
  {
    name: 'a __proto__ key nested in a field',
    raw: JSON.parse(
      '{"version": 2, "sites": {"__proto__": {"polluted": true}}, "trigger": "alt-hover"}',
    ),
    expect: { trigger: 'alt-hover' },
    problems: [/^sites: expected a list, got object/],
  },
  {
    name: 'a future version',
    raw: {
      version: 3,
      enabled: false,
      markStyle: 'squiggle',
      density: 'first',
      brandNew: { a: 1 },
    },
    expect: { enabled: false, density: 'first' },
    problems: [/^version: written by a newer MyoLens \(v3\)/, /^markStyle: invalid string/],
  },
  {
    name: 'a far future version with v1-looking keys (not migrated)',
    raw: { version: 99, highlight: false, disabledSites: ['example.com'], badge: false },
    expect: { badge: false },
    problems: [/newer MyoLens \(v99\)/],
  },
  {
    name: 'version as a string',
    raw: { version: 'two', enabled: false },
    expect: { enabled: false },
    problems: [/^version: invalid string of 3 characters; read as version 1$/],
  },
  {
    name: 'version negative',
    raw: { version: -1, markStyle: 'background' },
    expect: { markStyle: 'background' },
    problems: [/^version: invalid number/],
  },
  {
    name: 'version beyond safe integers',
    raw: { version: 1e308, badge: false },
    expect: { badge: false },
    problems: [/^version: invalid number/],
  },
  {
    name: 'a v1 value with a bad highlight',
    raw: { highlight: 'on', disabledSites: ['example.com', 'bad host'], badge: false },
    expect: { badge: false, sites: ['example.com'] },
    problems: [/^enabled: invalid string/, /^sites: dropped 1 invalid/],
  },
  {
    name: 'an unknown key holding 1 MB',
    raw: { version: 2, junk: MB, badge: false },
    expect: { badge: false },
    problems: [],
  },
  {
    name: 'every field wrong',
    raw: {
      version: 2,
      enabled: 1,
      siteMode: 1,
      sites: 1,
      markStyle: 1,
      density: 1,
      trigger: 1,
      hiddenTerms: 1,
      hiddenCategories: 1,
      badge: 1,
      followPage: 1,
      lookupOnDoubleClick: null,
    },
    expect: {},
    problems: [
      /^enabled:/,
      /^siteMode:/,
      /^sites:/,
      /^markStyle:/,
      /^density:/,
      /^trigger:/,
      /^hiddenTerms:/,
      /^hiddenCategories:/,
      /^badge:/,
      /^followPage:/,
      /^lookupOnDoubleClick:/,
    ],
  },
  {
    name: 'an object without a prototype',
    raw: Object.assign(Object.create(null) as object, {
      version: 2,
      enabled: false,
      sites: ['[::1]'],
    }),
    expect: { enabled: false, sites: ['[::1]'] },
    problems: [],
  },
  {
    name: 'fields inherited from a prototype, not own',
    raw: Object.assign(
      Object.create({ enabled: false, sites: ['example.com'], version: 9 }) as object,
      {
        badge: false,
      },
    ),
    expect: { badge: false },
    problems: [],
  },
  {
    name: 'followPage as the string "false"',
    raw: { version: 2, followPage: 'false', hiddenTerms: ['sarcopenia'] },
    expect: { hiddenTerms: ['sarcopenia'] },
    problems: [/^followPage: invalid string/],
  },
  {
    name: 'followPage null',
    raw: { version: 2, followPage: null, badge: false },
    expect: { badge: false },
    problems: [/^followPage: invalid null/],
  },
  {
    name: 'lookupOnDoubleClick as the string "true"',
    raw: { version: 2, lookupOnDoubleClick: 'true', badge: false },
    expect: { badge: false },
    problems: [/^lookupOnDoubleClick: invalid string/],
  },
  {
    name: 'lookupOnDoubleClick as 1',
    raw: { version: 2, lookupOnDoubleClick: 1, trigger: 'click' },
    expect: { trigger: 'click' },
    problems: [/^lookupOnDoubleClick: invalid number/],
  },
  {
    name: 'a sparse array',
    // eslint-disable-next-line no-sparse-arrays
    raw: { version: 2, hiddenTerms: ['vitamin-d', , 'calcitriol'] },
    expect: { hiddenTerms: ['vitamin-d', 'calcitriol'] },
    problems: [/^hiddenTerms: dropped 1 invalid/],
  },
];

describe('parseSettings on corrupt values', () => {
  test('the table has at least 24 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(24));

  test.each(CASES)('$name', ({ raw, expect: fields, problems }) => {
    const result = parseSettings(deepFreeze(raw));
    expect(result.settings).toEqual({ ...DEFAULT_SETTINGS, ...fields });
    expect(result.problems).toHaveLength(problems.length);
    problems.forEach((pattern, i) => expect(result.problems[i]).toMatch(pattern));
    // A problem names the field, never the (possibly huge) value.
    for (const problem of result.problems) expect(problem.length).toBeLessThan(160);
    // A fresh, ordinary object: nothing inherited from a __proto__ key.
    expect(Object.getPrototypeOf(result.settings)).toBe(Object.prototype);
    expect(Object.keys(result.settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    expect('polluted' in result.settings).toBe(false);
  });

  afterAll(() => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNamesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseSettings on good values', () => {
  const custom: Settings = {
    enabled: false,
    siteMode: 'only-listed',
    sites: ['example.com', 'xn--bcher-kva.de'],
    markStyle: 'none',
    density: 'first',
    renderer: 'wrap',
    trigger: 'alt-hover',
    hiddenTerms: ['vitamin-d'],
    hiddenCategories: ['safety', 'nutrition'],
    badge: false,
    followPage: false,
    lookupOnDoubleClick: true,
  };

  test('what toStored writes reads back the same, without problems', () => {
    const stored = toStored(custom);
    expect(stored.version).toBe(SETTINGS_VERSION);
    expect(parseSettings(JSON.parse(JSON.stringify(stored)))).toEqual({
      settings: custom,
      problems: [],
    });
  });

  test('defaults read back as defaults', () => {
    expect(parseSettings(toStored(DEFAULT_SETTINGS))).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [],
    });
  });

  test('missing fields take their defaults silently', () => {
    expect(parseSettings({ version: 2, badge: false })).toEqual({
      settings: { ...DEFAULT_SETTINGS, badge: false },
      problems: [],
    });
  });

  test('settings stored before "Follow the page" existed keep every field and follow the page', () => {
    const before = {
      version: 2,
      enabled: true,
      siteMode: 'only-listed',
      sites: ['example.com'],
      markStyle: 'background',
      density: 'all',
      renderer: 'wrap',
      trigger: 'click',
      hiddenTerms: ['vitamin-d'],
      hiddenCategories: ['safety'],
      badge: false,
    };
    const { settings, problems } = parseSettings(before);
    const { version: _version, ...fields } = before;
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...fields, followPage: true, lookupOnDoubleClick: false });
    expect(parseSettings({ ...before, followPage: false }).settings.followPage).toBe(false);
  });

  test('a value stored before the double-click lookup existed reads it as off, keeping the rest', () => {
    const before = { version: 2, enabled: false, trigger: 'click', hiddenTerms: ['vitamin-d'] };
    const { settings, problems } = parseSettings(before);
    expect(problems).toEqual([]);
    expect(settings.lookupOnDoubleClick).toBe(false);
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      trigger: 'click',
      hiddenTerms: ['vitamin-d'],
    });
    // Turned on, it is written and read back like every other field.
    const on = parseSettings(toStored({ ...settings, lookupOnDoubleClick: true }));
    expect(on).toEqual({ settings: { ...settings, lookupOnDoubleClick: true }, problems: [] });
  });

  test('site entries are normalised', () => {
    const { settings } = parseSettings({
      version: 2,
      sites: ['HTTPS://Bücher.DE/x', 'Example.com.'],
    });
    expect(settings.sites).toEqual(['xn--bcher-kva.de', 'example.com']);
  });

  test('a throwing getter costs only its field', () => {
    const raw = { version: 2, badge: false };
    Object.defineProperty(raw, 'enabled', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = parseSettings(raw);
    expect(result.settings).toEqual({ ...DEFAULT_SETTINGS, badge: false });
  });

  test('DEFAULT_SETTINGS cannot be changed', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.sites)).toBe(true);
    expect(DEFAULT_SETTINGS).toEqual({
      enabled: true,
      siteMode: 'all-except',
      sites: [],
      markStyle: 'underline',
      density: 'section',
      renderer: 'paint',
      trigger: 'hover',
      hiddenTerms: [],
      hiddenCategories: [],
      badge: true,
      followPage: true,
      lookupOnDoubleClick: false,
    });
  });

  test('sameSettings compares every field, lists by order', () => {
    expect(sameSettings(custom, { ...custom, sites: [...custom.sites] })).toBe(true);
    expect(sameSettings(custom, { ...custom, sites: [...custom.sites].reverse() })).toBe(false);
    expect(sameSettings(custom, { ...custom, badge: true })).toBe(false);
    expect(sameSettings(custom, { ...custom, lookupOnDoubleClick: false })).toBe(false);
  });

  test('hidden categories are the glossary categories', () => {
    expect([...CATEGORIES].sort()).toEqual([...CONTENT_CATEGORIES].sort());
  });
});
