import { describe, expect, test } from 'vitest';
import {
  followSwitch,
  type SwitchStorage,
} from '../../entrypoints/highlighter.content/frame-switch';

type Listener = Parameters<SwitchStorage['onChanged']['addListener']>[0];

/** A storage with `settings` in each area, reads that resolve when the test says. */
function fakeStorage(local: unknown, sync: unknown, { failSync = false } = {}) {
  const listeners = new Set<Listener>();
  const reads: (() => void)[] = [];
  const area = (value: unknown, fail = false) => ({
    get: (key: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) =>
        reads.push(() => (fail ? reject(new Error('no sync')) : resolve({ [key]: value }))),
      ),
  });
  const storage: SwitchStorage = {
    local: area(local),
    sync: area(sync, failSync),
    onChanged: {
      addListener: (l) => void listeners.add(l),
      removeListener: (l) => void listeners.delete(l),
    },
  };
  return {
    storage,
    listeners,
    /** Answers the reads made so far, then lets their callbacks run. */
    async answer() {
      reads.splice(0).forEach((r) => r());
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    change(where: 'local' | 'sync' | 'session', newValue: unknown, key = 'settings') {
      for (const l of [...listeners]) l({ [key]: { newValue } }, where);
    },
  };
}

/** A start function that counts what it started and stopped. */
function counter() {
  const c = { started: 0, stopped: 0, start: () => () => void 0 };
  c.start = () => {
    c.started++;
    return () => void c.stopped++;
  };
  return c;
}

const ON = { version: 2, enabled: true };
const OFF = { version: 2, enabled: false };

describe('followSwitch: the frames first stage runs only while MyoLens is on', () => {
  test('nothing starts before the settings are read; on, it starts once', async () => {
    const s = fakeStorage(undefined, ON);
    const c = counter();
    followSwitch(s.storage, c.start);
    expect(c.started).toBe(0);
    await s.answer();
    expect(c).toMatchObject({ started: 1, stopped: 0 });
  });

  test('off when read: nothing starts until it is turned on; off again stops it', async () => {
    const s = fakeStorage(undefined, OFF);
    const c = counter();
    followSwitch(s.storage, c.start);
    await s.answer();
    expect(c.started).toBe(0);
    s.change('sync', ON);
    expect(c).toMatchObject({ started: 1, stopped: 0 });
    s.change('sync', ON); // no change of the switch: nothing restarts
    expect(c).toMatchObject({ started: 1, stopped: 0 });
    s.change('sync', OFF);
    expect(c).toMatchObject({ started: 1, stopped: 1 });
    s.change('sync', { version: 2 }); // enabled absent: the default, on
    expect(c).toMatchObject({ started: 2, stopped: 1 });
  });

  test("local's copy (a save that could not reach sync) wins over sync, as the store reads", async () => {
    const s = fakeStorage(OFF, ON);
    const c = counter();
    followSwitch(s.storage, c.start);
    await s.answer();
    expect(c.started).toBe(0);
    s.change('local', undefined); // the copy removed once sync holds the newest
    expect(c.started).toBe(1);
  });

  test('a change that arrives before the read is newer than what the read returns', async () => {
    const s = fakeStorage(undefined, ON);
    const c = counter();
    followSwitch(s.storage, c.start);
    s.change('sync', OFF);
    await s.answer();
    expect(c.started).toBe(0);
  });

  test('unreadable or foreign values read as on; other keys and areas are ignored', async () => {
    const s = fakeStorage('garbage', undefined, { failSync: true });
    const c = counter();
    followSwitch(s.storage, c.start);
    await s.answer();
    expect(c.started).toBe(1);
    s.change('session', OFF);
    s.change('local', OFF, 'other');
    expect(c.stopped).toBe(0);
  });

  test('stopping (the hand-over) removes the listener and stops what runs, also from inside start', async () => {
    const s = fakeStorage(undefined, ON);
    const c = counter();
    const stop = followSwitch(s.storage, c.start);
    await s.answer();
    stop();
    expect(s.listeners.size).toBe(0);
    expect(c.stopped).toBe(1);

    const t = fakeStorage(undefined, ON);
    let stopped = 0;
    const stopT: () => void = followSwitch(t.storage, () => {
      stopT(); // the frame may hold a term: hand over at once
      return () => void stopped++;
    });
    await t.answer();
    expect(t.listeners.size).toBe(0);
    expect(stopped).toBe(1);
    t.change('sync', OFF);
    expect(stopped).toBe(1);
  });
});
