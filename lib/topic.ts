/**
 * The page-topic gate. Many of the guide's forms are everyday words in other fields
 * ("protein synthesis" in a game, "oxidative stress" on a lubricant, "ROS" in robotics),
 * where the guide's explanation, about muscle and vitamin D, would mislead. Such a
 * *shared* form (glossary.yaml's `shared`) is shown only on a page about the body; the
 * guide's *specific* forms ("sarcopenia", "vitamin D") are shown anywhere.
 *
 * Whether a page is about the body is decided once per root, from its text: the cue
 * words of content/topic.ts and the specific guide terms it names, their variety (score)
 * and how often they come (density). No DOM here: tests/unit/topic.test.ts gives it
 * plain strings.
 */
import { TOPIC_CUES, TOPIC_THRESHOLD, TOPIC_WINDOW } from '@/content/topic';
import type { Matcher } from './matcher';

/** What the reader asks of the glossary's matcher. */
type ReaderMatcher = Pick<Matcher, 'isShared' | 'pattern' | 'termIdOf'>;

/** The cue words (content/topic.ts). */
export interface TopicCues {
  strong: readonly string[];
  weak: readonly string[];
}

/** When evidence makes a page on topic (content/topic.ts). */
export interface TopicThreshold {
  minScore: number;
  /** Cue hits per 10,000 characters of text. */
  minDensity: number;
}

/** What a text shows of its topic; evidence from text that arrives later is added to it. */
export class TopicEvidence {
  readonly strong = new Set<string>();
  readonly weak = new Set<string>();
  /** Ids of the specific guide terms named. */
  readonly specific = new Set<string>();
  hits = 0;
  chars = 0;

  /**
   * 3 per distinct specific guide term (used in no other sense, so the surest sign), 2 per
   * distinct strong cue, 1 per distinct weak cue.
   */
  get score(): number {
    return 3 * this.specific.size + 2 * this.strong.size + this.weak.size;
  }

  /** Hits per 10,000 characters. */
  get density(): number {
    return this.chars ? (this.hits * 10_000) / this.chars : 0;
  }

  /** Adds what another text showed. */
  add(other: TopicEvidence): void {
    for (const c of other.strong) this.strong.add(c);
    for (const c of other.weak) this.weak.add(c);
    for (const id of other.specific) this.specific.add(id);
    this.hits += other.hits;
    this.chars += other.chars;
  }
}

/** Reads texts for the gate. */
export interface TopicReader {
  /** Is this surface (one the matcher matched) a shared form? */
  isShared(surface: string): boolean;
  /**
   * The evidence in a text's first `window` characters. Reading stops once the text is
   * known to be on topic, so the evidence of such a text is a lower bound.
   */
  read(text: string): TopicEvidence;
  /** Is a page with this evidence about the body? */
  onTopic(evidence: TopicEvidence): boolean;
}

/**
 * The cue words as one plain RegExp: whole words (no Latin letter or digit on either
 * side: the cues are English), hyphen and space equal, plural -s/-es. Far lighter than a
 * glossary pattern: the matcher's kind of pattern for the cues cost a slice ~45 ms on its
 * first use, a Unicode-aware one still ~20 ms (its \p{L} tables), this one under 1 ms.
 */
function cueScanner(cues: readonly string[]): {
  re: RegExp;
  cueOf(found: string): string | undefined;
} {
  const escape = (c: string) =>
    c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-\s]+/g, '[-\\s\\u00AD]+');
  const byKey = new Map(cues.map((c) => [key(c), c]));
  const alternatives = [...cues].sort((a, b) => b.length - a.length).map(escape);
  return {
    re: new RegExp(
      `(?<![\\w\\u00C0-\\u024F])(?:${alternatives.join('|')})(?:e?s)?(?![\\w\\u00C0-\\u024F])`,
      'gi',
    ),
    cueOf(found) {
      const k = key(found);
      return byKey.get(k) ?? byKey.get(k.replace(/s$/, '')) ?? byKey.get(k.replace(/es$/, ''));
    },
  };
}

/** A cue or a found cue as compared: lower case, any run of hyphens and spaces one space. */
const key = (s: string) => s.toLowerCase().replace(/[-\s\u00AD]+/g, ' ');

/** A reader over a glossary's matcher; the cue pattern is made on first use. */
export function topicReader(
  matcher: ReaderMatcher,
  cues: TopicCues,
  threshold: TopicThreshold,
  window: number,
): TopicReader {
  let scanner: ReturnType<typeof cueScanner> | undefined;
  const strong = new Set(cues.strong);
  const onTopic = (e: TopicEvidence) =>
    e.score >= threshold.minScore && e.density >= threshold.minDensity;
  return {
    isShared: (surface) => matcher.isShared(surface),
    read(text) {
      const t = text.length > window ? text.slice(0, window) : text;
      const e = new TopicEvidence();
      e.chars = t.length;
      // Enough hits for the density over all of `t`: once the score is there too, the
      // rest of the text cannot undo it (a page about the body decides in its first lines).
      const enough = Math.ceil((threshold.minDensity * t.length) / 10_000);
      const done = () => e.hits >= enough && e.score >= threshold.minScore;
      scanner ??= cueScanner([...cues.strong, ...cues.weak]);
      const cuesRe = scanner.re;
      cuesRe.lastIndex = 0;
      for (let m = cuesRe.exec(t); m && !done(); m = cuesRe.exec(t)) {
        const id = scanner.cueOf(m[0]);
        if (id === undefined) continue;
        (strong.has(id) ? e.strong : e.weak).add(id);
        e.hits++;
      }
      const termsRe = matcher.pattern();
      for (let m = termsRe?.exec(t); m && !done(); m = termsRe!.exec(t)) {
        const id = matcher.termIdOf(m[0]);
        if (id === undefined || matcher.isShared(m[0])) continue;
        e.specific.add(id);
        e.hits++;
      }
      return e;
    },
    onTopic,
  };
}

const pageReaders = new WeakMap<ReaderMatcher, TopicReader>();

/**
 * The reader the content script uses: content/topic.ts's cue words, thresholds and
 * window. One per matcher, so its cue pattern is made once per tab.
 */
export function pageTopicReader(matcher: ReaderMatcher): TopicReader {
  let reader = pageReaders.get(matcher);
  if (!reader)
    pageReaders.set(
      matcher,
      (reader = topicReader(matcher, TOPIC_CUES, TOPIC_THRESHOLD, TOPIC_WINDOW)),
    );
  return reader;
}

/**
 * The gate of one root. Shared forms wait for the decision, made from the root's text at
 * the first shared match; text the root gains later adds its evidence, and when that
 * turns an off-topic root on topic, the caller reads the root again.
 */
export class TopicGate {
  private evidence: TopicEvidence | undefined;
  private on: boolean | undefined;
  /** A shared form was kept off this root: new evidence matters. */
  private dropped = false;

  constructor(
    private readonly reader: TopicReader,
    /** The root's whole text (read once per decision). */
    private readonly page: () => string,
  ) {}

  /** May a match with this surface be shown? */
  allows(surface: string): boolean {
    if (!this.reader.isShared(surface)) return true;
    if (this.on === undefined) {
      this.evidence = this.reader.read(this.page());
      this.on = this.reader.onTopic(this.evidence);
    }
    if (!this.on) this.dropped = true;
    return this.on;
  }

  /** Does new text matter to the gate (a shared form was kept off for want of topic)? */
  get waiting(): boolean {
    return this.dropped && this.on === false;
  }

  /** New text came to the root: true when it makes the root on topic (read it again). */
  arrived(text: string): boolean {
    if (!this.waiting || !this.evidence) return false;
    this.evidence.add(this.reader.read(text));
    if (!this.reader.onTopic(this.evidence)) return false;
    this.on = true;
    this.dropped = false;
    return true;
  }

  /** Forget the decision (the root is read again from the start). */
  reset(): void {
    this.evidence = undefined;
    this.on = undefined;
    this.dropped = false;
  }
}
