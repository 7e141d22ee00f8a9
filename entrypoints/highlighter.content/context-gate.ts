import type { Matcher } from '@/lib/matcher';

/** What the gate needs of the matcher. */
export type GateMatcher = Pick<Matcher, 'contextual' | 'servedBy' | 'activeIds' | 'surfacesIn'>;

/** Where the gate reads a root's text: all of it, and the texts the walk found and holds. */
export interface GateText {
  /** The whole root's text (asked at most once per undecided term, then per arrival). */
  page(): string;
  /** Texts found by the walk and not yet written: read before the whole page. */
  pending(): Iterable<string>;
}

/**
 * The context rule for ambiguous terms (acronyms such as VDR or ROS): one is shown only on
 * a page that also has one of its context words ("vitamin D", "muscle", ...). No DOM: it
 * is given texts, so it is tested with plain strings (tests/unit/context-gate.test.ts).
 *
 * A term is known to have its context once any matched surface, shown or not, spells a
 * context word; else it is decided from the page's text at its first match: first the
 * texts the walk found (a page about the topic has "vitamin D" near its acronyms), only
 * then the whole page, for every undecided term at once.
 */
export class ContextGate {
  private readonly known = new Map<string, boolean>();
  /** How many contextual terms are known to have their context. */
  private served = 0;
  /** A term dropped for want of context has its context now: the root is read again. */
  private late = false;

  constructor(
    private readonly matcher: GateMatcher,
    private readonly text: GateText,
  ) {}

  /** May this match be shown? Called for every match, in text order: its surface vouches. */
  allows(termId: string, surface: string): boolean {
    this.vouch(surface);
    return !this.matcher.contextual.has(termId) || this.has(termId);
  }

  /**
   * New text came to the page: true when it brings the context of a term that was dropped
   * for want of one (the caller reads the root again).
   */
  arrived(text: string): boolean {
    if (!this.waiting) return false;
    const ids = this.matcher.activeIds(text);
    let grew = false;
    for (const [id, has] of this.known) {
      if (!has && ids.has(id)) {
        this.set(id, true);
        grew = true;
      }
    }
    // The caller reads the root again itself.
    this.late = false;
    return grew;
  }

  /** True once after a dropped term's context turned up in a later surface: read the root again. */
  takeLate(): boolean {
    const late = this.late;
    this.late = false;
    return late;
  }

  /** Was some contextual term found without its context words? */
  get waiting(): boolean {
    for (const has of this.known.values()) if (!has) return true;
    return false;
  }

  /** Forget what was decided (the root is read again from the start). */
  reset(): void {
    this.known.clear();
    this.served = 0;
    this.late = false;
  }

  private has(termId: string): boolean {
    const known = this.known.get(termId);
    if (known !== undefined) return known;
    for (const text of this.text.pending()) {
      for (const surface of this.matcher.surfacesIn(text)) {
        this.vouch(surface);
        if (this.known.get(termId)) return true;
      }
    }
    const ids = this.matcher.activeIds(this.text.page());
    for (const id of this.matcher.contextual) if (!this.known.has(id)) this.set(id, ids.has(id));
    return this.known.get(termId) ?? false;
  }

  /** A surface on the page, shown or not, shows the context words it spells. */
  private vouch(surface: string): void {
    // Once every contextual term has its context, no surface can add anything.
    if (this.served === this.matcher.contextual.size) return;
    for (const id of this.matcher.servedBy(surface)) this.set(id, true);
  }

  private set(id: string, has: boolean): void {
    const was = this.known.get(id);
    if (was === has) return;
    // Context that arrived after the term was dropped: what was dropped is read again.
    if (was === false) this.late = true;
    if (has) this.served++;
    this.known.set(id, has);
  }
}
