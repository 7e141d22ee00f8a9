import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Tooltip, type TooltipActions } from '@/components/Tooltip';
import type { GlossaryTerm } from '@/content/schema';
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

/** What the tooltip asks of the rest of the content script. */
export interface TooltipServices {
  openGuide(hash: string): void;
  hideTerm(termId: string): void;
  disableSite(): void;
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
  private mark: HTMLElement | undefined;
  /** Which line of a wrapped mark the pointer opened it on (its client rect's index). */
  private line: number | undefined;
  private termId: string | undefined;
  private restoring = false;
  /** Bumped on every open/close, so a slow mount never opens a tooltip closed since. */
  private generation = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly terms: ReadonlyMap<string, GlossaryTerm>,
    private readonly hostname: string,
    private readonly services: TooltipServices,
  ) {}

  /** The mark whose tooltip is open. */
  get openMark(): HTMLElement | undefined {
    return this.mark;
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

  /**
   * Shows the tooltip for `termId` next to `mark`; `announce` reads it to screen readers.
   * `point` (client coordinates) is where the pointer opened it, for marks that wrap.
   */
  async open(
    mark: HTMLElement,
    termId: string,
    announce = false,
    point?: { x: number; y: number },
  ): Promise<void> {
    const gen = ++this.generation;
    await this.mount();
    if (gen !== this.generation || this.ctx.isInvalid || !mark.isConnected) return;
    const { layer } = this;
    if (!layer) return;
    if (this.mark !== mark) {
      // Another mark: follow that one from now on, not the last.
      this.stopAutoUpdate?.();
      this.stopAutoUpdate = undefined;
    }
    this.mark = mark;
    this.line = point ? lineAt(mark, point) : undefined;
    layer.dataset.scheme = pageScheme(mark, window);
    this.show(termId);
    layer.hidden = false;
    if (announce) this.announce(termId);
    this.stopAutoUpdate ??= autoUpdate(mark, layer, () => void this.place());
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
    this.termId = termId;
    const related = term.related
      .map((id) => this.terms.get(id))
      .filter((t): t is GlossaryTerm => !!t)
      .slice(0, 3);
    const actions: TooltipActions = {
      readMore: (t) => this.services.openGuide(t.section),
      showRelated: (id) => {
        // The chip pressed is replaced with the new term's; keep a keyboard user inside.
        const hadFocus = this.hasFocus;
        this.show(id);
        void this.place();
        if (hadFocus) {
          this.focusFirst();
          this.announce(id);
        }
      },
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
  }

  private async place(): Promise<void> {
    const { mark, layer } = this;
    if (!mark || !layer || layer.hidden) return;
    // The page removed the mark (a re-render, or the term was hidden): nothing to point at.
    if (!mark.isConnected) return this.close();
    const { x, y } = await computePosition(mark, layer, {
      strategy: 'fixed',
      placement: 'bottom',
      middleware: [
        // A term wrapped over two lines gets the tooltip at the line the pointer opened it
        // on (that line's centre now, so it stays right after scrolling).
        inline(lineCentre(mark, this.line)),
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
    if (layer.hidden || mark !== this.mark) return;
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
   * Puts keyboard focus on a mark without reopening its tooltip: the focus listener sees
   * `restoringFocus` and leaves it alone (Escape must not bring the tooltip straight back).
   */
  focusMark(mark: HTMLElement): void {
    if (!mark.isConnected) return;
    // Our own mark: focusable by script only, never a Tab stop of its own.
    if (mark.tabIndex !== -1) mark.tabIndex = -1;
    this.restoring = true;
    try {
      mark.focus({ preventScroll: true });
    } finally {
      this.restoring = false;
    }
  }

  /** True while `focusMark()` moves focus (its focus events are ours, not the user's). */
  get restoringFocus(): boolean {
    return this.restoring;
  }

  /** Hides the tooltip; `returnFocus` puts keyboard focus back on its mark. */
  close(returnFocus = false): void {
    this.generation++;
    const mark = this.mark;
    const hadFocus = this.hasFocus;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.mark = undefined;
    this.line = undefined;
    this.termId = undefined;
    if (this.layer) {
      this.layer.hidden = true;
      render(null, this.layer);
    }
    if (this.live) this.live.textContent = '';
    if (mark && (returnFocus || hadFocus)) this.focusMark(mark);
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

/** Index of the mark's line box (client rect) under `point`, if any. */
function lineAt(mark: HTMLElement, point: { x: number; y: number }): number | undefined {
  const rects = mark.getClientRects();
  if (rects.length < 2) return undefined;
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom)
      return i;
  }
  return undefined;
}

/** The current centre of line `index` of a wrapped mark, for Floating UI's `inline()`. */
function lineCentre(mark: HTMLElement, index: number | undefined): { x?: number; y?: number } {
  if (index === undefined) return {};
  const r = mark.getClientRects()[index];
  return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : {};
}
