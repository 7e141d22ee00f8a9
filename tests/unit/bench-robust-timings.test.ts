import { describe, expect, test } from 'vitest';
import type { CpuProfile } from '../bench/extension';
import { longestRun } from '../bench/robust-timings';

// The huge-page row's profile reading on a made-up profile: which samples are ours (any
// frame of the stack from our scripts) and how long the longest unbroken stretch is.
const node = (id: number, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName: `f${id}`, url, lineNumber: 0 },
  children,
});

// 1 root → 2 page script → 3 native call; 1 → 4 our script → 5 native call (a RegExp).
const profile = (samples: number[], deltaUs = 1000): CpuProfile => ({
  nodes: [
    node(1, '', [2, 4]),
    node(2, 'http://127.0.0.1/page.js', [3]),
    node(3, ''),
    node(4, 'chrome-extension://abc/content-scripts/highlighter.js', [5]),
    node(5, ''),
  ],
  samples,
  timeDeltas: samples.map(() => deltaUs),
});
const ours = (url: string) => url.startsWith('chrome-extension://');

describe('longestRun', () => {
  test('counts a native call made from our script as ours', () => {
    // 4, 5, 5 in a row: three samples of 1 ms (each sample lasts until the next one).
    expect(longestRun(profile([2, 4, 5, 5, 3, 1]), ours)).toBe(3);
  });

  test('a sample of the page or of nothing breaks the stretch', () => {
    expect(longestRun(profile([4, 4, 3, 4, 4, 4, 1, 5, 1]), ours)).toBe(3);
    expect(longestRun(profile([2, 3, 1]), ours)).toBe(0);
  });

  test('the last sample has no length: nothing follows it', () => {
    expect(longestRun(profile([1, 4, 4]), ours)).toBe(1);
  });
});
