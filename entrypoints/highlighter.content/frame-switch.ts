/**
 * The frames' first stage follows the on/off switch, and only it: turned off, a frame
 * waiting for text keeps no observer; turned on again, it looks at its text afresh. Site
 * rules, which need the page's site, are the second stage's (coordinator.ts). Imports
 * nothing heavy: the stored value is read by hand (lib/settings/switch.ts).
 */
import { SETTINGS_KEY as KEY, storedInUse } from '@/lib/settings/slots';
import { switchedOff } from '@/lib/settings/switch';

/** The storage API as the first stage uses it (the extension's `storage`, no polyfill). */
export interface SwitchStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
  sync: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(listener: StorageListener): void;
    removeListener(listener: StorageListener): void;
  };
}
type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

/**
 * Calls `start` whenever MyoLens is on (once its settings are read, then each time it is
 * turned back on) and the function `start` returned whenever it is turned off. Returns
 * the function that stops following (its caller hands over to the second stage, which
 * follows every setting itself); what `start` runs is stopped with it.
 */
export function followSwitch(storage: SwitchStorage, start: () => () => void): () => void {
  const values = new Map<string, unknown>();
  let running: (() => void) | undefined;
  let read = false;
  let done = false;
  const update = () => {
    if (done || !read) return;
    const off = switchedOff(storedInUse(values.get('local'), values.get('sync')));
    if (off && running) {
      running();
      running = undefined;
    } else if (!off && !running) {
      const stop = start();
      if (done) stop();
      else running = stop;
    }
  };
  const onChanged: StorageListener = (changes, area) => {
    if ((area !== 'local' && area !== 'sync') || !Object.hasOwn(changes, KEY)) return;
    values.set(area, changes[KEY]!.newValue);
    update();
  };
  storage.onChanged.addListener(onChanged);
  // A change that arrives before the first read is newer than what the read returns.
  const get = (area: 'local' | 'sync') =>
    storage[area].get(KEY).then(
      (items) => {
        if (!values.has(area)) values.set(area, items?.[KEY]);
      },
      () => undefined, // unreadable: the stored value stays unknown, read as on
    );
  void Promise.all([get('local'), get('sync')]).then(() => {
    read = true;
    update();
  });
  return () => {
    done = true;
    storage.onChanged.removeListener(onChanged);
    running?.();
    running = undefined;
  };
}
