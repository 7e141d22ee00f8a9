import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  countLoad,
  countWait,
  logPhasesTo,
  phase,
  phaseTimes,
  sectionTimes,
  type PhaseTime,
} from '../bench/clock';

// The run's footer: each phase's wall time, loads and deliberate waits, and their sums
// per section (a section's phases need not run back to back).
describe('bench clock', () => {
  afterEach(() => vi.useRealTimers());

  test('a phase keeps the loads and waits counted while it ran, and logs itself when it ends', () => {
    vi.useFakeTimers({ now: 0 });
    const lines: string[] = [];
    logPhasesTo((l) => lines.push(l));
    countLoad(); // before any phase: counted nowhere
    phase('seeded pages', 'a');
    countLoad();
    countLoad();
    countWait(300);
    countWait(-5); // nothing waited
    vi.advanceTimersByTime(2_500);
    phase('A/B', 'a');
    countWait(1_200);
    vi.advanceTimersByTime(1_000);
    phase();
    countLoad(); // after the run: counted nowhere
    expect(phaseTimes()).toEqual([
      { section: 'seeded pages', name: 'a', seconds: 2.5, loads: 2, waited: 0.3 },
      { section: 'A/B', name: 'a', seconds: 1, loads: 0, waited: 1.2 },
    ]);
    expect(lines).toEqual([
      '  [2.5 s] seeded pages › a (2 loads, waited 0.3 s)',
      '  [1.0 s] A/B › a (0 loads, waited 1.2 s)',
    ]);
  });

  test('sections sum their phases in the order each section first ran', () => {
    const p = (section: string, seconds: number, loads: number, waited: number): PhaseTime => ({
      section,
      name: '',
      seconds,
      loads,
      waited,
    });
    expect(
      sectionTimes([p('seeded', 10, 5, 1), p('caps', 3, 1, 3), p('seeded', 4, 2, 0.5)]),
    ).toEqual([
      { section: 'seeded', seconds: 14, loads: 7, waited: 1.5 },
      { section: 'caps', seconds: 3, loads: 1, waited: 3 },
    ]);
  });
});
