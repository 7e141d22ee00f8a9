import { describe, expect, test, vi } from 'vitest';
import {
  guideOpener,
  panelToggler,
  type GuideRouteDeps,
} from '@/entrypoints/background/open-guide';
import { PENDING_MS, PendingPlaces, type PanelApi } from '@/entrypoints/background/panel';
import { panelApiOf } from '@/lib/panel-api';

/** A panel that opens when `allowed` says the gesture is honoured, remembering each call. */
function fakePanel(allowed: boolean) {
  const calls: number[] = [];
  const panel: PanelApi = {
    open: (windowId) => {
      calls.push(windowId);
      return Promise.resolve(allowed);
    },
  };
  return { panel, calls };
}

function deps(opts: { allowed: boolean; panelAnswers: boolean; noPanel?: boolean }) {
  const { panel, calls } = fakePanel(opts.allowed);
  const pending = new PendingPlaces();
  const d = {
    panel: opts.noPanel ? undefined : panel,
    pending,
    showInPanel: vi.fn(async () => opts.panelAnswers),
    openTab: vi.fn(async () => undefined),
  } satisfies GuideRouteDeps;
  return { d, calls, pending };
}

const FROM = { id: 4, index: 2, windowId: 9 };

describe('openGuide: the panel where the browser allows it, else a tab', () => {
  test('opens the panel within the call itself, before any await (the gesture ends there)', () => {
    const { d, calls } = deps({ allowed: true, panelAnswers: false });
    void guideOpener(d)({ hash: 'term-vdr' }, FROM);
    expect(calls).toEqual([9]); // synchronously
  });

  test('a panel already open shows the place; no tab, nothing left waiting', async () => {
    const { d, pending } = deps({ allowed: false, panelAnswers: true });
    expect(await guideOpener(d)({ hash: 'term-vdr' }, FROM)).toBe('panel');
    expect(d.showInPanel).toHaveBeenCalledWith({ hash: 'term-vdr' }, 9);
    expect(d.openTab).not.toHaveBeenCalled();
    expect(pending.take(9)).toBeUndefined();
  });

  test('a panel the gesture just opened finds its place waiting', async () => {
    const { d, pending } = deps({ allowed: true, panelAnswers: false });
    expect(await guideOpener(d)({ query: 'leucine' }, FROM)).toBe('panel');
    expect(d.openTab).not.toHaveBeenCalled();
    expect(pending.take(9)).toEqual({ query: 'leucine' });
    expect(pending.take(9)).toBeUndefined(); // once
  });

  test('no gesture and no open panel: the guide tab, as before, next to the reader', async () => {
    const { d, pending } = deps({ allowed: false, panelAnswers: false });
    expect(await guideOpener(d)({ hash: 'intro' }, FROM)).toBe('tab');
    expect(d.openTab).toHaveBeenCalledWith({ hash: 'intro' }, FROM);
    expect(pending.take(9)).toBeUndefined();
  });

  test('without a window or a panel API, straight to the tab', async () => {
    const a = deps({ allowed: true, panelAnswers: true });
    expect(await guideOpener(a.d)({ query: 'x' }, { id: 1 })).toBe('tab');
    expect(a.calls).toEqual([]);
    const b = deps({ allowed: true, panelAnswers: true, noPanel: true });
    expect(await guideOpener(b.d)({ query: 'x' }, FROM)).toBe('tab');
    expect(b.d.showInPanel).not.toHaveBeenCalled();
  });
});

describe('PendingPlaces', () => {
  test('one place per window, taken once, stale after PENDING_MS', () => {
    let now = 1000;
    const pending = new PendingPlaces(() => now);
    pending.put(1, { hash: 'a' });
    pending.put(1, { hash: 'b' });
    pending.put(2, { query: 'c' });
    expect(pending.take(1)).toEqual({ hash: 'b' });
    expect(pending.take(1)).toBeUndefined();
    now += PENDING_MS + 1;
    expect(pending.take(2)).toBeUndefined();
  });
});

describe('the open/close command', () => {
  test('opens at once in the gesture; a panel that was open before the press closes', async () => {
    const { panel, calls } = fakePanel(true);
    const closePanel = vi.fn(async (_w: number, before: number) => before === 500);
    const toggle = panelToggler({ panel, closePanel, now: () => 500 });
    const done = toggle(3);
    expect(calls).toEqual([3]);
    expect(await done).toBe('closed');
    expect(closePanel).toHaveBeenCalledWith(3, 500);
  });

  test('no panel was open: it stays open', async () => {
    const { panel } = fakePanel(true);
    const toggle = panelToggler({ panel, closePanel: async () => false, now: () => 1 });
    expect(await toggle(3)).toBe('opened');
  });

  test('refused (no gesture) and nothing to close', async () => {
    const { panel } = fakePanel(false);
    const toggle = panelToggler({ panel, closePanel: async () => false, now: () => 1 });
    expect(await toggle(3)).toBe('refused');
  });
});

describe('panelApiOf: Chromium sidePanel, Firefox sidebarAction, or none', () => {
  test('Chromium: opens the given window; a refusal, thrown or rejected, is false', async () => {
    const open = vi.fn(async () => undefined);
    expect(await panelApiOf({ sidePanel: { open } })!.open(7)).toBe(true);
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    const rejecting = { open: () => Promise.reject(new Error('user gesture')) };
    expect(await panelApiOf({ sidePanel: rejecting })!.open(7)).toBe(false);
    const throwing = {
      open: () => {
        throw new Error('user gesture');
      },
    };
    expect(await panelApiOf({ sidePanel: throwing })!.open(7)).toBe(false);
  });

  test('Firefox: the sidebar of the current window', async () => {
    const open = vi.fn(async () => undefined);
    expect(await panelApiOf({ sidebarAction: { open } })!.open(7)).toBe(true);
    expect(open).toHaveBeenCalledWith();
  });

  test('neither (Firefox for Android): none', () => {
    expect(panelApiOf({ runtime: {} })).toBeUndefined();
  });
});
