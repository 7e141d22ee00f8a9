// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import type { Shortcut } from '../../components/ShortcutsSection';
import { CANNOT_PAINT_HINT, SettingsView } from '../../components/SettingsView';
import { paintsHighlights } from '../../entrypoints/highlighter.content/browser-quirks';
import { termById } from '../../content/index';
import {
  createSettingsStore,
  defineSettingsSlots,
  LOCAL_ONLY_NOTICE,
  SETTINGS_VERSION,
} from '../../lib/settings';
import { click, mount, settle } from './popup-helpers';

const SHORTCUTS: Shortcut[] = [
  { name: '_execute_action', shortcut: '' },
  { name: 'next-term', description: 'Go to the next marked term', shortcut: 'Alt+Shift+Down' },
];

let unmount = () => {};
beforeEach(() => fakeBrowser.reset());
afterEach(() => unmount());

const stored = async () =>
  (await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown>;

async function settings(
  options: {
    hostname?: string;
    browserName?: string;
    openShortcutSettings?: () => void;
    paints?: () => Promise<boolean>;
  } = {},
) {
  const store = createSettingsStore(defineSettingsSlots(storage));
  const mounted = mount(
    <SettingsView
      store={store}
      hostname={options.hostname}
      termLabel={(id) => termById(id)?.label}
      loadShortcuts={async () => SHORTCUTS}
      browserName={options.browserName ?? 'chrome'}
      openShortcutSettings={options.openShortcutSettings}
      paints={options.paints}
    />,
  );
  unmount = mounted.unmount;
  await settle();
  const $ = <T extends Element = HTMLInputElement>(selector: string) =>
    mounted.root.querySelector<T>(selector)!;
  return { root: mounted.root, $ };
}

/**
 * What the popup asks (components/knowledge.ts): the content script's own test, in a
 * Firefox whose getBrowserInfo() gives `version`, with the Highlight API present (ESR 140
 * has it and paints nothing).
 */
const firefoxPaints = (version: string) => () =>
  paintsHighlights(
    {
      CSS: { highlights: new Map() },
      Highlight: class {},
      StaticRange: class {},
    } as unknown as Window,
    true,
    async () => ({ name: 'Firefox', version }),
  );

const rendererText = (root: Element) => root.querySelector('fieldset:has(#renderer-paint)')!;

describe('the renderer choice says where painting is out of reach', () => {
  test('Firefox ESR 140: the paint choice says "not in this browser", and that MyoLens wraps', async () => {
    const { root, $ } = await settings({
      browserName: 'firefox',
      paints: firefoxPaints('140.9.1'),
    });
    const group = rendererText(root);
    expect(root.querySelector('label[for="renderer-paint"]')?.textContent).toBe(
      'Paint over the page (not in this browser)',
    );
    expect(group.textContent).toContain(CANNOT_PAINT_HINT);
    expect(CANNOT_PAINT_HINT).toMatch(/cannot paint.*wraps terms/);
    // Read with the group by a screen reader, not only seen.
    expect(group.getAttribute('aria-describedby')).toBe('renderer-hint');
    expect(root.querySelector('#renderer-hint')?.textContent).toBe(CANNOT_PAINT_HINT);
    // The stored choice is kept (it syncs to browsers that paint), and still changes.
    expect($('#renderer-paint').checked).toBe(true);
    click($('#renderer-wrap'));
    await settle();
    expect((await stored()).renderer).toBe('wrap');
  });

  test('Firefox 153 and Chromium paint: no such note', async () => {
    for (const paints of [firefoxPaints('153.8.0'), async () => true, undefined]) {
      const { root } = await settings({ paints });
      expect(root.querySelector('label[for="renderer-paint"]')?.textContent).toBe(
        'Paint over the page, leaving it untouched',
      );
      expect(root.querySelector('#renderer-hint')).toBeNull();
      expect(rendererText(root).hasAttribute('aria-describedby')).toBe(false);
      unmount();
    }
  });

  test('a browser that will not say is treated as one that wraps', async () => {
    const { root } = await settings({ paints: () => Promise.reject(new Error('no info')) });
    expect(root.querySelector('#renderer-hint')?.textContent).toBe(CANNOT_PAINT_HINT);
  });
});

describe('SettingsView', () => {
  test('shows the stored settings (defaults on a fresh install)', async () => {
    const { $ } = await settings();
    expect($('#setting-enabled').checked).toBe(true);
    expect($('#mark-style-underline').checked).toBe(true);
    expect($('#density-section').checked).toBe(true);
    expect($('#renderer-paint').checked).toBe(true);
    expect($('#trigger-hover').checked).toBe(true);
    expect($('#setting-badge').checked).toBe(true);
    expect($('#setting-follow-page').checked).toBe(true);
    expect($('#setting-lookup-dblclick').checked).toBe(false);
    expect($('#setting-site')).toBeNull(); // no hostname known
  });

  test('each change is saved at once', async () => {
    const { $ } = await settings();
    click($('#setting-enabled'));
    click($('#mark-style-background'));
    click($('#trigger-click'));
    click($('#density-first'));
    click($('#setting-badge'));
    click($('#setting-follow-page'));
    click($('#setting-lookup-dblclick'));
    click($('#category-safety'));
    await settle();
    expect(await stored()).toMatchObject({
      version: SETTINGS_VERSION,
      enabled: false,
      markStyle: 'background',
      trigger: 'click',
      density: 'first',
      badge: false,
      followPage: false,
      lookupOnDoubleClick: true,
      hiddenCategories: ['safety'],
    });
    expect($('#setting-enabled').checked).toBe(false);
    expect($('#setting-follow-page').checked).toBe(false);
    expect($('#setting-lookup-dblclick').checked).toBe(true);
    expect($('#category-safety').checked).toBe(false);
  });

  test('"Off on <hostname>" adds the site to the list, and Remove takes it out', async () => {
    const { root, $ } = await settings({ hostname: 'www.example.com' });
    const site = $('#setting-site');
    expect(root.querySelector('label[for="setting-site"]')?.textContent).toBe(
      'Off on www.example.com',
    );
    expect(site.checked).toBe(false);
    click(site);
    await settle();
    expect((await stored()).sites).toEqual(['www.example.com']);
    expect($('#setting-site').checked).toBe(true);
    const remove = [...root.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Remove'),
    )!;
    expect(remove.textContent).toBe('Remove www.example.com');
    click(remove);
    await settle();
    expect((await stored()).sites).toEqual([]);
    expect($('#setting-site').checked).toBe(false);
  });

  test('a parent-domain rule counts as off for a subdomain, and unchecking lifts it', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { version: SETTINGS_VERSION, sites: ['example.com'] },
    });
    const { $ } = await settings({ hostname: 'news.example.com' });
    expect($('#setting-site').checked).toBe(true);
    click($('#setting-site'));
    await settle();
    expect((await stored()).sites).toEqual([]);
  });

  test('hidden terms are listed by label with "Show again"', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { version: SETTINGS_VERSION, hiddenTerms: ['leucine', 'ros'] },
    });
    const { root } = await settings();
    const list = root.querySelector('[aria-label="Hidden terms"]')!;
    expect([...list.querySelectorAll('li > span')].map((s) => s.textContent)).toEqual([
      'Leucine',
      'ROS (reactive oxygen species)',
    ]);
    click(list.querySelector('button')!);
    await settle();
    expect((await stored()).hiddenTerms).toEqual(['ros']);
    expect(root.querySelectorAll('[aria-label="Hidden terms"] li')).toHaveLength(1);
  });

  test('a change made elsewhere (a tooltip\'s "Hide this term") shows up', async () => {
    const { root } = await settings();
    expect(root.textContent).toContain('No hidden terms.');
    await fakeBrowser.storage.sync.set({
      settings: { version: SETTINGS_VERSION, hiddenTerms: ['akt'] },
    });
    await settle();
    expect(root.querySelector('[aria-label="Hidden terms"]')?.textContent).toContain('Akt');
  });

  test('says so when settings can only be kept on this device', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('sync disabled'));
    const { root, $ } = await settings();
    expect(root.querySelector('.ml-notice')).toBeNull();
    click($('#setting-badge'));
    await settle();
    expect(root.querySelector('.ml-notice')?.textContent).toBe(LOCAL_ONLY_NOTICE);
  });

  test('a save that fails everywhere is reported', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('sync disabled'));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('disk full'));
    const { root, $ } = await settings();
    click($('#setting-badge'));
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Could not save');
  });

  test('lists the keyboard shortcuts and where to change them, per browser', async () => {
    const open = vi.fn();
    const chrome = await settings({ openShortcutSettings: open });
    const rows = [...chrome.root.querySelectorAll('.ml-shortcuts__row')].map((r) => r.textContent);
    expect(rows).toEqual(['Open MyoLensNot set', 'Go to the next marked termAlt+Shift+Down']);
    expect(chrome.root.textContent).toContain('chrome://extensions/shortcuts');
    click(
      [...chrome.root.querySelectorAll('button')].find(
        (b) => b.textContent === 'Open shortcut settings',
      )!,
    );
    expect(open).toHaveBeenCalledOnce();
    unmount();
    const firefox = await settings({ browserName: 'firefox' });
    expect(firefox.root.textContent).toContain('about:addons');
    expect(firefox.root.textContent).not.toContain('chrome://');
  });
});
