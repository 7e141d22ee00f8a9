/**
 * The frames' second stage: the first (entrypoints/frames.ts) found text that may hold a
 * term and loads this, with everything the top-level script has, in the same file. Its
 * modules are initialised only now (the bundler wraps a dynamically imported module in a
 * lazy initialiser), so a frame that never gets here never pays for them.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startTab } from './coordinator';
import { bodyReady } from './documents';

/** Starts MyoLens in this frame: the same coordinator as the top's, in its frame role. */
export async function startFrame(): Promise<void> {
  // WXT's context: invalidation when the extension reloads or updates, as in the top's.
  const ctx = new ContentScriptContext('frames', { noScriptStartedPostMessage: true });
  const body = await bodyReady(document, ctx.signal);
  if (body) await startTab(ctx, window);
}
