import { describe, expect, test } from 'vitest';
import { hostMatchesRule } from '../../lib/hostname';
import {
  DEFAULT_SETTINGS,
  MAX_SITES,
  isEnabledInFrame,
  isEnabledOn,
  normalizeHostname,
  parseSettings,
  rulesCovering,
  toggleSite,
  toStored,
  type Settings,
} from '../../lib/settings';

const settings = (patch: Partial<Settings>): Settings =>
  Object.freeze({ ...DEFAULT_SETTINGS, ...patch });

describe('normalizeHostname', () => {
  test.each([
    ['example.com', 'example.com'],
    ['Example.COM', 'example.com'],
    ['  example.com  ', 'example.com'],
    ['https://www.example.com/path?q=1#top', 'www.example.com'],
    ['HTTP://Example.com:8080', 'example.com'],
    ['example.com:8080', 'example.com'],
    ['example.com/some/page', 'example.com'],
    ['example.com.', 'example.com'],
    ['https://example.com./', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['BÜCHER.DE', 'xn--bcher-kva.de'],
    ['https://www.bücher.de/', 'www.xn--bcher-kva.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['ｅｘａｍｐｌｅ.com', 'example.com'],
    ['localhost', 'localhost'],
    ['localhost:3000', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['http://192.168.1.10:8000/docs', '192.168.1.10'],
    ['http://[::1]:8080/', '[::1]'],
    ['[2001:DB8::1]', '[2001:db8::1]'],
    ['a_b.example.com', 'a_b.example.com'],
    ['ftp://files.example.com/x', 'files.example.com'],
    [
      `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`,
      `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`,
    ],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });

  test.each([
    [''],
    ['   '],
    ['http://'],
    ['https:///path'],
    ['file:///etc/passwd'],
    ['exa mple.com'],
    ['exa\tmple.com'],
    ['exa\nmple.com'],
    ['exa\u0000mple.com'],
    ['a'.repeat(300)],
    [`${'a'.repeat(64)}.com`],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`],
    ['*.com'],
    ['*.example.com'],
    ['exa*mple.com'],
    ['exa$mple.com'],
    ['com'],
    ['intranet'],
    ['user@example.com'],
    ['evil.com@good.com'],
    ['-bad.com'],
    ['bad-.com'],
    ['a..com'],
    ['.com'],
    ['example.com..'],
    ['999.1.1.1'],
    // eslint-disable-next-line no-script-url -- an input that must be refused
    ['javascript:alert(1)'],
    ['x'.repeat(1024 * 1024)],
  ])('rejects %j', (input) => {
    expect(normalizeHostname(input)).toBeNull();
  });

  test.each([[42], [null], [undefined], [{}], [['example.com']]])(
    'rejects the non-string %j',
    (input) => {
      expect(normalizeHostname(input)).toBeNull();
    },
  );

  test('is idempotent', () => {
    for (const input of ['Bücher.de', 'https://WWW.example.com:1/', '[::1]', '127.1']) {
      const once = normalizeHostname(input);
      expect(once).not.toBeNull();
      expect(normalizeHostname(once)).toBe(once);
    }
  });
});

describe('hostMatchesRule', () => {
  test.each([
    ['example.com', 'example.com', true],
    ['example.com', 'www.example.com', true],
    ['example.com', 'a.b.example.com', true],
    ['example.com', 'badexample.com', false],
    ['example.com', 'example.com.evil.org', false],
    ['example.com', 'com', false],
    ['www.example.com', 'example.com', false],
    ['127.0.0.1', '127.0.0.1', true],
    ['0.0.1', '127.0.0.1', false],
    ['[::1]', '[::1]', true],
  ])('rule %j, host %j -> %s', (rule, host, expected) => {
    expect(hostMatchesRule(rule, host)).toBe(expected);
  });
});

describe('isEnabledOn', () => {
  test('defaults run everywhere', () => {
    for (const host of ['example.com', 'localhost', '127.0.0.1', ''])
      expect(isEnabledOn(DEFAULT_SETTINGS, host)).toBe(true);
  });

  test('the switch wins over the site list in both modes', () => {
    expect(isEnabledOn(settings({ enabled: false }), 'example.com')).toBe(false);
    expect(
      isEnabledOn(
        settings({ enabled: false, siteMode: 'only-listed', sites: ['example.com'] }),
        'example.com',
      ),
    ).toBe(false);
  });

  const off = settings({ sites: ['example.com'] });
  test.each([
    ['example.com', false],
    ['www.example.com', false],
    ['WWW.EXAMPLE.COM', false],
    ['example.com.', false],
    ['deep.sub.example.com', false],
    ['badexample.com', true],
    ['example.org', true],
    ['example.com.evil.org', true],
  ])('all-except [example.com] on %j -> %s', (host, expected) => {
    expect(isEnabledOn(off, host)).toBe(expected);
  });

  const only = settings({ siteMode: 'only-listed', sites: ['example.com'] });
  test.each([
    ['example.com', true],
    ['www.example.com', true],
    ['Example.Com', true],
    ['example.org', false],
    ['badexample.com', false],
  ])('only-listed [example.com] on %j -> %s', (host, expected) => {
    expect(isEnabledOn(only, host)).toBe(expected);
  });

  test('an IDN rule entered in Unicode matches the page in either form', () => {
    const { settings: idn } = parseSettings({ version: 2, sites: ['Bücher.de'] });
    expect(isEnabledOn(idn, 'xn--bcher-kva.de')).toBe(false);
    expect(isEnabledOn(idn, 'www.xn--bcher-kva.de')).toBe(false);
    expect(isEnabledOn(idn, 'bücher.de')).toBe(false);
    expect(isEnabledOn(idn, 'buecher.de')).toBe(true);
  });

  test('a page without a hostname is never listed', () => {
    expect(isEnabledOn(settings({ sites: ['example.com'] }), '')).toBe(true);
    expect(isEnabledOn(settings({ siteMode: 'only-listed', sites: ['example.com'] }), '')).toBe(
      false,
    );
  });

  test('a host with a port matches its rule', () => {
    expect(isEnabledOn(off, 'example.com:8080')).toBe(false);
  });

  test('IP rules match only that address', () => {
    const ip = settings({ sites: ['127.0.0.1'] });
    expect(isEnabledOn(ip, '127.0.0.1')).toBe(false);
    expect(isEnabledOn(ip, '127.0.0.2')).toBe(true);
  });
});

describe('toggleSite', () => {
  test('adds the exact normalised hostname, and a second toggle removes it', () => {
    const start = settings({});
    const once = toggleSite(start, 'WWW.Example.com.');
    expect(once.sites).toEqual(['www.example.com']);
    expect(isEnabledOn(once, 'www.example.com')).toBe(false);
    expect(isEnabledOn(once, 'example.com')).toBe(true);
    const twice = toggleSite(once, 'www.example.com');
    expect(twice.sites).toEqual([]);
    expect(isEnabledOn(twice, 'www.example.com')).toBe(true);
  });

  test('turning a subdomain back on removes the parent rule that covers it', () => {
    const start = settings({ sites: ['example.com', 'news.example.com', 'other.org'] });
    const next = toggleSite(start, 'a.news.example.com');
    expect(next.sites).toEqual(['other.org']);
    expect(isEnabledOn(next, 'a.news.example.com')).toBe(true);
  });

  test('in only-listed mode it turns a site on, then off', () => {
    const start = settings({ siteMode: 'only-listed' });
    const on = toggleSite(start, 'bücher.de');
    expect(on.sites).toEqual(['xn--bcher-kva.de']);
    expect(isEnabledOn(on, 'www.bücher.de')).toBe(true);
    expect(isEnabledOn(toggleSite(on, 'www.bücher.de'), 'www.bücher.de')).toBe(false);
  });

  test.each(['all-except', 'only-listed'] as const)(
    'always flips the state on the host (%s)',
    (siteMode) => {
      const start = settings({ siteMode, sites: ['example.com', '127.0.0.1'] });
      for (const host of [
        'example.com',
        'www.example.com',
        'example.org',
        '127.0.0.1',
        'localhost',
      ]) {
        expect(isEnabledOn(toggleSite(start, host), host)).toBe(!isEnabledOn(start, host));
      }
    },
  );

  test('never changes its input, and the result stays valid settings', () => {
    const start = settings({ sites: Object.freeze(['example.com']) });
    const next = toggleSite(start, 'example.org');
    expect(start.sites).toEqual(['example.com']);
    expect(parseSettings(toStored(next))).toEqual({ settings: next, problems: [] });
  });

  test.each(['', 'http://', '*.com', 'exa mple.com', 'com'])(
    'returns the same object for %j',
    (host) => {
      const start = settings({ sites: ['example.com'] });
      expect(toggleSite(start, host)).toBe(start);
    },
  );

  test('a full list cannot grow, but can still shrink', () => {
    const full = settings({
      sites: Array.from({ length: MAX_SITES }, (_, i) => `s${i}.example.com`),
    });
    expect(toggleSite(full, 'example.org')).toBe(full);
    expect(toggleSite(full, 's0.example.com').sites).toHaveLength(MAX_SITES - 1);
  });

  test('rulesCovering names the rules a toggle would remove', () => {
    const start = settings({ sites: ['example.com', 'www.example.com', 'example.org'] });
    expect(rulesCovering(start, 'www.example.com')).toEqual(['example.com', 'www.example.com']);
    expect(rulesCovering(start, 'not a host')).toEqual([]);
  });
});

describe('isEnabledInFrame', () => {
  const all = (sites: string[]) => settings({ siteMode: 'all-except', sites });
  const only = (sites: string[]) => settings({ siteMode: 'only-listed', sites });

  test('the top-level page’s site governs its frames', () => {
    expect(isEnabledInFrame(all([]), 'embed.example', 'news.example')).toBe(true);
    expect(isEnabledInFrame(all(['news.example']), 'embed.example', 'news.example')).toBe(false);
    expect(isEnabledInFrame(settings({ enabled: false }), 'embed.example', 'news.example')).toBe(
      false,
    );
  });

  test('in "all sites except" mode a frame’s own site turned off is off too', () => {
    expect(isEnabledInFrame(all(['embed.example']), 'embed.example', 'news.example')).toBe(false);
    // A srcdoc or about:blank frame has no site of its own: the page's decides.
    expect(isEnabledInFrame(all(['embed.example']), '', 'news.example')).toBe(true);
  });

  test('in "only these sites" mode a listed page covers its frames, wherever they come from', () => {
    expect(isEnabledInFrame(only(['mail.example']), 'cdn.example', 'mail.example')).toBe(true);
    expect(isEnabledInFrame(only(['cdn.example']), 'cdn.example', 'news.example')).toBe(false);
  });

  test('a frame whose page has no MyoLens goes by its own site', () => {
    expect(isEnabledInFrame(all([]), 'embed.example', null)).toBe(true);
    expect(isEnabledInFrame(all(['embed.example']), 'embed.example', null)).toBe(false);
    expect(isEnabledInFrame(only([]), 'embed.example', null)).toBe(false);
  });
});
