import { describe, expect, test, vi } from 'vitest';
import { TabFrames, TOP_WAIT_MS } from '@/entrypoints/background/frames';
import type { FramesTerms } from '@/lib/messages';
import { withFrames } from '@/entrypoints/highlighter.content/terms-on-page';

/** The registry with a fake top-level script and clock. */
function registry(answer: string | null = null) {
  const told: [number, FramesTerms][] = [];
  const timers: (() => void)[] = [];
  const askTop = vi.fn(async () => answer);
  const frames = new TabFrames({
    askTop,
    tellTop: (tabId, list) => told.push([tabId, list]),
    setTimeout: (cb, ms) => {
      expect(ms).toBe(TOP_WAIT_MS);
      timers.push(cb);
    },
  });
  return { frames, told, timers, askTop };
}

const terms = (...ids: string[]) => ids.map((id) => ({ id, count: 1 }));

describe('TabFrames: the top-level page’s site', () => {
  test('is what the top-level script’s messages come from', async () => {
    const { frames, askTop } = registry();
    frames.topSeen(7, 'https://news.example/story?id=1');
    await expect(frames.topSite(7)).resolves.toBe('news.example');
    expect(askTop).not.toHaveBeenCalled();
  });

  test('is asked of the top-level script when not known (a restarted service worker)', async () => {
    const { frames, askTop } = registry('mail.example');
    await expect(frames.topSite(7)).resolves.toBe('mail.example');
    await expect(frames.topSite(7)).resolves.toBe('mail.example');
    expect(askTop).toHaveBeenCalledTimes(1);
  });

  test('is awaited until the top-level script starts, or given up on', async () => {
    const { frames, timers } = registry(null);
    const early = frames.topSite(7);
    await Promise.resolve();
    await Promise.resolve();
    frames.topSeen(7, 'https://news.example/');
    await expect(early).resolves.toBe('news.example');

    const lonely = frames.topSite(8);
    await vi.waitFor(() => expect(timers.length).toBe(2));
    timers[1]!();
    await expect(lonely).resolves.toBeNull();
  });

  test('is forgotten when the top-level page navigates, and an unusable address tells nothing', async () => {
    const { frames, askTop } = registry(null);
    frames.topSeen(7, 'https://news.example/');
    frames.navigating(7);
    frames.topSeen(7, 'not a url');
    void frames.topSite(7);
    await vi.waitFor(() => expect(askTop).toHaveBeenCalledWith(7));
  });
});

describe('TabFrames: frames’ terms', () => {
  test('each report replaces the frame’s list, and the top-level page is told the whole tab’s', () => {
    const { frames, told } = registry();
    frames.setTerms(7, 3, terms('sarcopenia'));
    frames.setTerms(7, 2, terms('vdr'));
    frames.setTerms(7, 3, terms('dynapenia'));
    expect(frames.list(7)).toEqual([
      { frameId: 2, terms: terms('vdr') },
      { frameId: 3, terms: terms('dynapenia') },
    ]);
    expect(told.at(-1)).toEqual([7, frames.list(7)]);
    expect(frames.list(8)).toEqual([]);
  });

  test('a frame that ends leaves the count; the top frame is never one of its frames', () => {
    const { frames, told } = registry();
    frames.setTerms(7, 3, terms('sarcopenia'));
    frames.setTerms(7, 3, []);
    expect(frames.list(7)).toEqual([]);
    expect(told.at(-1)).toEqual([7, []]);
    const before = told.length;
    // Nothing changed: nobody is told.
    frames.setTerms(7, 4, []);
    frames.setTerms(7, 0, terms('vdr'));
    expect(told.length).toBe(before);
    expect(frames.list(7)).toEqual([]);
  });

  test('a closed tab is forgotten', () => {
    const { frames } = registry();
    frames.setTerms(7, 3, terms('sarcopenia'));
    frames.forget(7);
    expect(frames.list(7)).toEqual([]);
  });
});

describe('withFrames', () => {
  test('adds the frames’ terms after the page’s own, summing a term both hold', () => {
    const own = { terms: [{ id: 'sarcopenia', count: 2 }], available: true, hostname: 'a.example' };
    const merged = withFrames(own, [
      { frameId: 2, terms: [{ id: 'vdr', count: 1 }] },
      { frameId: 3, terms: [{ id: 'sarcopenia', count: 1 }] },
    ]);
    expect(merged).toEqual({
      terms: [
        { id: 'sarcopenia', count: 3 },
        { id: 'vdr', count: 1 },
      ],
      available: true,
      hostname: 'a.example',
    });
  });
});
