import { defineContentScript } from 'wxt/utils/define-content-script';
import { startTab } from './coordinator';
import { bodyReady, isHtmlDocument } from './documents';
import './style.css';

/**
 * The top-level document's script. Frames get the first stage in entrypoints/frame-probe.ts
 * (a manifest entry of its own, wxt.config.ts), which loads the same coordinator only where
 * a frame's text may hold a term.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT's extra window.postMessage would tell every page that MyoLens is installed.
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    if (!isHtmlDocument(document)) return;
    void bodyReady(document, ctx.signal).then((body) => body && startTab(ctx, window));
  },
});
