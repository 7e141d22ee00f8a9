import { h, render, type ComponentChild } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LookupResults, type LookupResultsActions } from '@/components/LookupResults';
import { Tooltip, type TooltipActions } from '@/components/Tooltip';
import type { GlossaryTerm } from '@/content/schema';
import type { LookupResults as Results } from '@/lib/lookup-results';
import { pageScheme } from './page-scheme';
import { follow, lineAt, type Anchor } from './placement';
import { mountUi, type UiHost } from './ui-host';

export type { Anchor } from './placement';

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
  /** Other terms in the same words (overlapping ones): offered as "Also here". */
  also?: readonly string[];
}

/** What the tooltip asks of the rest of the content script, and tells it. */
export interface TooltipServices {
  openGuide(hash: string): void;
  /** Opens the guide's search for a text. */
  openQuery(query: string): void;
  hideTerm(termId: string): void;
  disableSite(): void;
  /** The tooltip now shows this term (opened, or swapped to a related one). */
  shown(termId: string): void;
  /** The tooltip closed; `byReader` when by its keys or buttons (focus goes back). */
  closed(byReader: boolean): void;
}

/**
 * One tooltip per page: a Preact tree in our closed shadow root (ui-host.ts), placed next
 * to its text by Floating UI (placement.ts). It keeps keyboard focus in order itself:
 * Escape inside, Tab past its last control or Shift+Tab before its first close it and
 * give focus back to where it was before a keyboard opening moved it in.
 */
export class TooltipHost {
  private ui: UiHost | undefined;
  private mounting: Promise<UiHost> | undefined;
  private placement: { update(): void; stop(): void } | undefined;
  private anchor: Anchor | undefined;
  private termId: string | undefined;
  /** The terms of the words the tooltip opened on: the opened one and its `also`. */
  private here: readonly string[] = [];
  private bubble = false;
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

  /** The key of the anchor whose tooltip or bubble is open. */
  get openKey(): object | undefined {
    return this.anchor?.key;
  }

  /** Is the open one a lookup bubble (OpenOptions.persistent)? */
  get persistent(): boolean {
    return this.bubble;
  }

  /** Is keyboard focus inside the tooltip? */
  get hasFocus(): boolean {
    return !!this.ui && this.ui.shadow.activeElement !== null;
  }

  /** Does this event come from inside the tooltip (its host, seen from the page)? */
  contains(event: Event): boolean {
    const host = this.ui?.host;
    return !!host && event.composedPath().includes(host);
  }

  /** Is `node` our host element (as the page sees it)? */
  isHost(node: Node | null): boolean {
    return !!node && node === this.ui?.host;
  }

  /** Shows the tooltip for `termId` next to `anchor`. */
  open(anchor: Anchor, termId: string, opts: OpenOptions = {}): Promise<void> {
    return this.present(anchor, opts, () => {
      this.here = [termId, ...(opts.also ?? [])];
      this.show(termId);
    });
  }

  /** Shows a lookup's search results next to `anchor` (the bubble for a non-term). */
  openResults(anchor: Anchor, results: Results, opts: OpenOptions = {}): Promise<void> {
    return this.present(anchor, opts, () => this.showResults(results));
  }

  private mount(): Promise<UiHost> {
    return (this.mounting ??= mountUi(this.ctx).then((ui) => {
      this.ui = ui;
      ui.layer.addEventListener('keydown', (e) => this.keys(e), { signal: this.ctx.signal });
      return ui;
    }));
  }

  private async present(anchor: Anchor, opts: OpenOptions, draw: () => void): Promise<void> {
    const gen = ++this.generation;
    const ui = await this.mount();
    if (gen !== this.generation || this.ctx.signal.aborted || !anchor.present()) return;
    const line = opts.point ? lineAt(anchor, opts.point) : undefined;
    // Another mention, or another line of it: follow that one from now on.
    this.placement?.stop();
    this.anchor = anchor;
    this.bubble = !!opts.persistent;
    // In the document before anything is measured or focused (placement, focusFirst).
    ui.attach();
    ui.layer.dataset.scheme = pageScheme(anchor.element, window);
    draw();
    ui.layer.hidden = false;
    this.placement = follow(anchor, ui.layer, line, () => this.close());
    if (opts.focus) {
      if (!this.hasFocus) this.returnTo = opts.returnTo ?? null;
      this.focusFirst();
    }
  }

  /** Renders `termId` into the open tooltip (also when a related term is chosen). */
  private show(termId: string): void {
    const term = this.terms.get(termId);
    if (!term) return;
    // Reopening the tooltip already showing this term is no news (the pointer came back).
    const news = this.termId !== termId;
    this.termId = termId;
    const get = (ids: readonly string[]) =>
      ids.map((id) => this.terms.get(id)).filter((t): t is GlossaryTerm => !!t);
    // Switched to one of them, the others are still offered; a related term is not here.
    const here = this.here.includes(termId) ? this.here.filter((id) => id !== termId) : [];
    const related = get(term.related.filter((id) => !here.includes(id))).slice(0, 3);
    const also = get(here);
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
    this.draw(
      h(Tooltip, {
        term,
        related,
        also,
        hostname: this.hostname,
        actions,
        labelId: 'ml-tip-label',
      }),
    );
    if (news) this.services.shown(termId);
  }

  /** Renders a lookup's results into the open bubble. */
  private showResults(results: Results): void {
    this.termId = undefined;
    this.here = [];
    const actions: LookupResultsActions = {
      openHit: (hit) => this.services.openGuide(hit.anchor),
      openQuery: () => this.services.openQuery(results.query),
      showTerm: (label) => {
        const term = [...this.terms.values()].find((t) => t.label === label);
        if (term) this.switchTo(term.id);
      },
      close: () => this.close(true),
    };
    this.draw(h(LookupResults, { results, actions, labelId: 'ml-tip-label' }));
  }

  private draw(tree: ComponentChild): void {
    if (this.ui) render(tree, this.ui.layer);
  }

  /** Shows another term in the open tooltip; the chip pressed is gone, so a keyboard user is kept inside. */
  private switchTo(termId: string): void {
    const hadFocus = this.hasFocus;
    this.show(termId);
    this.placement?.update();
    if (hadFocus) {
      this.focusFirst();
      this.announce(termId);
    }
  }

  /** Reads the term to screen readers (the dialog is shown, not focused). */
  private announce(termId: string): void {
    const term = this.terms.get(termId);
    if (!this.ui) return;
    this.ui.live.textContent = term
      ? `${term.label}: ${term.summary} Press Tab for links, Escape to close.`
      : '';
  }

  /** The focus trap's keys, inside the tooltip (they never reach the page: ui-host.ts). */
  private keys(e: KeyboardEvent): void {
    if (!e.isTrusted || !this.anchor) return;
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.close(true);
      return;
    }
    if (e.key !== 'Tab') return;
    const buttons = this.ui!.layer.querySelectorAll('button');
    const focused = this.ui!.shadow.activeElement;
    if (e.shiftKey && buttons[0] === focused) {
      e.preventDefault();
      this.close(true);
    } else if (!e.shiftKey && buttons[buttons.length - 1] === focused) {
      // Past the last control: focus goes back where it was, and this Tab's default
      // action carries on from there into the page (no loop back into the tooltip).
      this.close(true);
    }
  }

  /** Moves keyboard focus to the tooltip's first control. */
  private focusFirst(): void {
    this.ui?.layer.querySelector<HTMLElement>('button')?.focus();
  }

  /**
   * Hides the tooltip. Keyboard focus inside it (or `returnFocus`) goes back to where it
   * was before a keyboard opening moved it in.
   */
  close(returnFocus = false): void {
    this.generation++;
    const wasOpen = !!this.anchor;
    const hadFocus = this.hasFocus;
    const returnTo = this.returnTo;
    this.returnTo = null;
    this.placement?.stop();
    this.placement = undefined;
    this.anchor = undefined;
    this.termId = undefined;
    this.bubble = false;
    if (this.ui) {
      this.ui.layer.hidden = true;
      render(null, this.ui.layer);
      this.ui.live.textContent = '';
    }
    if (returnFocus || hadFocus) {
      if (returnTo instanceof HTMLElement && returnTo.isConnected)
        returnTo.focus({ preventScroll: true });
      // Focus was on the page itself: leave it there, not on our hidden layer.
      else if (hadFocus) (this.ui?.shadow.activeElement as HTMLElement | null)?.blur();
    }
    // Focus is back where it belongs: now the host leaves, so nothing of ours stays in the
    // page's accessibility tree while nothing is open.
    this.ui?.detach();
    if (wasOpen) this.services.closed(returnFocus);
  }

  /** Removes the tooltip host from the page. */
  destroy(): void {
    this.close();
    this.ui?.remove();
    this.ui = undefined;
    this.mounting = undefined;
  }
}
