import type { JSX } from 'preact';
import { CATEGORIES, CATEGORY_LABELS } from '../content/categories';
import type { Settings, SettingsPatch } from '../lib/settings';
import { Toggle } from './SettingsControls';

type Save = (patch: SettingsPatch) => void;

/** The site list, each entry with a button that removes it. */
export function SiteList({ settings, save }: { settings: Settings; save: Save }): JSX.Element {
  const offList = settings.siteMode === 'all-except';
  return (
    <div class="ml-settings__list-block">
      <h4 class="ml-settings__subheading" id="site-list-title">
        {offList ? 'Sites where MyoLens is off' : 'Sites where MyoLens is on'}
      </h4>
      {settings.sites.length === 0 ? (
        <p class="ml-field__hint">None yet.</p>
      ) : (
        <ul class="ml-settings__list" aria-labelledby="site-list-title">
          {settings.sites.map((site) => (
            <li key={site} class="ml-settings__list-item">
              <span>{site}</span>
              <button
                type="button"
                class="ml-button ml-button--small"
                onClick={() => save((s) => ({ sites: s.sites.filter((rule) => rule !== site) }))}
              >
                Remove<span class="ml-visually-hidden"> {site}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Terms the reader hid from pages, each with "Show again". */
export function HiddenTerms(props: {
  settings: Settings;
  save: Save;
  termLabel: (id: string) => string | undefined;
}): JSX.Element {
  const { settings, save, termLabel } = props;
  if (settings.hiddenTerms.length === 0)
    return <p class="ml-field__hint">No hidden terms. “Hide this term” in a tooltip adds one.</p>;
  return (
    <ul class="ml-settings__list" aria-label="Hidden terms">
      {settings.hiddenTerms.map((id) => {
        // A term removed from the glossary since it was hidden still gets its id shown.
        const label = termLabel(id) ?? id;
        return (
          <li key={id} class="ml-settings__list-item">
            <span>{label}</span>
            <button
              type="button"
              class="ml-button ml-button--small"
              onClick={() => save((s) => ({ hiddenTerms: s.hiddenTerms.filter((t) => t !== id) }))}
            >
              Show again<span class="ml-visually-hidden"> {label}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** One checkbox per glossary category; unchecked categories are not marked on pages. */
export function CategoryToggles({
  settings,
  save,
}: {
  settings: Settings;
  save: Save;
}): JSX.Element {
  return (
    <fieldset class="ml-choices">
      <legend class="ml-choices__legend">Mark terms of these kinds</legend>
      {CATEGORIES.map((category) => (
        <Toggle
          key={category}
          id={`category-${category}`}
          label={CATEGORY_LABELS[category]}
          checked={!settings.hiddenCategories.includes(category)}
          onChange={(shown) =>
            save((s) => ({
              hiddenCategories: shown
                ? s.hiddenCategories.filter((c) => c !== category)
                : [...s.hiddenCategories, category],
            }))
          }
        />
      ))}
    </fieldset>
  );
}
