/**
 * A cheap necessary condition for a match: one short, case-insensitive alternation of a
 * literal word of every form (its anchor), each at a word start, and for one text node
 * also ending its word (with a plural ending where the form allows one). V8 scans such a
 * pattern many times faster than the full matcher (no lookarounds, no case classes), so
 * text without any candidate, which is nearly all text on most pages, never reaches the
 * full pattern, and a page whose words only start like an anchor ("aktuell", "falling")
 * never compiles it.
 */

import { SEPARATOR_RUN } from './chars';
import { regularPlural } from './forms';

/** Stands for a separator between the words of a phrase (no form's character is one). */
const SEP = '\u0001';
/** Any separator run between words: a superset of the matcher's SEPARATOR, cheaper to compile. */
const SEP_SOURCE = SEPARATOR_RUN.source;

const escape = (s: string) =>
  s === SEP ? SEP_SOURCE : s === "'" ? "['\u2019]" : s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** A form's anchor and what may follow it in a match of that form. */
interface Anchor {
  anchor: string;
  /**
   * What may follow the anchor to end a word of the form, lowercase: "" for a word
   * before a separator; for the form's last word, what the word and its regular plural
   * add to their common start ("pathway": "", "s"; "frailty": "y", "ies").
   */
  endings: string[];
  /** All of the form's words, SEP between them, if all are plain ASCII. */
  phrase: Anchor | null;
}

const ascii = (s: string) => /^[\x20-\x7e]+$/.test(s);

/** The last word of a form and of its plurals (either case rule), as stem and endings. */
function lastWord(form: string, word: string): { stem: string; endings: string[] } {
  const lower = word.toLowerCase();
  const plurals = [regularPlural(form, false), regularPlural(form, true)]
    .filter((p): p is string => p !== undefined)
    .map((p) => p.split(SEPARATOR_RUN).filter(Boolean).at(-1)!.toLowerCase());
  let stem = lower;
  for (const p of plurals) {
    let n = 0;
    while (n < stem.length && n < p.length && stem[n] === p[n]) n++;
    stem = stem.slice(0, n);
  }
  const endings = [...new Set([lower, ...plurals].map((w) => w.slice(stem.length)))];
  return { stem, endings };
}

function anchorOf(form: string): Anchor | null {
  const trimmed = form.trim();
  const runs = trimmed.split(SEPARATOR_RUN).filter(Boolean);
  if (!runs.length) return null;
  let best = 0;
  runs.forEach((run, i) => {
    if (run.length > runs[best]!.length) best = i;
  });
  const end = lastWord(trimmed, runs.at(-1)!);
  const isLast = best === runs.length - 1;
  const anchor = isLast ? end.stem : runs[best]!.toLowerCase();
  if (!anchor || !ascii(runs[best]!)) return null;
  let phrase: Anchor | null = null;
  if (runs.length > 1 && runs.every(ascii)) {
    const words = [...runs.slice(0, -1).map((r) => r.toLowerCase()), end.stem];
    phrase = { anchor: words.join(SEP), endings: end.endings, phrase: null };
  }
  return { anchor, endings: isLast ? end.endings : [''], phrase };
}

/**
 * The anchor of a form: its longest run between separators (which the text may spell
 * with any separator), lowercased; when that is the last run, only the start it shares
 * with its regular plurals ("frailt" for frailty/frailties). null when that run is not
 * plain ASCII (then no safe prefilter exists).
 */
export function stemOf(form: string): string | null {
  return anchorOf(form)?.anchor ?? null;
}

/**
 * The anchors as one alternation shaped like a trie ("s(?:arcop|uppl)|v(?:dr|itamin)"):
 * V8 dispatches on each character instead of trying every anchor at every position,
 * about 4x faster than the flat list on long prose. Without `end`, an anchor matches as
 * a prefix (a shorter one makes longer ones redundant); with it, `end(anchor)` follows.
 */
function alternation(words: readonly string[], end?: (anchor: string) => string): string {
  return branches(words, '', end).join('|');
}

function branches(
  words: readonly string[],
  prefix: string,
  end?: (anchor: string) => string,
): string[] {
  const byFirst = new Map<string, string[]>();
  for (const w of words) {
    const rest = byFirst.get(w[0]!) ?? [];
    rest.push(w.slice(1));
    byFirst.set(w[0]!, rest);
  }
  const parts: string[] = [];
  for (const [first, rests] of byFirst) {
    const word = prefix + first;
    const more = rests.filter((r) => r !== '');
    if (rests.length > more.length) {
      // As a prefix, the shorter anchor already fires: nothing longer adds anything.
      if (!end) {
        parts.push(escape(first));
        continue;
      }
      const tail = end(word);
      parts.push(
        escape(first) +
          (more.length ? '(?:' + [...branches(more, word, end), tail].join('|') + ')' : tail),
      );
      continue;
    }
    const next = branches(more, word, end);
    parts.push(escape(first) + (next.length === 1 ? next[0] : '(?:' + next.join('|') + ')'));
  }
  return parts;
}

/** The anchors of a set of forms; null when some form has none (then no prefilter). */
function anchorsOf(forms: Iterable<string>): Anchor[] | null {
  const found: Anchor[] = [];
  for (const form of forms) {
    const anchor = anchorOf(form);
    if (anchor === null) return null;
    found.push(anchor);
  }
  return found;
}

/**
 * The anchors by anchor text, sorted. With `phrases`, a form of several plain-ASCII words
 * is anchored by all of them ("age-related muscle loss", not "related"): a text node
 * holds a match only if it holds the whole form.
 */
function byAnchor(found: readonly Anchor[], phrases: boolean): Map<string, Anchor[]> {
  const anchors = new Map<string, Anchor[]>();
  for (const f of found) {
    const anchor = (phrases && f.phrase) || f;
    anchors.set(anchor.anchor, [...(anchors.get(anchor.anchor) ?? []), anchor]);
  }
  return new Map([...anchors].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const isWordy = (anchor: string) => /^\w/.test(anchor);

/**
 * The prefilter for a set of forms: any anchor as a whole word (`whole`, the default: true
 * for every text node in which a form can match) or as the start of a word (true for the
 * concatenated text of any number of nodes too). Matches everything when some form has
 * no anchor, so it never hides a match.
 */
export function prefilterFor(forms: Iterable<string>, whole = true): RegExp {
  const found = anchorsOf(forms);
  if (!found) return /(?:)/;
  return new RegExp(prefilterSource(byAnchor(found, whole), whole), 'i');
}

/**
 * The alternation at word starts. As prefixes (`whole` false), an anchor fires wherever a
 * word starts with it. As whole words (`whole` true), an anchor must also end its word,
 * or end it with a plural ending when it is a form's last run: "akt" no longer fires on
 * "aktuell", nor "fall" on "falling", while "Akts" and "falls" still do. The whole-word
 * test holds for a text node alone; across the text of many nodes a word may run on into
 * the next node, so the scan of a page's whole text uses prefixes.
 */
function prefilterSource(anchors: Map<string, Anchor[]>, whole: boolean): string {
  // \b only before a word character: "(OH)"-like anchors may start after anything.
  const list = [...anchors.keys()];
  const wordy = list.filter(isWordy);
  const other = list.filter((a) => !isWordy(a));
  const end = whole
    ? (anchor: string) => {
        const endings = new Set(anchors.get(anchor)!.flatMap((f) => f.endings));
        const some = [...endings].filter(Boolean).sort();
        const optional = endings.has('') ? '?' : '';
        const ending = some.length ? `(?:${some.join('|')})${optional}` : '';
        // A word boundary after a word character only: "(OH)" may be followed by anything.
        return ending + (/\w$/.test(anchor) ? '\\b' : '');
      }
    : undefined;
  const branches = [];
  if (wordy.length) branches.push('\\b(?:' + alternation(wordy, end) + ')');
  if (other.length) branches.push(alternation(other, end));
  return branches.join('|') || '(?!)';
}

/** Text scanned per step of an AnchorScan: a bounded slice of work on any page. */
const SCAN_CHUNK = 65_536;

/** Is this UTF-16 code an ASCII word character, what the prefilter's \b looks at (no u flag)? */
const isWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Where the prefilter could fire in the pieces of one text: built from the concatenation
 * of many pieces (an element's textContent is the concatenation of its text nodes), it
 * answers, piece by piece and in order, whether `prefilter.test(piece)` could be true,
 * without the piece's own string. Reading each text node's data to test it costs the
 * browser a string per node, more than the test (measured on the 3 MB bench page).
 *
 * The prefilter runs over the whole text in chunks, every match kept (overlapping ones
 * too). A piece may pass when such a match starts inside it; or when the piece starts in
 * the middle of a word of the whole text ("<b>Vit</b>amin") and an anchor starts right
 * there, which the prefilter's \b misses in the whole text but sees in the piece alone.
 * An anchor running past the piece's end still counts: the answer may be a false "yes"
 * (the caller tests the piece itself then), never a false "no".
 */
export class AnchorScan {
  private readonly starts: number[] = [];
  private next = 0;
  private scanned = 0;
  /** The first start at or after the last piece asked about. */
  private upcoming = -1;

  constructor(
    /** The anchors as word starts, with the g flag. */
    private readonly global: RegExp,
    /** Anchors that start with a word character, with the y flag (made on first use). */
    private readonly midWord: () => RegExp | null,
    private readonly longest: number,
    /** The text the pieces concatenate to. */
    readonly text: string,
  ) {}

  /** Could the piece at [pos, pos + length) pass the prefilter? Ask in increasing pos. */
  anyIn(pos: number, length: number): boolean {
    if (this.upcoming < pos) this.upcoming = this.firstFrom(pos);
    if (this.upcoming < pos + length) return true;
    const { text } = this;
    if (pos === 0 || length === 0) return false;
    if (!isWordCode(text.charCodeAt(pos - 1)) || !isWordCode(text.charCodeAt(pos))) return false;
    const sticky = this.midWord();
    if (!sticky) return false;
    sticky.lastIndex = pos;
    return sticky.test(text);
  }

  /** The first start at or after pos, scanning more text as needed; Infinity if none. */
  private firstFrom(pos: number): number {
    const { starts } = this;
    for (;;) {
      while (this.next < starts.length && starts[this.next]! < pos) this.next++;
      if (this.next < starts.length) return starts[this.next]!;
      if (this.scanned >= this.text.length) return Infinity;
      this.scan();
    }
  }

  /** Finds the prefilter's matches in the next chunk of text. */
  private scan(): void {
    const { text, global } = this;
    const from = this.scanned;
    const to = Math.min(text.length, from + SCAN_CHUNK);
    // The chunk plus room for an anchor that starts in it to end. (\b holds at the slice's
    // start whatever comes before: at most one extra "yes" per chunk.)
    const piece = text.slice(from, to + this.longest);
    global.lastIndex = 0;
    for (let m = global.exec(piece); m && m.index < to - from; m = global.exec(piece)) {
      this.starts.push(from + m.index);
      // Overlapping matches too: "1/akt/foxo" must not hide the "akt" inside it.
      global.lastIndex = m.index + 1;
    }
    this.scanned = to;
  }
}

/**
 * The prefilter of a set of forms and its scanner, from one list of anchors: `scan(text)`
 * makes an AnchorScan over a text (its RegExps are made on first use), or is null when
 * some form has no anchor (the prefilter then accepts everything).
 */
export function prefilters(forms: Iterable<string>): {
  readonly prefilter: RegExp;
  scan: ((text: string) => AnchorScan) | null;
} {
  const found = anchorsOf(forms);
  if (!found) return { prefilter: /(?:)/, scan: null };
  if (!found.length) return { prefilter: /(?!)/, scan: null };
  // Every page's start() scans its text with this one: made with the matcher. The others
  // are made on first use: a page where no term may start never needs them.
  const anchors = byAnchor(found, false);
  const list = [...anchors.keys()];
  const global = new RegExp(prefilterSource(anchors, false), 'gi');
  const wordy = list.filter(isWordy);
  let sticky: RegExp | null | undefined;
  const midWord = () => (sticky ??= wordy.length ? new RegExp(alternation(wordy), 'iy') : null);
  const longest = Math.max(...list.map((a) => a.length));
  let prefilter: RegExp | undefined;
  return {
    get prefilter() {
      return (prefilter ??= new RegExp(prefilterSource(byAnchor(found, true), true), 'i'));
    },
    scan: (text) => new AnchorScan(global, midWord, longest, text),
  };
}

/** Runs of the characters the prefilter's \b counts as a word's (ASCII, no u flag). */
const WORD_RUNS = /[A-Za-z0-9_]+/g;

/**
 * The words of a cheaper first test than the whole-word prefilter: every text the
 * prefilter (`prefilterFor(forms)`) accepts holds one of them as a whole ASCII word,
 * lowercased. Each is one run of word characters of an anchor, its longest (the rarest,
 * as a rule: "twitch" of "fast-twitch", not "fast"; of equal ones, the last with a
 * letter: "2d" of "1,25(OH)2D", not "25"). Any run of an anchor is a
 * whole word of a text the anchor matches: before it comes \b (a wordy anchor's start)
 * or a non-word character of the anchor (a separator, a parenthesis), and after it a
 * non-word character of the anchor or, where the run ends the anchor, one of its endings
 * and \b. So a text none of whose words is in this set cannot pass the prefilter, and
 * need not compile it. null when the prefilter accepts everything (then so must this
 * test); empty when it accepts nothing.
 */
export function prefilterWords(forms: Iterable<string>): string[] | null {
  const found = anchorsOf(forms);
  if (!found) return null;
  const words = new Set<string>();
  const weight = (run: string) => run.length * 2 + (/[a-z]/i.test(run) ? 1 : 0);
  for (const [anchor, list] of byAnchor(found, true)) {
    let run: RegExpExecArray | undefined;
    for (const m of anchor.matchAll(WORD_RUNS)) if (!run || weight(m[0]) >= weight(run[0])) run = m;
    if (!run) return null;
    const word = run[0].toLowerCase();
    if (run.index + word.length < anchor.length) words.add(word);
    else for (const ending of new Set(list.flatMap((f) => f.endings))) words.add(word + ending);
  }
  return [...words].sort();
}
