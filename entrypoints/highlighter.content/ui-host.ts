import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adoptStyles } from './browser-quirks';
import tooltipCss from './tooltip.css?inline';
import { UI_ATTR } from './scan';

/**
 * A tag name of our own for this page. Custom elements are registered per document, not
 * per script world: with a fixed name, a page could define it first and run its own
 * constructor on our host, or forbid the shadow root (`disabledFeatures`). Pages find the
 * host by UI_ATTR; no page can guess the name before we mount.
 */
function randomTagName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `myolens-ui-${Array.from(bytes, (b) => String.fromCharCode(97 + (b % 26))).join('')}`;
}

/** Our UI in the page: the host element (as the page sees it), its closed root, the layers. */
export interface UiHost {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** Where the tooltip or bubble renders (hidden while closed). */
  readonly layer: HTMLDivElement;
  /** A polite live region, for what a keyboard user switches to. */
  readonly live: HTMLDivElement;
  /** Puts the host back at the end of <html> (before a tooltip or bubble shows). */
  attach(): void;
  /** Takes the host out of the document (nothing is open); its shadow root is kept. */
  detach(): void;
  remove(): void;
}

/**
 * Builds our closed shadow root for the end of <html>, outside <body>, so the page's body
 * is never touched. Page CSS cannot restyle it, page scripts cannot read it. It is
 * returned detached: while nothing is open the host is not in the document at all, since
 * a host beside <body> makes Chromium expose <body> and the host as two `generic` nodes
 * in the page's accessibility tree (issue 24).
 */
export async function mountUi(ctx: ContentScriptContext): Promise<UiHost> {
  let layer: HTMLDivElement | undefined;
  let live: HTMLDivElement | undefined;
  const ui = await createShadowRootUi<void>(ctx, {
    name: randomTagName(),
    mode: 'closed',
    position: 'inline',
    anchor: () => document.documentElement,
    append: 'last',
    // Our sheet carries the reset itself; WXT's reset would be an inline <style>,
    // which a strict page CSP blocks (and reports).
    inheritStyles: true,
    // Clicks and keys inside the tooltip never reach the page's listeners.
    isolateEvents: [
      'click',
      'mousedown',
      'mouseup',
      'pointerdown',
      'pointerup',
      'keydown',
      'keyup',
      'keypress',
      'input',
      'touchstart',
      'touchend',
    ],
    onMount: (container, shadow) => {
      adoptStyles(shadow, tooltipCss);
      layer = document.createElement('div');
      layer.className = 'ml-layer';
      layer.hidden = true;
      live = document.createElement('div');
      live.className = 'ml-live';
      live.setAttribute('aria-live', 'polite');
      container.append(layer, live);
    },
  });
  const host = ui.shadowHost;
  host.setAttribute(UI_ATTR, '');
  // WXT's mount builds the layers (onMount); the host then waits outside the document.
  ui.mount();
  host.remove();
  return {
    host,
    shadow: ui.shadow,
    layer: layer!,
    live: live!,
    attach: () => {
      // The page may have replaced <html> since; the current one is where we belong.
      const root = document.documentElement;
      if (root && host.parentNode !== root) root.append(host);
    },
    detach: () => host.remove(),
    remove: () => ui.remove(),
  };
}
