/**
 * MyoLens in frames, first stage: a manifest content script of its own (wxt.config.ts) in
 * every frame, small and importing nothing heavy. In a frame whose text may hold a term it
 * starts the second stage (frames-reader.ts, folded into this same file at build time);
 * in one that has none it only waits for text to arrive. The top-level document has its
 * own script (highlighter.content), so there this one stops at once.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PROBE_PREFILTER, PROBE_WORDS } from '@/content/generated/probe';
import { isHtmlDocument } from './highlighter.content/documents';
import { lazyTest, mayHoldTerms, watchForTerms, wordGate } from './highlighter.content/frame-probe';
import { followSwitch, type SwitchStorage } from './highlighter.content/frame-switch';

/** The second stage, as the build folds it around this file (wxt.config.ts). */
declare function myolensFramesReader(): void;

/** The extension's storage, without the polyfill (`browser` in Firefox, `chrome` in Chromium). */
function extensionStorage(): SwitchStorage {
  const api = globalThis as unknown as { browser?: { storage: SwitchStorage } };
  return (api.browser ?? (globalThis as unknown as { chrome: { storage: SwitchStorage } }).chrome)
    .storage;
}

export default defineUnlistedScript(() => {
  if (window === window.top || !isHtmlDocument(document)) return;
  const prefilter = wordGate(PROBE_WORDS, lazyTest(PROBE_PREFILTER.source, PROBE_PREFILTER.flags));
  // Only while MyoLens is on (never before its settings are read): a frame that may hold a
  // term starts the second stage, which follows every setting from then on; one that may
  // not waits for text to arrive, and stops waiting when MyoLens is turned off.
  const handOver = () => {
    stopFollowing();
    myolensFramesReader();
  };
  const stopFollowing = followSwitch(extensionStorage(), () => {
    if (!mayHoldTerms(document, prefilter))
      return watchForTerms(document, prefilter, handOver, window);
    handOver();
    return () => {};
  });
});
