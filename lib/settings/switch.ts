/**
 * The one setting a frame's first stage reads (entrypoints/frames.ts): is MyoLens turned
 * off everywhere? A term-less frame must not load the settings parser (valibot, the
 * schema) for it, so this reads the stored value by hand, as `parseSettings` would:
 * `switchedOff(raw)` is `!parseSettings(raw).settings.enabled` for every value
 * (tests/unit/settings-switch.test.ts). Imports nothing heavy.
 */
import { isRecord, readOwn } from './own';

/** Whether stored settings turn MyoLens off everywhere (anything unreadable: not off). */
export function switchedOff(raw: unknown): boolean {
  if (!isRecord(raw)) return false;
  const enabled = readOwn(raw, 'enabled');
  if (enabled.found) return enabled.value === false;
  // Version 1 called it `highlight` (migrate.ts); a version parseSettings cannot read is 1.
  const version = readOwn(raw, 'version');
  const v1 =
    !version.found || !(Number.isSafeInteger(version.value) && (version.value as number) >= 2);
  if (!v1) return false;
  const highlight = readOwn(raw, 'highlight');
  return highlight.found && highlight.value === false;
}
