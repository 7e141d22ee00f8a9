import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  rulesCovering,
  toggleSite,
  type Density,
  type LoadedSettings,
  type MarkStyle,
  type RendererKind,
  type SettingsPatch,
  type SettingsStore,
  type SiteMode,
  type Trigger,
} from '../lib/settings';
import { Choices, SettingsSection, Toggle, type Choice } from './SettingsControls';
import { CategoryToggles, HiddenTerms, SiteList } from './SettingsLists';
import { ShortcutsSection, type Shortcut } from './ShortcutsSection';

const SITE_MODES: Choice<SiteMode>[] = [
  { value: 'all-except', label: 'On every site except the listed ones' },
  { value: 'only-listed', label: 'Only on the listed sites' },
];
const MARK_STYLES: Choice<MarkStyle>[] = [
  { value: 'underline', label: 'Dotted underline' },
  { value: 'background', label: 'Soft highlight' },
  { value: 'none', label: 'Invisible (terms still answer)' },
];
const DENSITIES: Choice<Density>[] = [
  { value: 'section', label: 'First mention of each term in each section' },
  { value: 'all', label: 'Every mention' },
  { value: 'first', label: 'First mention of each term on the page' },
];
const RENDERERS: Choice<RendererKind>[] = [
  { value: 'paint', label: 'Paint over the page, leaving it untouched' },
  { value: 'wrap', label: 'Wrap terms in elements (for user styles)' },
];
// In a browser that cannot paint, the content script wraps whatever is chosen
// (browser-quirks.ts); the choice is still kept, since settings sync to other browsers.
const RENDERERS_NO_PAINT: Choice<RendererKind>[] = [
  { value: 'paint', label: 'Paint over the page (not in this browser)' },
  RENDERERS[1]!,
];
/** What the settings say where painting is out of reach (Firefox before 149). */
export const CANNOT_PAINT_HINT =
  'This browser cannot paint over pages, so MyoLens wraps terms in elements here, ' +
  'whichever you choose. (Firefox paints from version 149.)';
const TRIGGERS: Choice<Trigger>[] = [
  { value: 'hover', label: 'Hover or focus' },
  { value: 'alt-hover', label: 'Alt + hover' },
  { value: 'click', label: 'Click' },
];

/**
 * Every setting, saved as soon as it changes and kept in step with changes made
 * elsewhere (a tooltip's "Hide this term", another window). Shared by popup and guide tab.
 */
export function SettingsView(props: {
  store: SettingsStore;
  /** The current tab's hostname, when known, for "Off on example.com". */
  hostname?: string;
  termLabel: (id: string) => string | undefined;
  loadShortcuts: () => Promise<Shortcut[]>;
  browserName: string;
  openShortcutSettings?: () => void;
  /**
   * Can this browser paint highlights (the content script's own test, browser-quirks.ts)?
   * Unknown or absent: the renderer choice is shown as it is.
   */
  paints?: () => Promise<boolean>;
}): JSX.Element {
  const { store, hostname, paints } = props;
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  const [error, setError] = useState('');
  const [canPaint, setCanPaint] = useState(true);
  useEffect(() => {
    void store.loadSettings().then(setLoaded);
    return store.watchSettings(setLoaded);
  }, [store]);
  useEffect(() => {
    let live = true;
    // A browser that would not say is one the content script wraps in, too.
    paints?.().then(
      (yes) => live && setCanPaint(yes),
      () => live && setCanPaint(false),
    );
    return () => {
      live = false;
    };
  }, [paints]);

  const save = (patch: SettingsPatch) => {
    store.saveSettings(patch).then(
      (saved) => {
        setError('');
        setLoaded(saved);
      },
      () => setError('Could not save the change: browser storage refused it. Try again.'),
    );
  };

  const title = (
    <h2 id="settings-view-title" class="ml-view__title">
      Settings
    </h2>
  );
  if (!loaded)
    return (
      <section class="ml-view" aria-labelledby="settings-view-title">
        {title}
        <p>Loading settings…</p>
      </section>
    );
  const { settings } = loaded;
  const listed = hostname ? rulesCovering(settings, hostname).length > 0 : false;
  const offHere = settings.siteMode === 'all-except' ? listed : !listed;
  return (
    <section class="ml-view ml-settings" aria-labelledby="settings-view-title">
      {title}
      {loaded.notice && <p class="ml-notice">{loaded.notice}</p>}
      <p role="alert" class="ml-error">
        {error}
      </p>
      <SettingsSection id="settings-where" title="Where">
        <Toggle
          id="setting-enabled"
          label="Mark terms on web pages"
          checked={settings.enabled}
          onChange={(enabled) => save({ enabled })}
        />
        {hostname && (
          <Toggle
            id="setting-site"
            label={`Off on ${hostname}`}
            checked={offHere}
            onChange={() => save((s) => ({ sites: toggleSite(s, hostname).sites }))}
            hint="Subdomains follow their site."
          />
        )}
        <Choices
          name="site-mode"
          legend="Site list"
          value={settings.siteMode}
          choices={SITE_MODES}
          onChange={(siteMode) => save({ siteMode })}
        />
        <SiteList settings={settings} save={save} />
      </SettingsSection>
      <SettingsSection id="settings-look" title="How terms look">
        <Choices
          name="mark-style"
          legend="Mark style"
          value={settings.markStyle}
          choices={MARK_STYLES}
          onChange={(markStyle) => save({ markStyle })}
        />
        <Choices
          name="density"
          legend="Underline"
          value={settings.density}
          choices={DENSITIES}
          onChange={(density) => save({ density })}
        />
        <Choices
          name="renderer"
          legend="Draw terms by"
          value={settings.renderer}
          choices={canPaint ? RENDERERS : RENDERERS_NO_PAINT}
          onChange={(renderer) => save({ renderer })}
          hint={canPaint ? undefined : CANNOT_PAINT_HINT}
        />
        <Choices
          name="trigger"
          legend="Show the explanation on"
          value={settings.trigger}
          choices={TRIGGERS}
          onChange={(trigger) => save({ trigger })}
        />
        <Toggle
          id="setting-badge"
          label="Count of terms on the toolbar icon"
          checked={settings.badge}
          onChange={(badge) => save({ badge })}
        />
      </SettingsSection>
      <SettingsSection id="settings-panel" title="Side panel">
        <Toggle
          id="setting-follow-page"
          label="Follow the page"
          checked={settings.followPage}
          onChange={(followPage) => save({ followPage })}
          hint="When a tooltip opens on the page, the open side panel shows that term's entry."
        />
      </SettingsSection>
      <SettingsSection id="settings-lookup" title="Look up">
        <Toggle
          id="setting-lookup-dblclick"
          label="Double-click a word to look it up"
          checked={settings.lookupOnDoubleClick}
          onChange={(lookupOnDoubleClick) => save({ lookupOnDoubleClick })}
          hint="Shows what the guide says about it next to the word. Any selection: right-click it, Look up in MyoLens."
        />
      </SettingsSection>
      <SettingsSection id="settings-hidden" title="Hidden terms">
        <HiddenTerms settings={settings} save={save} termLabel={props.termLabel} />
        <CategoryToggles settings={settings} save={save} />
      </SettingsSection>
      <SettingsSection id="settings-keys" title="Keyboard shortcuts">
        <ShortcutsSection
          load={props.loadShortcuts}
          browserName={props.browserName}
          openShortcutSettings={props.openShortcutSettings}
        />
      </SettingsSection>
    </section>
  );
}
