import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A keyboard command as `browser.commands.getAll()` describes it. */
export interface Shortcut {
  name?: string;
  description?: string;
  shortcut?: string;
}

// `_execute_action` (open the popup) comes without a description.
const describe = (command: Shortcut): string =>
  command.description || (command.name === '_execute_action' ? 'Open MyoLens' : command.name || '');

/**
 * The extension's keyboard shortcuts as currently set, and where to change them: the
 * browser owns that page (chrome://extensions/shortcuts, or about:addons in Firefox).
 */
export function ShortcutsSection(props: {
  load: () => Promise<Shortcut[]>;
  browserName: string;
  openShortcutSettings?: () => void;
}): JSX.Element {
  const [commands, setCommands] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    props.load().then(setCommands, () => setCommands([]));
  }, []);
  const firefox = props.browserName === 'firefox';
  return (
    <>
      {commands === null ? (
        <p class="ml-field__hint">Reading shortcuts…</p>
      ) : commands.length === 0 ? (
        <p class="ml-field__hint">This browser reports no shortcuts for MyoLens.</p>
      ) : (
        <dl class="ml-shortcuts">
          {commands.map((command) => (
            <div key={command.name} class="ml-shortcuts__row">
              <dt>{describe(command)}</dt>
              <dd>{command.shortcut ? <kbd>{command.shortcut}</kbd> : 'Not set'}</dd>
            </div>
          ))}
        </dl>
      )}
      {firefox ? (
        <p class="ml-field__hint">
          To change them, open <code>about:addons</code>, choose the gear menu, then “Manage
          Extension Shortcuts”.
        </p>
      ) : (
        <p class="ml-field__hint">
          To change them, open <code>chrome://extensions/shortcuts</code>
          {props.openShortcutSettings && (
            <>
              {' '}
              <button
                type="button"
                class="ml-button ml-button--small"
                onClick={props.openShortcutSettings}
              >
                Open shortcut settings
              </button>
            </>
          )}
        </p>
      )}
    </>
  );
}
