/**
 * MyoLens in frames, first stage: a manifest content script of its own (wxt.config.ts) in
 * every frame, small and importing nothing heavy. In a frame whose text may hold a term it
 * starts the second stage (frames-reader.ts, folded into this same file at build time);
 * in one that has none it only waits for text to arrive. The top-level document has its
 * own script (highlighter.content), so there this one stops at once.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PROBE_PREFILTER } from '@/content/generated/probe';
import { isHtmlDocument } from './highlighter.content/documents';
import { lazyTest, mayHoldTerms, watchForTerms } from './highlighter.content/frame-probe';

/** The second stage, as the build folds it around this file (wxt.config.ts). */
declare function myolensFramesReader(): void;

export default defineUnlistedScript(() => {
  if (window === window.top || !isHtmlDocument(document)) return;
  const prefilter = lazyTest(PROBE_PREFILTER.source, PROBE_PREFILTER.flags);
  if (mayHoldTerms(document, prefilter)) myolensFramesReader();
  else watchForTerms(document, prefilter, () => myolensFramesReader(), window);
});
