import type { JSX } from 'preact';
import type { View } from '../lib/guide-links';

/** A view's tab: its id and visible name. */
export interface ViewTab {
  view: View;
  label: string;
}

/** The DOM ids of a view's tab and panel. */
export const tabId = (view: View): string => `tab-${view}`;
export const panelId = (view: View): string => `panel-${view}`;

/**
 * The views as an ARIA tablist (APG tabs, automatic activation): one tab stop, arrow
 * keys and Home/End move between tabs and show each one's panel.
 */
export function ViewTabs(props: {
  tabs: readonly ViewTab[];
  current: View;
  onSelect: (view: View) => void;
  label: string;
}): JSX.Element {
  const { tabs, current, onSelect } = props;
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.view === current);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    const tab = tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.view);
    document.getElementById(tabId(tab.view))?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} class="ml-tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.view === current;
        return (
          <button
            key={tab.view}
            type="button"
            role="tab"
            id={tabId(tab.view)}
            aria-selected={selected}
            aria-controls={panelId(tab.view)}
            tabIndex={selected ? 0 : -1}
            class="ml-tabs__tab"
            onClick={() => onSelect(tab.view)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
