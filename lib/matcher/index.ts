/**
 * The pure term matcher: glossary forms in, one RegExp out (for mark.js) and the spans it
 * finds (for everything else). No DOM here; the rules are in DESIGN.md, "Matching rules
 * users expect", and the decisions on the edge cases in tests/unit/matcher.test.ts.
 */
import { SEPARATOR_RUN } from './chars';
import { regularPlural, tokenize } from './forms';
import { AFTER_MATCH } from './guards';
import {
  indexSurfaces,
  ownerOf,
  surfaceData,
  surfaceIndexOf,
  type OwnedForm,
  type SurfaceIndex,
  type SurfaceIndexData,
} from './identify';
import { prefilters, type AnchorScan } from './prefilter';
import { renderTrie } from './source';
import { emptyNode, insert, type TrieNode } from './trie';

/** A glossary term as the matcher needs it: its surface forms, case rule and context words. */
export interface MatchableTerm {
  id: string;
  forms: readonly string[];
  caseSensitive: boolean;
  context?: readonly string[];
  /**
   * Forms other fields share (form → why; the why is for reviewers and may be empty), in
   * any letter case: the page-topic gate (lib/topic.ts) shows them only on a page about
   * the body.
   */
  shared?: Readonly<Record<string, string>>;
}

/** One mention in a text: [start, end) in UTF-16 offsets, and whose term it is. */
export interface Span {
  start: number;
  end: number;
  termId: string;
}

/** A compiled glossary; `pattern()` and `match()` always agree (see tests/unit/matcher.test.ts). */
export interface Matcher {
  /** Ids of terms usable on a page with this text: terms without context, plus those whose context words occur in pageText (whole word, case-insensitive). */
  activeIds(pageText: string): Set<string>;
  /** Ids of the terms that need a context word on the page (ambiguous acronyms). */
  readonly contextual: ReadonlySet<string>;
  /**
   * The contextual terms a matched surface vouches for: those with a context word that
   * the surface spells as a whole word between its separators ("vitamin D" spells
   * "vitamin"). A page showing the surface shows the word, so activeIds would count it;
   * a surface that vouches for nothing proves nothing.
   */
  servedBy(surface: string): readonly string[];
  /** A fresh global+unicode RegExp matching any active term (all terms when `active` is omitted); match[0] is exactly the text to wrap. null when no term is active. */
  pattern(active?: ReadonlySet<string>): RegExp | null;
  /** The term id of a surface that `pattern` matched (match[0]), or undefined. */
  termIdOf(surface: string): string | undefined;
  /** Non-overlapping spans in text order, longest match first at each position. */
  match(text: string, active?: ReadonlySet<string>): Span[];
  /** A cheap test: does text contain any active term at all? (used to skip pages with no terms in one check) */
  test(text: string, active?: ReadonlySet<string>): boolean;
  /**
   * May this text (one text node's) hold a term? The prefilter first, which rejects most
   * text many times faster, then the full pattern: true exactly when `match` finds a
   * span. The pattern is compiled when the first text passes the prefilter, so a page
   * where none does never pays for it.
   */
  mayHold(text: string): boolean;
  /** Every surface the full pattern matches in `text` (match[0] of each match), in order. */
  surfacesIn(text: string): string[];
  /** Is this surface (one `match` found) a form other fields share (MatchableTerm.shared)? */
  isShared(surface: string): boolean;
  /** Builds now what the first termIdOf() would otherwise build (the surface index). */
  prepare(): void;
  /** The surface index termIdOf uses, as data (for PrebuiltSources.surfaces). */
  surfaceIndex(): SurfaceIndexData;
  /** How many distinct terms the matcher knows (an active set this big is complete). */
  readonly size: number;
  /**
   * A fast, non-global RegExp true for every text (a text node on its own) in which
   * `match` could find a term, and for some where it finds none: test it first, run the
   * full pattern only then. Its anchors are whole words, so on the concatenated text of
   * several nodes (where a word may run on into the next node) use scanAnchors instead.
   */
  readonly prefilter: RegExp;
  /**
   * Where a term may start in the pieces (text nodes) of `text`, their concatenation,
   * without each piece's string: never "no" where the prefilter would pass the piece.
   * null when the prefilter accepts everything.
   */
  scanAnchors(text: string): AnchorScan | null;
}

/** Pattern sources rendered at build time (content/build/pattern.ts): each skips a render. */
export interface PrebuiltSources {
  /** pattern().source for all of the terms. */
  allTermsSource?: string | null;
  /** The same for the context words' own matcher (which words a page has). */
  contextSource?: string | null;
  /** surfaceIndex() of all the terms: termIdOf without building it (cold, 3-5 ms). */
  surfaces?: SurfaceIndexData;
  /** The same for the context words' own matcher. */
  contextSurfaces?: SurfaceIndexData;
}

/**
 * A rendered source and the RegExps made from it, each on first use: V8 parses the whole
 * source in the RegExp constructor (about 1 ms for the glossary's, cold), and a page
 * usually needs only the one pattern() hands out.
 */
interface Compiled {
  source: string;
  /** Reused by `match` only, which resets lastIndex and runs to completion synchronously. */
  scan?: RegExp;
  /** Without the g flag, so `test` keeps no state between calls. */
  probe?: RegExp;
  /** Reused by `surfacesIn` only, for the same reason as `scan`. */
  look?: RegExp;
}

// Pages rarely see more than a few active sets; the bound only guards against a caller
// that builds a new set per text node.
const PATTERN_CACHE_LIMIT = 64;
const SURFACE_CACHE_LIMIT = 10_000;

/**
 * Every form in claim order: listed forms of every term first, then the plurals the
 * matcher adds, so a listed form always beats a generated one and earlier terms beat
 * later ones.
 */
function* ownedForms(terms: readonly MatchableTerm[]): Generator<OwnedForm> {
  const owned = (form: string, term: MatchableTerm): OwnedForm => ({
    tokens: tokenize(form, term.caseSensitive),
    caseSensitive: term.caseSensitive,
    owner: term.id,
  });
  for (const term of terms) for (const form of term.forms) yield owned(form, term);
  for (const term of terms) {
    for (const form of term.forms) {
      const plural = regularPlural(form.trim(), term.caseSensitive);
      if (plural) yield owned(plural, term);
    }
  }
}

/** All forms into one trie, in claim order (the pattern is rendered from it). */
function buildTrie(terms: readonly MatchableTerm[]): TrieNode {
  const root = emptyNode();
  for (const { tokens, owner } of ownedForms(terms)) if (tokens.length) insert(root, tokens, owner);
  return root;
}

/**
 * Compiles the glossary; the trie and the patterns for each active set are built on first
 * use and cached, so a page that fails the prefilter (most pages) never pays for them.
 * Context words are matched like case-insensitive terms, so "muscles" counts for
 * "muscle". A form claimed by two terms belongs to the first one listed.
 */
export function compileMatcher(
  terms: readonly MatchableTerm[],
  options: PrebuiltSources = {},
  /** Build the prefilter on first use instead of now (a matcher that may never need it). */
  lazyPrefilter = false,
): Matcher {
  let trie: TrieNode | undefined;
  const root = () => (trie ??= buildTrie(terms));
  let owners: SurfaceIndex | undefined;
  const index = () =>
    (owners ??= options.surfaces
      ? surfaceIndexOf(options.surfaces)
      : indexSurfaces(ownedForms(terms)));
  const ids = new Set(terms.map((t) => t.id));
  const patterns = new Map<string, Compiled | null>();
  const surfaces = new Map<string, string | undefined>();

  const compiled = (active?: ReadonlySet<string>): Compiled | null => {
    const key = active ? JSON.stringify([...active].filter((id) => ids.has(id)).sort()) : '*';
    if (patterns.has(key)) return patterns.get(key)!;
    const all = !active || [...ids].every((id) => active.has(id));
    let source: string | null;
    if (all && options.allTermsSource) source = options.allTermsSource;
    else {
      const rendered = renderTrie(root(), {
        isActive: active ? (id) => active.has(id) : () => true,
      });
      source = rendered && rendered.source + AFTER_MATCH;
    }
    const entry = source === null ? null : { source };
    if (patterns.size >= PATTERN_CACHE_LIMIT) patterns.clear();
    patterns.set(key, entry);
    return entry;
  };

  const termIdOf = (surface: string): string | undefined => {
    if (surfaces.has(surface)) return surfaces.get(surface);
    const id = ownerOf(index(), surface);
    if (surfaces.size >= SURFACE_CACHE_LIMIT) surfaces.clear();
    surfaces.set(surface, id);
    return id;
  };

  const match = (text: string, active?: ReadonlySet<string>): Span[] => {
    const entry = compiled(active);
    if (!entry) return [];
    const re = (entry.scan ??= new RegExp(entry.source, 'gu'));
    const spans: Span[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const termId = termIdOf(m[0]);
      if (termId !== undefined) spans.push({ start: m.index, end: m.index + m[0].length, termId });
    }
    return spans;
  };

  let context: ContextFinder | undefined;
  const finder = () => (context ??= contextFinder(terms, options));
  let filters: ReturnType<typeof prefilters> | undefined;
  const filter = () => (filters ??= prefilters(terms.flatMap((t) => t.forms)));
  // Every page's start() needs the page-wide scan: built with the matcher, before the
  // page is read (the rest of the prefilter is made on first use).
  if (!lazyPrefilter) filter();
  const contextual = new Set(terms.filter((t) => t.context?.length).map((t) => t.id));
  let vouch: ReturnType<typeof voucher> | undefined;
  // The shared forms as a glossary of their own, built at the first question: its surface
  // index names a matched surface's form as termIdOf names its term. Case-insensitive: it
  // is only asked about surfaces `match` found, so "Reactive oxygen species" is the shared
  // "reactive oxygen species" however an acronym's term spells its capitalised forms.
  let shared: Matcher | null | undefined;
  const sharedForms = () => {
    if (shared !== undefined) return shared;
    const sharing = terms
      .filter((t) => t.shared && Object.keys(t.shared).length)
      .map((t) => ({ id: t.id, forms: Object.keys(t.shared!), caseSensitive: false }));
    return (shared = sharing.length ? compileMatcher(sharing, {}, true) : null);
  };
  const test = (text: string, active?: ReadonlySet<string>): boolean => {
    const entry = compiled(active);
    return !!entry && (entry.probe ??= new RegExp(entry.source, 'u')).test(text);
  };

  return {
    size: ids.size,
    isShared: (surface) => sharedForms()?.termIdOf(surface) !== undefined,
    prepare: () => void index(),
    surfaceIndex: () => surfaceData(index()),
    get prefilter() {
      return filter().prefilter;
    },
    scanAnchors: (text) => filter().scan?.(text) ?? null,
    activeIds(pageText) {
      const found = finder().wordsIn(pageText);
      const usable = terms.filter((t) => !t.context?.length || servedByWords(t, found));
      return new Set(usable.map((t) => t.id));
    },
    contextual,
    servedBy: (surface) => (vouch ??= voucher(terms, finder()))(surface),
    pattern(active) {
      const entry = compiled(active);
      return entry && new RegExp(entry.source, 'gu');
    },
    termIdOf,
    match,
    test,
    mayHold: (text) => filter().prefilter.test(text) && test(text),
    surfacesIn(text) {
      const entry = compiled();
      if (!entry) return [];
      // Its own RegExp, so no other loop's lastIndex moves; V8 compiles each source once.
      const re = (entry.look ??= new RegExp(entry.source, 'gu'));
      const out: string[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[0]);
      return out;
    },
  };
}

/**
 * servedBy for a glossary: a surface's words (split at the separators the pattern reads
 * between words) named as the context finder names what it matches. Each word so found
 * is whole: the match around it began and ended at word boundaries and passed the URL
 * guards, and a separator is no word character.
 */
function voucher(
  terms: readonly MatchableTerm[],
  finder: ContextFinder,
): (surface: string) => readonly string[] {
  // Context word → the terms it serves (activeIds' rule: any of a term's words).
  const served = new Map<string, string[]>();
  for (const t of terms) {
    for (const w of t.context ?? []) {
      const ids = served.get(w.toLowerCase()) ?? [];
      if (!ids.includes(t.id)) ids.push(t.id);
      served.set(w.toLowerCase(), ids);
    }
  }
  // Surfaces and their words repeat page after page: both are remembered.
  const byWord = new Map<string, readonly string[]>();
  const ofWord = (word: string): readonly string[] => {
    let ids = byWord.get(word);
    if (!ids) {
      const id = finder.wordOf(word);
      ids = (id !== undefined && served.get(id)) || [];
      if (byWord.size >= SURFACE_CACHE_LIMIT) byWord.clear();
      byWord.set(word, ids);
    }
    return ids;
  };
  const bySurface = new Map<string, readonly string[]>();
  return (surface) => {
    let ids = bySurface.get(surface);
    if (!ids) {
      const found = new Set<string>();
      for (const word of surface.split(SEPARATOR_RUN)) for (const id of ofWord(word)) found.add(id);
      ids = [...found];
      if (bySurface.size >= SURFACE_CACHE_LIMIT) bySurface.clear();
      bySurface.set(surface, ids);
    }
    return ids;
  };
}

/** Does a set of context words found (their ids, lower case) serve this term? */
const servedByWords = (t: MatchableTerm, found: ReadonlySet<string>): boolean =>
  !!t.context?.some((w) => found.has(w.toLowerCase()));

/** The context words of `terms` as terms of their own (id: the word in lower case). */
export function contextTerms(terms: readonly MatchableTerm[]): MatchableTerm[] {
  const words = new Set(terms.flatMap((t) => t.context ?? []).map((w) => w.toLowerCase()));
  return [...words].map((w) => ({ id: w, forms: [w], caseSensitive: false }));
}

interface ContextFinder {
  /** The context words (lower case) that occur in a text, by the matcher's own rules. */
  wordsIn(text: string): Set<string>;
  /** The context word one word of a matched surface is, if any. */
  wordOf(word: string): string | undefined;
}

/** Finds which context words of the glossary occur in a page, with the matcher's own rules. */
function contextFinder(terms: readonly MatchableTerm[], prebuilt: PrebuiltSources): ContextFinder {
  const needing = terms.filter((t) => t.context?.length);
  const finder = needing.length
    ? compileMatcher(
        contextTerms(terms),
        { allTermsSource: prebuilt.contextSource, surfaces: prebuilt.contextSurfaces },
        true,
      )
    : undefined;
  return {
    wordOf: (word) => finder?.termIdOf(word),
    wordsIn(text) {
      const found = new Set<string>();
      const re = finder?.pattern();
      if (!finder || !re) return found;
      // Stop as soon as every term that needs context has one of its words: most pages
      // answer in their first paragraphs (waiting for every word read whole pages).
      const pending = new Set(needing);
      for (let m = re.exec(text); m && pending.size; m = re.exec(text)) {
        const id = finder.termIdOf(m[0]);
        if (id === undefined) continue;
        found.add(id);
        for (const t of pending) if (servedByWords(t, found)) pending.delete(t);
      }
      return found;
    },
  };
}
