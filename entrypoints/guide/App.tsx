import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import {
  createAppSettingsStore,
  loadAppData,
  settingsEnvironment,
  termLabel,
} from '@/components/knowledge';
import { MyoLensApp } from '@/components/MyoLensApp';
import { SettingsView } from '@/components/SettingsView';
import { parseGuideLocation } from '@/lib/guide-links';

const data = loadAppData();
const store = createAppSettingsStore();

/**
 * The guide in a full tab: the popup's views (without "This page", which belongs to the
 * tab the popup opens over). Deep links `#<section>`, `#term-<id>`, `#faq-…` and `?q=`
 * land where they point; the tooltip's "Read more" and the context menu open these.
 */
export function GuideApp(): JSX.Element {
  const initial = useMemo(() => parseGuideLocation(window.location, data.locator), []);
  return (
    <MyoLensApp
      data={data}
      initial={initial}
      syncUrl={true}
      renderSettings={() => (
        <SettingsView store={store} termLabel={termLabel} {...settingsEnvironment} />
      )}
    />
  );
}
