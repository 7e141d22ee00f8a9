import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LookupResults, type LookupResultsActions } from '@/components/LookupResults';
import { Tooltip, type TooltipActions } from '@/components/Tooltip';
import type { GlossaryTerm } from '@/content/schema';
import type { LookupResults as Results } from '@/lib/lookup-results';
import { adoptStyles } from './browser-quirks';
import { pageScheme } from './page-scheme';
import tooltipCss from './tooltip.css?inline';

/** The custom element that hosts our closed shadow root (excluded from marking). */
export const UI_ATTR = 'data-myolens-ui';

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
/** Widest the tooltip gets, in px: not rem, which the page's root font size would set. */
const MAX_WIDTH = 352;

/** What a tooltip points at: a mention's text, wherever and however it is drawn. */
export interface Anchor {
  /** The same mention gives the same key. */
  readonly key: object;
  /** The element the text sits in (for scroll and resize tracking). */
  readonly element: Element;
  /** The text's line boxes now, one per line. */
  rects(): DOMRectList | DOMRect[];
  bounding(): DOMRect;
  /** Is the text still on the page, as it was? */
  present(): boolean;
}

/** How a tooltip opens. */
export interface OpenOptions {
  /** Move keyboard focus into it (keyboard opening); Escape gives it back to `returnTo`. */
  focus?: boolean;
  returnTo?: Element | null;
  /** Where the pointer opened it (client coordinates), for a term that wraps. */
  point?: { x: number; y: number };
  /**
   * A lookup bubble (a selection the reader asked about): it stays until dismissed
   * (Escape, its Close button, a click elsewhere); hovering neither opens over it nor
   * closes it.
   */
  persistent?: boolean;
}

/** What the tooltip asks of the rest of the content script. */
export interface TooltipServices {
  openGuide(hash: string): void;
  /** Opens the guide's search for a text. */
  openQuery(query: string): void;
  hideTerm(termId: string): void;
  disableSite(): void;
  /** The tooltip now shows this term (opened, or swapped to a related one). */
  shown(termId: string): void;
}

/**
 * One tooltip per page: a Preact tree in a closed shadow root (page CSS cannot restyle it,
 * page scripts cannot read it), placed next to its mark by Floating UI. Mounted on first
 * use at the end of <html>, outside <body>, so the page's body is never touched.
 */
export class TooltipHost {
  private ui: Awaited<ReturnType<typeof createShadowRootUi<void>>> | undefined;
  private mounting: Promise<void> | undefined;
  private layer: HTMLDivElement | undefined;
  private live: HTMLDivElement | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  private anchor: Anchor | undefined;
  /** Which line of a wrapped term the pointer opened it on (its client rect's index). */
  private line: number | undefined;
  private termId: string | undefined;
  private persistentOpen = false;
  /** Where keyboard focus was before a keyboard opening moved it in. */
  private returnTo: Element | null = null;
  /** Bumped on every open/close, so a slow mount never opens a tooltip closed since. */
  private generation = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly terms: ReadonlyMap<string, GlossaryTerm>,
    private readonly hostname: string,
    private readonly services: TooltipServices,
  ) {}

  /** The key of the mention whose tooltip is open. */
  get openKey(): object | undefined {
    return this.anchor?.key;
  }

  /** Does this event come from inside the tooltip (its host, seen from the page)? */
  contains(event: Event): boolean {
    const host = this.ui?.shadowHost;
    return !!host && event.composedPath().includes(host);
  }

  /** Is `node` our tooltip's host element (as the page sees it)? */
  isHost(node: Node | null): boolean {
    return !!node && node === this.ui?.shadowHost;
  }

  /** Is the open tooltip a lookup bubble (OpenOptions.persistent)? */
  get persistent(): boolean {
    return this.persistentOpen;
  }

  /** Is keyboard focus inside the tooltip? */
  get hasFocus(): boolean {
    return !!this.ui && this.ui.shadow.activeElement !== null;
  }

  private async mount(): Promise<void> {
    this.mounting ??= (async () => {
      const ui = await createShadowRootUi<void>(this.ctx, {
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
          const layer = document.createElement('div');
          layer.className = 'ml-layer';
          layer.hidden = true;
          const live = document.createElement('div');
          live.className = 'ml-live';
          live.setAttribute('aria-live', 'polite');
          container.append(layer, live);
          this.layer = layer;
          this.live = live;
        },
      });
      ui.shadowHost.setAttribute(UI_ATTR, '');
      ui.mount();
      this.ui = ui;
    })();
    return this.mounting;
  }

  /** Shows the tooltip for `termId` next to `anchor`. */
  open(anchor: Anchor, termId: string, opts: OpenOptions = {}): Promise<void> {
    return this.present(anchor, opts, () => this.show(termId));
  }

  /** Shows a lookup's search results next to `anchor` (the bubble for a non-term). */
  openResults(anchor: Anchor, results: Results, opts: OpenOptions = {}): Promise<void> {
    return this.present(anchor, opts, () => this.showResults(results));
  }

  private async present(anchor: Anchor, opts: OpenOptions, render: () => void): Promise<void> {
    const gen = ++this.generation;
    await this.mount();
    if (gen !== this.generation || this.ctx.isInvalid || !anchor.present()) return;
    const { layer } = this;
    if (!layer) return;
    if (this.anchor?.key !== anchor.key) {
      // Another mention: follow that one from now on, not the last.
      this.stopAutoUpdate?.();
      this.stopAutoUpdate = undefined;
    }
    this.anchor = anchor;
    this.persistentOpen = !!opts.persistent;
    this.line = opts.point ? lineAt(anchor, opts.point) : undefined;
    layer.dataset.scheme = pageScheme(anchor.element, window);
    render();
    layer.hidden = false;
    const reference = {
      getBoundingClientRect: () => anchor.bounding(),
      getClientRects: () => anchor.rects(),
      contextElement: anchor.element,
    };
    this.stopAutoUpdate ??= autoUpdate(reference, layer, () => void this.place());
    if (opts.focus) {
      if (!this.hasFocus) this.returnTo = opts.returnTo ?? null;
      this.focusFirst();
    }
  }

  /** Reads the term to screen readers (the dialog is shown, not focused). */
  private announce(termId: string): void {
    const term = this.terms.get(termId);
    if (!this.live) return;
    this.live.textContent = term
      ? `${term.label}: ${term.summary} Press Tab for links, Escape to close.`
      : '';
  }

  /** Renders `termId` into the open tooltip (also used when a related term is chosen). */
  private show(termId: string): void {
    const term = this.terms.get(termId);
    const layer = this.layer;
    if (!term || !layer) return;
    // Reopening the tooltip already showing this term is no news (the pointer came back).
    const news = this.termId !== termId;
    this.termId = termId;
    const related = term.related
      .map((id) => this.terms.get(id))
      .filter((t): t is GlossaryTerm => !!t)
      .slice(0, 3);
    const actions: TooltipActions = {
      readMore: (t) => this.services.openGuide(t.section),
      showRelated: (id) => this.switchTo(id),
      hideTerm: (t) => {
        this.close(true);
        this.services.hideTerm(t.id);
      },
      disableSite: () => {
        this.close(true);
        this.services.disableSite();
      },
      close: () => this.close(true),
    };
    render(
      h(Tooltip, { term, related, hostname: this.hostname, actions, labelId: 'ml-tip-label' }),
      layer,
    );
    if (news) this.services.shown(termId);
  }

  /** Renders a lookup's results into the open bubble. */
  private showResults(results: Results): void {
    const layer = this.layer;
    if (!layer) return;
    this.termId = undefined;
    const actions: LookupResultsActions = {
      openHit: (hit) => this.services.openGuide(hit.anchor),
      openQuery: () => this.services.openQuery(results.query),
      showTerm: (label) => {
        const term = [...this.terms.values()].find((t) => t.label === label);
        if (term) this.switchTo(term.id);
      },
      close: () => this.close(true),
    };
    render(h(LookupResults, { results, actions, labelId: 'ml-tip-label' }), layer);
  }

  /** Shows another term in the open tooltip; the chip pressed is gone, so a keyboard user is kept inside. */
  private switchTo(termId: string): void {
    const hadFocus = this.hasFocus;
    this.show(termId);
    void this.place();
    if (hadFocus) {
      this.focusFirst();
      this.announce(termId);
    }
  }

  private async place(): Promise<void> {
    const { anchor, layer } = this;
    if (!anchor || !layer || layer.hidden) return;
    // The page removed or rewrote the text (a re-render, or the term was hidden).
    if (!anchor.present()) return this.close();
    const reference = {
      getBoundingClientRect: () => anchor.bounding(),
      getClientRects: () => anchor.rects(),
      contextElement: anchor.element,
    };
    const { x, y } = await computePosition(reference, layer, {
      strategy: 'fixed',
      placement: 'bottom',
      middleware: [
        // A term wrapped over two lines gets the tooltip at the line the pointer opened it
        // on (that line's centre now, so it stays right after scrolling).
        inline(lineCentre(anchor, this.line)),
        offset(8),
        flip({ padding: 8 }),
        shift({ padding: 8 }),
        size({
          padding: 8,
          apply: ({ availableWidth, availableHeight }) => {
            layer.style.maxWidth = `${Math.max(0, Math.min(MAX_WIDTH, Math.floor(availableWidth)))}px`;
            // All the room there is, even when that is little (a landscape phone, 256 px
            // tall): the layer scrolls rather than run off the screen.
            layer.style.maxHeight = `${Math.max(0, Math.floor(availableHeight))}px`;
            layer.style.overflowY = 'auto';
          },
        }),
      ],
    });
    if (layer.hidden || anchor !== this.anchor) return;
    layer.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  /** Moves keyboard focus to the tooltip's first control. */
  focusFirst(): boolean {
    const first = this.layer?.querySelector<HTMLElement>('button');
    first?.focus();
    return !!first;
  }

  /** Is `el` the tooltip's last focusable control? */
  isLast(el: Element | null): boolean {
    const all = this.layer?.querySelectorAll('button');
    return !!all && all.length > 0 && all[all.length - 1] === el;
  }

  /** Is `el` the tooltip's first focusable control? */
  isFirst(el: Element | null): boolean {
    return !!el && this.layer?.querySelector('button') === el;
  }

  /** The element focused inside the shadow root. */
  get focused(): Element | null {
    return this.ui?.shadow.activeElement ?? null;
  }

  /**
   * Hides the tooltip. Keyboard focus inside it (or `returnFocus`) goes back to where it
   * was before a keyboard opening moved it in.
   */
  close(returnFocus = false): void {
    this.generation++;
    const hadFocus = this.hasFocus;
    const returnTo = this.returnTo;
    this.returnTo = null;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.anchor = undefined;
    this.line = undefined;
    this.termId = undefined;
    this.persistentOpen = false;
    if (this.layer) {
      this.layer.hidden = true;
      render(null, this.layer);
    }
    if (this.live) this.live.textContent = '';
    if (returnFocus || hadFocus) {
      if (returnTo instanceof HTMLElement && returnTo.isConnected)
        returnTo.focus({ preventScroll: true });
      // Focus was on the page itself: leave it there, not on our hidden layer.
      else if (hadFocus) (this.ui?.shadow.activeElement as HTMLElement | null)?.blur();
    }
  }

  /** The term shown now. */
  get openTermId(): string | undefined {
    return this.termId;
  }

  /** Removes the tooltip host from the page. */
  destroy(): void {
    this.close();
    this.ui?.remove();
    this.ui = undefined;
    this.mounting = undefined;
    this.layer = undefined;
  }
}

/** Index of the anchor's line box (client rect) under `point`, if any. */
function lineAt(anchor: Anchor, point: { x: number; y: number }): number | undefined {
  const rects = anchor.rects();
  if (rects.length < 2) return undefined;
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom)
      return i;
  }
  return undefined;
}

/** The current centre of line `index` of a wrapped term, for Floating UI's `inline()`. */
function lineCentre(anchor: Anchor, index: number | undefined): { x?: number; y?: number } {
  if (index === undefined) return {};
  const r = anchor.rects()[index];
  return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : {};
}
