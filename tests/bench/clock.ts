/**
 * Where a run's minutes go: its wall time per phase, grouped in sections, with the page
 * loads each phase made and the time it spent waiting on purpose (quiet windows, caps,
 * fixed spacing). On a shared machine wall time moves with everyone else's work; the loads
 * and the waits do not, so a change to the bench can be judged by them too.
 */

/** One phase of the run: its section, its name, wall seconds, page loads, seconds waited. */
export interface PhaseTime {
  section: string;
  name: string;
  seconds: number;
  loads: number;
  waited: number;
}

const PHASES: PhaseTime[] = [];
let running: (PhaseTime & { t0: number }) | undefined;
let sink: (line: string) => void = () => undefined;

/** Where each phase's line goes when it ends (the run's log). */
export function logPhasesTo(log: (line: string) => void): void {
  sink = log;
}

/** Ends the phase running, if any, logs it, and starts `name` in `section` (none: the run is over). */
export function phase(section?: string, name = ''): void {
  const t = Date.now();
  if (running) {
    const { t0, ...done } = running;
    done.seconds = (t - t0) / 1000;
    PHASES.push(done);
    sink(
      `  [${done.seconds.toFixed(1)} s] ${done.section}${done.name ? ` › ${done.name}` : ''}` +
        ` (${done.loads} loads, waited ${(done.waited / 1000).toFixed(1)} s)`,
    );
  }
  running =
    section === undefined ? undefined : { section, name, seconds: 0, loads: 0, waited: 0, t0: t };
}

/** Counts one fresh page load in the running phase. */
export function countLoad(): void {
  if (running) running.loads++;
}

/** Counts `ms` of deliberate waiting (a quiet window, a cap, a fixed pause) in the running phase. */
export function countWait(ms: number): void {
  if (running && ms > 0) running.waited += ms;
}

/** The phases that ended, in order; `waited` in seconds. */
export function phaseTimes(): PhaseTime[] {
  return PHASES.map((p) => ({ ...p, waited: p.waited / 1000 }));
}

/** Phases summed per section, in the order each section first ran. */
export function sectionTimes(
  phases: readonly PhaseTime[],
): { section: string; seconds: number; loads: number; waited: number }[] {
  const out = new Map<
    string,
    { section: string; seconds: number; loads: number; waited: number }
  >();
  for (const p of phases) {
    const s = out.get(p.section) ?? { section: p.section, seconds: 0, loads: 0, waited: 0 };
    s.seconds += p.seconds;
    s.loads += p.loads;
    s.waited += p.waited;
    out.set(p.section, s);
  }
  return [...out.values()];
}
