/**
 * The frames' first stage: before anything else of MyoLens is loaded in a frame, may its
 * text hold a term at all? Pages carry many small frames (ads, players, trackers, consent
 * dialogs) with no text or none of the guide's words; there MyoLens must cost close to
 * nothing. This module imports nothing: it is all a term-less frame runs, with the
 * prefilter's source and its words (content/generated/probe.ts).
 */

/** Elements whose text is never read (the scanner skips them too): not worth a look. */
const UNREAD = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'svg', 'math']);

/**
 * A frame this large is read in idle slices by the real scanner: past this many nodes
 * the first stage stops looking and says yes, instead of walking it all at once.
 */
export const PROBE_NODE_LIMIT = 20_000;

/** The prefilter's test of one text node's text. */
export type TextTest = (text: string) => boolean;

/**
 * The prefilter as a test made on first use: a frame with no text never compiles it
 * (V8 compiles a pattern at its first run; this one is about 3 KB of source).
 */
export function lazyTest(source: string, flags: string): TextTest {
  let re: RegExp | undefined;
  return (text) => /\S/.test(text) && (re ??= new RegExp(source, flags)).test(text);
}

/** Runs of the characters the prefilter's \b counts as a word's (ASCII; it has no u flag). */
const WORDS = /[A-Za-z0-9_]+/g;

/**
 * The prefilter behind a cheaper test: `next` (the prefilter) runs only on a text that
 * holds one of `words` (space-separated, lowercase) as a whole word, which every text the
 * prefilter accepts does (`prefilterWords`, lib/matcher/prefilter.ts). A frame of ads and
 * widgets then looks its words up in a set and most never compile the prefilter's
 * pattern (0.011 MB less heap a frame over the bench's 30 frames, measured). The set is
 * made on first use; `words` null means there is no such set: `next` alone.
 */
export function wordGate(words: string | null, next: TextTest): TextTest {
  if (words === null) return next;
  let set: Set<string> | undefined;
  return (text) => {
    set ??= new Set(words.split(' '));
    WORDS.lastIndex = 0;
    for (let m = WORDS.exec(text); m; m = WORDS.exec(text))
      if (set.has(m[0].toLowerCase())) return next(text);
    return false;
  };
}

/** What the first stage needs of its window (a test passes a fake clock). */
export interface ProbeHost {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Whether any text under `root`, or in an open shadow root below it, passes the
 * prefilter: a necessary condition for a term (a whole-word test per text node, as the
 * scanner's own first test). True as well past PROBE_NODE_LIMIT nodes.
 */
export function mayHoldTerms(root: Node, prefilter: TextTest, budget = { nodes: 0 }): boolean {
  if (root.nodeType === 1 && UNREAD.has((root as Element).localName)) return false;
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) =>
      node.nodeType === 1 && UNREAD.has((node as Element).localName)
        ? 2 /* FILTER_REJECT: skips the subtree */
        : 1 /* FILTER_ACCEPT */,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++budget.nodes > PROBE_NODE_LIMIT) return true;
    if (node.nodeType === 3) {
      if (prefilter((node as Text).data)) return true;
    } else {
      const shadow = (node as Element).shadowRoot;
      if (shadow && mayHoldTerms(shadow, prefilter, budget)) return true;
    }
  }
  return false;
}

/** How long after a change the added text is looked at: one look per burst of changes. */
export const PROBE_DELAY_MS = 400;
/** Past this many changed nodes in one burst the whole document is looked at instead. */
const PENDING_LIMIT = 200;

/**
 * Waits for text worth reading in a frame that had none: one MutationObserver whose
 * callback only keeps the nodes added or changed, and one look at them per burst
 * (PROBE_DELAY_MS later). Calls `found` once, then stops; the returned function stops it
 * sooner. A frame filled after load (an about:blank frame its parent writes into, a
 * comment widget that loads its comments) is read once its text arrives.
 */
export function watchForTerms(
  doc: Document,
  prefilter: TextTest,
  found: () => void,
  host: ProbeHost,
  Observer: typeof MutationObserver = MutationObserver,
): () => void {
  let pending: Node[] = [];
  let whole = false;
  let timer: unknown;
  const observer = new Observer((records) => {
    for (const record of records) {
      if (whole) break;
      if (record.type === 'characterData') pending.push(record.target);
      else for (const node of record.addedNodes) pending.push(node);
      if (pending.length > PENDING_LIMIT) whole = true;
    }
    timer ??= host.setTimeout(look, PROBE_DELAY_MS);
  });
  const stop = () => {
    observer.disconnect();
    if (timer !== undefined) host.clearTimeout(timer);
    timer = undefined;
    pending = [];
  };
  function look() {
    timer = undefined;
    const nodes = whole ? [doc] : pending;
    pending = [];
    whole = false;
    const budget = { nodes: 0 };
    const hit = nodes.some((node) =>
      node.nodeType === 3
        ? prefilter((node as Text).data)
        : node.isConnected && mayHoldTerms(node, prefilter, budget),
    );
    if (!hit) return;
    stop();
    found();
  }
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  return stop;
}
