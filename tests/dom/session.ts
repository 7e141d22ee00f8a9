import { glossary } from '@/content/glossary-index';
import type { IdleHost } from '@/lib/idle';
import { compileMatcher, type Matcher } from '@/lib/matcher';
import type { RootScanner } from '@/entrypoints/highlighter.content/root-scanner';
import { TabSession, type ShowOptions } from '@/entrypoints/highlighter.content/tab';

/** An idle host on the test's real timers. */
export const timerHost: IdleHost = {
  setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
  performance,
};

/** Every mention found and underlined, by the wrap renderer (its marks can be counted). */
export const wrapAll: ShowOptions = {
  density: 'all',
  style: 'underline',
  hiddenTerms: new Set<string>(),
  renderer: 'wrap',
};

/**
 * The glossary's matcher with every form treated as the guide's own: for tests of the
 * scanning mechanics on short pages, where the page-topic gate would keep shared forms
 * off (the gate has its own tests: tests/unit/topic.test.ts, topic-corpus.test.ts).
 */
export function ungatedMatcher(): Matcher {
  return compileMatcher(glossary.map(({ shared: _shared, ...term }) => term));
}

/**
 * A tab session over one document, started and stopped as the content script does (one
 * abort ends it): what the DOM tests drive. `onChange` counts the coordinator's reports.
 */
export class TestSession {
  readonly tab: TabSession;
  private readonly off = new AbortController();
  private scanner: RootScanner | undefined;
  changes = 0;

  constructor(
    private readonly doc: Document,
    host: IdleHost,
    matcher: Matcher,
    options: ShowOptions,
  ) {
    const win = doc.defaultView as Window & typeof globalThis;
    this.tab = new TabSession(win, matcher, options, this.off.signal, () => this.changes++, host);
  }

  /** Adds the document as the session's root (its first check and walk start). */
  start(): void {
    this.scanner = this.tab.addRoot(this.doc);
  }

  /** Turns MyoLens off: one abort. */
  stop(): void {
    this.off.abort();
  }

  whenIdle(): Promise<void> {
    return this.tab.whenIdle();
  }

  counts(): Map<string, number> {
    return this.tab.counts();
  }

  mentions() {
    return this.tab.mentions();
  }

  get renderer() {
    return this.tab.renderer;
  }

  /** The document root's occurrences. */
  get occurrences() {
    return this.scanner!.occurrences;
  }

  update(options: ShowOptions): void {
    this.tab.update(options);
  }
}
