import { describe, expect, test } from 'vitest';
import { parseSettings } from '../../lib/settings';
import { storedInUse } from '../../lib/settings/slots';
import { switchedOff } from '../../lib/settings/switch';

/** Every combination of the fields the switch depends on, plus shapes that are not settings. */
function rawValues(): unknown[] {
  const values: unknown[] = [undefined, null, 0, 'off', false, true, [], [{ enabled: false }]];
  const versions = [undefined, 1, 2, 3, 0, -1, 1.5, '2', null, Number.NaN];
  const switches = [undefined, true, false, 'false', 0, null, {}];
  for (const version of versions)
    for (const enabled of switches)
      for (const highlight of switches) {
        const raw: Record<string, unknown> = { markStyle: 'underline' };
        if (version !== undefined) raw.version = version;
        if (enabled !== undefined) raw.enabled = enabled;
        if (highlight !== undefined) raw.highlight = highlight;
        values.push(raw);
      }
  // A throwing getter reads as absent, as parseSettings reads it.
  values.push(
    Object.defineProperty({ version: 2 }, 'enabled', {
      enumerable: true,
      get() {
        throw new Error('hostile');
      },
    }),
  );
  values.push(Object.assign(Object.create({ enabled: false }), { version: 2 }));
  return values;
}

describe('switchedOff: the first stage reads "enabled" as parseSettings does', () => {
  const name = (raw: unknown) => {
    try {
      return JSON.stringify(raw) ?? String(raw);
    } catch {
      return 'a record whose "enabled" getter throws';
    }
  };
  test(`on ${rawValues().length} stored values: every version, switch and legacy field, and shapes that are not settings`, () => {
    for (const raw of rawValues())
      expect(switchedOff(raw), name(raw)).toBe(!parseSettings(raw).settings.enabled);
  });

  test('off and on, in both shapes', () => {
    expect(switchedOff({ version: 2, enabled: false })).toBe(true);
    expect(switchedOff({ highlight: false })).toBe(true);
    expect(switchedOff({ version: 2, highlight: false })).toBe(false);
    expect(switchedOff({ version: 2, enabled: true, highlight: false })).toBe(false);
    expect(switchedOff(undefined)).toBe(false);
  });
});

test("storedInUse: local's copy when it holds one, else sync's", () => {
  const local = { version: 2, enabled: false };
  const sync = { version: 2, enabled: true };
  expect(storedInUse(local, sync)).toBe(local);
  expect(storedInUse(undefined, sync)).toBe(sync);
  expect(storedInUse(null, sync)).toBe(sync);
  expect(storedInUse(undefined, undefined)).toBeUndefined();
});
