import { describe, expect, test } from 'vitest';
import {
  abRow,
  loafIn,
  paintInBuild,
  shortBaselines,
  type AbPageResult,
  type AbSample,
  type Loaf,
} from '../bench/ab-summary';

// The benchmark's A/B arithmetic on made-up frames: which frames count, how they split,
// and how a build without the paint renderer is told apart. Plain values, no timing.
const frame = (start: number, duration: number, renderStart = 0): Loaf => ({
  start,
  duration,
  renderStart,
  styleAndLayoutStart: renderStart,
  scripts: 0,
  extensionScripts: 0,
  forcedLayout: 0,
});

const sample = (over: Partial<AbSample>): AbSample => ({
  arm: 'none',
  dcl: 1000,
  load: 1100,
  firstChange: null,
  settled: null,
  elements: 0,
  painted: 0,
  highlightNames: [],
  frames: [],
  ...over,
});

describe('loafIn', () => {
  test('counts a frame begun before DOMContentLoaded from DOMContentLoaded on', () => {
    const t = loafIn(sample({ frames: [frame(900, 300, 1050)] }), 500);
    expect(t).toMatchObject({ sum: 200, count: 1, worst: 200, rendering: 150, script: 50 });
  });

  test('counts a frame begun inside the window to its end, and nothing after the window', () => {
    const t = loafIn(sample({ frames: [frame(1400, 200, 1500), frame(1600, 80)] }), 500);
    expect(t).toMatchObject({ sum: 200, count: 1, rendering: 100, script: 100 });
  });

  test('ignores frames that end before DOMContentLoaded', () => {
    expect(loafIn(sample({ frames: [frame(100, 400, 300)] }), 500).count).toBe(0);
  });
});

describe('abRow', () => {
  test('compares each load with the same-length window of the no-extension load', () => {
    const page: AbPageResult = {
      id: 'x',
      title: 'x',
      reference: { marks: 3, matches: 3, textNodes: 9 },
      rounds: [
        {
          none: sample({ frames: [frame(1100, 100, 1150), frame(1700, 100)] }),
          paint: sample({
            arm: 'paint',
            settled: 1495,
            painted: 3,
            frames: [frame(1100, 100, 1150), frame(1300, 120, 1320)],
          }),
          wrap: sample({ arm: 'wrap', settled: 1895, elements: 3, frames: [] }),
        },
      ],
    };
    const paint = abRow(page, 'paint');
    // The window is 500 ms: the no-extension frame at 1700 is outside it.
    expect(paint.without.sum.median).toBe(100);
    expect(paint.with.sum.median).toBe(220);
    expect(paint.adds).toEqual({ sum: 120, script: 20, rendering: 100 });
    expect(paint.settled.median).toBe(495);
    expect(paint.counts).toEqual([3]);
    // wrap's window is 900 ms, so the frame at 1700 counts against it.
    expect(abRow(page, 'wrap').adds.sum).toBe(-200);
    expect(paintInBuild([page])).toBe(true);
  });

  test('the window runs to the end of the scan when it outlasts the painted marks', () => {
    // Painting registers the viewport's marks only: they settle at 1195, the scan (the
    // content script's mention count) goes on to 1795, and its frame at 1600 counts.
    const page: AbPageResult = {
      id: 'x',
      title: 'x',
      reference: { marks: 30, matches: 30, textNodes: 90 },
      rounds: [
        {
          none: sample({ frames: [frame(1700, 60)] }),
          paint: sample({
            arm: 'paint',
            settled: 1195,
            painted: 4,
            mentions: 30,
            scanned: 1795,
            frames: [frame(1600, 80, 1660)],
          }),
          wrap: sample({ arm: 'wrap', settled: 1895, elements: 30, mentions: 30, scanned: 1500 }),
        },
      ],
    };
    const paint = abRow(page, 'paint');
    expect(paint.with.sum.median).toBe(80);
    expect(paint.without.sum.median).toBe(60);
    expect(paint.adds.sum).toBe(20);
    expect(paint.counts).toEqual([30]);
    expect(paint.marks).toEqual([4]);
    // Without a scan time (no answer), the marks' settling ends the window.
    page.rounds[0]!.paint.scanned = null;
    expect(abRow(page, 'paint').with.sum.median).toBe(0);
  });

  test('a paint load that drew elements only means the build has no paint renderer', () => {
    const loads = { none: sample({}), wrap: sample({ elements: 2 }) };
    const page = (paint: AbSample): AbPageResult => ({
      id: 'x',
      title: 'x',
      reference: { marks: 2, matches: 2, textNodes: 2 },
      rounds: [{ ...loads, paint }],
    });
    expect(paintInBuild([page(sample({ elements: 2 }))])).toBe(false);
    expect(paintInBuild([page(sample({}))])).toBe(null);
  });

  test('names the baselines recorded for less than the window they are compared over', () => {
    // DCL at 1000: paint's window is 495 + 5 = 500 ms, wrap's 895 + 5 = 900 ms.
    const page = (until?: number): AbPageResult => ({
      id: 'x',
      title: 'x',
      reference: { marks: 3, matches: 3, textNodes: 9 },
      rounds: [
        {
          none: sample({ until }),
          paint: sample({ arm: 'paint', settled: 1495, painted: 3 }),
          wrap: sample({ arm: 'wrap', settled: 1895, elements: 3 }),
        },
      ],
    });
    expect(shortBaselines(page(2000))).toEqual([]);
    expect(shortBaselines(page(1700))).toEqual([200]);
    expect(shortBaselines(page(1400))).toEqual([100, 500]);
    // A sample from before recordings kept their end: nothing to compare.
    expect(shortBaselines(page(undefined))).toEqual([]);
  });
});
