/**
 * The generated benchmark pages, deterministic from a seed. Each generator also returns
 * the strings of the text nodes it wrote, so the reference count is computed from the
 * generator's own strings in Node, never from the DOM.
 */
import { glossary } from '../../content/glossary-index';
import { regularPlural } from '../../lib/matcher/forms';
import { Rng } from './prng';

/** A generated page: its HTML and the text nodes it holds (in body, in document order). */
export interface GeneratedPage {
  html: string;
  /** Every text node under <body> (scripts in <head> only, so none of them). */
  texts: string[];
  /** The text nodes outside elements MyoLens never marks (code, pre, buttons, ...). */
  markable: string[];
  /** Page (c): the text nodes each appended batch adds, in order. */
  batches?: { texts: string[]; markable: string[] }[];
}

// Plain words that are no glossary form and no context word, so the term rate is ours.
const FILLER = (
  'the of and to in a is that for it as was with be by on not he this are or his from at ' +
  'which but have an they you were her she there been one all we their has would when if ' +
  'so no what up out about into than them can only other new some could time these two ' +
  'may then first any like now such our over even most made after also did many before ' +
  'must through back years where much your way well down should because each just those ' +
  'people how too little state good very make world still own see men work long get here ' +
  'between both life being under never day same another know while last might us great ' +
  'old year off come since against go came right used take three study trial patients ' +
  'group results data analysis effect levels older adults daily dose weeks months risk ' +
  'clinical participants measured reported increase decrease baseline outcome function ' +
  'performance physical activity walking speed balance bone health diet sunlight serum ' +
  'blood test winter summer hospital elderly women population review evidence authors'
).split(' ');

// Words that come close to a term without being one: the matcher must leave them alone.
const NEAR_MISSES = [
  'Rosemary',
  'rose',
  'ros',
  'Akten',
  'vitamins',
  'sarcopenias.org',
  'protein',
  'kinase',
];

// Context words that make the ambiguous acronyms (VDR, ROS, Akt, FOXO) markable.
const CONTEXT = ['muscle', 'muscles', 'protein', 'oxidative', 'vitamin', 'pathway', 'gene'];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * Every surface a page may use for each term (its forms, their plurals, capitalised and
 * hyphen-less variants), grouped by term so a page can pick a term first, then a form.
 */
function surfacesByTerm(): string[][] {
  return glossary.map((term) => {
    const out: string[] = [];
    for (const form of term.forms) {
      out.push(form);
      const plural = regularPlural(form, term.caseSensitive);
      if (plural) out.push(plural);
      if (!term.caseSensitive && /^\p{Ll}/u.test(form))
        out.push(form[0]!.toUpperCase() + form.slice(1));
      if (form.includes('-')) out.push(form.replace(/-/g, ' '));
    }
    return out;
  });
}

const BY_TERM = surfacesByTerm();
// In glossary order, as pages (a)-(c) have always drawn them (their seeds give the same pages).
const SURFACES = BY_TERM.flat();

/**
 * Writes HTML and records each text node exactly as the parser will create it: adjacent
 * text() calls merge into one node, as they would in the DOM.
 */
class PageWriter {
  private readonly parts: string[] = [];
  readonly texts: string[] = [];
  readonly markable: string[] = [];
  private excluded = 0;
  private lastWasText = false;
  /** Characters of HTML written so far (the pages are ASCII but for a few punctuation marks). */
  length = 0;

  raw(html: string): void {
    this.parts.push(html);
    this.length += html.length;
    this.lastWasText = false;
  }

  /** A newline between blocks: a whitespace text node in the DOM, like real pages have. */
  newline(): void {
    this.text('\n');
  }

  open(tag: string, attrs = '', exclude = false): void {
    this.raw(`<${tag}${attrs ? ' ' + attrs : ''}>`);
    if (exclude) this.excluded++;
  }

  close(tag: string, exclude = false): void {
    this.raw(`</${tag}>`);
    if (exclude) this.excluded--;
  }

  text(s: string): void {
    if (!s) return;
    const html = escapeHtml(s);
    this.parts.push(html);
    this.length += html.length;
    if (this.lastWasText) {
      this.texts[this.texts.length - 1] += s;
      if (!this.excluded) this.markable[this.markable.length - 1] += s;
    } else {
      this.texts.push(s);
      if (!this.excluded) this.markable.push(s);
    }
    this.lastWasText = true;
  }

  /** The HTML written so far, and a fresh start for the next part. */
  take(): { html: string; texts: string[]; markable: string[] } {
    const out = { html: this.parts.join(''), texts: [...this.texts], markable: [...this.markable] };
    this.parts.length = 0;
    this.length = 0;
    this.texts.length = 0;
    this.markable.length = 0;
    this.lastWasText = false;
    return out;
  }
}

/** Sentences of filler with a glossary surface about once per `wordsPerTerm` words. */
class Prose {
  constructor(
    private readonly rng: Rng,
    private readonly wordsPerTerm: number,
  ) {}

  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = this.rng.float();
      if (this.wordsPerTerm > 0 && r < 1 / this.wordsPerTerm) out.push(this.rng.pick(SURFACES));
      else if (this.wordsPerTerm > 0 && r < 0.01) out.push(this.rng.pick(CONTEXT));
      else if (this.wordsPerTerm > 0 && r < 0.012) out.push(this.rng.pick(NEAR_MISSES));
      else out.push(this.rng.pick(FILLER));
    }
    return out.join(' ');
  }

  sentence(n: number): string {
    const s = this.words(n);
    return s[0]!.toUpperCase() + s.slice(1) + (this.rng.chance(0.1) ? ', ' : '. ');
  }
}

/** One paragraph of about `words` words, some of them inside inline elements. */
function paragraph(w: PageWriter, prose: Prose, rng: Rng, words: number): void {
  w.open('p');
  let left = words;
  while (left > 0) {
    const n = Math.min(left, rng.int(4, 12));
    w.text(prose.sentence(n));
    left -= n;
    if (left > 0 && rng.chance(0.35)) {
      const tag = rng.pick(['em', 'strong', 'a']);
      const k = Math.min(left, rng.int(1, 4));
      w.open(tag, tag === 'a' ? 'href="#r"' : '');
      w.text(prose.words(k));
      w.close(tag);
      w.text(' ');
      left -= k;
    }
  }
  w.close('p');
  w.newline();
}

function list(w: PageWriter, prose: Prose, rng: Rng): void {
  w.open('ul');
  for (let i = rng.int(3, 6); i > 0; i--) {
    w.open('li');
    w.text(prose.sentence(rng.int(5, 12)));
    w.close('li');
  }
  w.close('ul');
  w.newline();
}

function table(w: PageWriter, prose: Prose, rng: Rng): void {
  w.open('table');
  w.open('tbody');
  for (let r = 0; r < 4; r++) {
    w.open('tr');
    for (let c = 0; c < 4; c++) {
      const tag = r === 0 ? 'th' : 'td';
      w.open(tag);
      w.text(prose.words(rng.int(1, 5)));
      w.close(tag);
    }
    w.close('tr');
  }
  w.close('tbody');
  w.close('table');
  w.newline();
}

/** Code and a button: terms inside must never be marked. */
function excluded(w: PageWriter, prose: Prose): void {
  w.open('pre', '', true);
  w.open('code', '', true);
  w.text(`const note = "${prose.words(12)}";`);
  w.close('code', true);
  w.close('pre', true);
  w.open('p');
  w.text('Press ');
  w.open('button', '', true);
  w.text(prose.words(3));
  w.close('button', true);
  w.text(' to continue.');
  w.close('p');
  w.newline();
}

const HEAD = (title: string, extra = '') =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
  `<title>${title}</title>` +
  '<style>body{font:16px/1.5 Georgia,serif;max-width:46em;margin:1em auto;padding:0 1em}' +
  'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>' +
  `${extra}</head><body>`;

/** A stretch of article: paragraphs with headings, lists, tables and code between them. */
function article(w: PageWriter, prose: Prose, rng: Rng, paragraphs: number, first = 0): void {
  for (let i = first; i < first + paragraphs; i++) {
    if (i % 40 === 0) {
      w.open('h2');
      w.text(prose.sentence(rng.int(3, 7)).trim());
      w.close('h2');
      w.newline();
    }
    paragraph(w, prose, rng, rng.int(10, 30));
    if (i % 25 === 12) list(w, prose, rng);
    if (i % 60 === 30) table(w, prose, rng);
    if (i % 200 === 100) excluded(w, prose);
  }
}

/** (a) A long article: `paragraphs` paragraphs plus lists, tables and code; one term per ~300 words. */
export function bigArticle(paragraphs = 20_000, seed = 1, wordsPerTerm = 300): GeneratedPage {
  const rng = new Rng(seed);
  const prose = new Prose(rng, wordsPerTerm);
  const w = new PageWriter();
  w.raw(HEAD(`Bench article (${paragraphs} paragraphs)`));
  w.open('article');
  w.open('h1');
  w.text('Vitamin D and muscle: a long read');
  w.close('h1');
  w.newline();
  article(w, prose, rng, paragraphs);
  w.close('article');
  w.raw('</body></html>');
  return w.take();
}

/** (e) The same kind of article without a single glossary term or context word. */
export function noTermsArticle(paragraphs = 1_000, seed = 5): GeneratedPage {
  const rng = new Rng(seed);
  const prose = new Prose(rng, 0);
  const w = new PageWriter();
  w.raw(HEAD('Bench article without terms'));
  w.open('article');
  article(w, prose, rng, paragraphs);
  w.close('article');
  w.raw('</body></html>');
  return w.take();
}

/**
 * (b) `count` text nodes in nested divs, no whitespace between tags: 20 sections of 10
 * groups of 10 blocks of 10 items, each item "t <span>t <b>t</b> t</span> t".
 */
export function nestedDivs(count = 100_000, seed = 2, wordsPerTerm = 300): GeneratedPage {
  const rng = new Rng(seed);
  const prose = new Prose(rng, wordsPerTerm);
  const w = new PageWriter();
  w.raw(HEAD(`Bench nested divs (${count} text nodes)`));
  let made = 0;
  const item = () => {
    w.open('div', 'class="i"');
    w.text(prose.words(rng.int(2, 4)) + ' ');
    w.open('span');
    w.text(prose.words(rng.int(1, 3)) + ' ');
    w.open('b');
    w.text(prose.words(rng.int(1, 3)));
    w.close('b');
    w.text(' ' + prose.words(rng.int(1, 3)));
    w.close('span');
    w.text(' ' + prose.words(rng.int(2, 4)));
    w.close('div');
    made += 5;
  };
  w.open('div', 'class="root"');
  while (made < count) {
    w.open('div', 'class="s"');
    for (let g = 0; g < 10 && made < count; g++) {
      w.open('div', 'class="g"');
      for (let b = 0; b < 10 && made < count; b++) {
        w.open('div', 'class="b"');
        for (let i = 0; i < 10 && made < count; i++) item();
        w.close('div');
      }
      w.close('div');
    }
    w.close('div');
  }
  w.close('div');
  w.raw('</body></html>');
  return w.take();
}

// The page's own infinite-scroll script: parses every batch up front (so appending is the
// only thing the page does per batch), then appends one every `gap` ms when asked to.
const SCROLL_SCRIPT = (gap: number) => `<script>
window.__scroll = function (hooks) {
  var data = JSON.parse(document.getElementById('batches').textContent);
  var frags = data.map(function (html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    return t.content;
  });
  var feed = document.getElementById('feed');
  return new Promise(function (resolve) {
    var i = 0;
    function tick() {
      if (hooks && hooks.before) hooks.before(i, performance.now());
      feed.appendChild(frags[i]);
      i++;
      if (i < frags.length) setTimeout(tick, ${gap});
      else resolve(i);
    }
    setTimeout(tick, ${gap});
  });
};
</script>`;

/** (c) Infinite scroll: `initial` paragraphs, then `batches` batches of `size` appended `gap` ms apart. */
export function infiniteScroll(
  batches = 40,
  size = 50,
  gap = 40,
  initial = 50,
  seed = 3,
): GeneratedPage {
  const rng = new Rng(seed);
  const prose = new Prose(rng, 300);
  const w = new PageWriter();
  const parts: { html: string; texts: string[]; markable: string[] }[] = [];
  for (let b = 0; b < batches; b++) {
    article(w, prose, rng, size, initial + b * size);
    parts.push(w.take());
  }
  // JSON in a script element: "</" would end it early.
  const json = JSON.stringify(parts.map((p) => p.html)).replace(/<\//g, '<\\/');
  w.raw(
    HEAD(
      'Bench infinite scroll',
      `<script type="application/json" id="batches">${json}</script>${SCROLL_SCRIPT(gap)}`,
    ),
  );
  w.open('main', 'id="feed"');
  w.open('h1');
  w.text('Muscle news feed');
  w.close('h1');
  article(w, prose, rng, initial);
  w.close('main');
  w.raw('</body></html>');
  const page = w.take();
  return { ...page, batches: parts.map(({ texts, markable }) => ({ texts, markable })) };
}

/**
 * Prose for the dense page: a glossary surface every 20 to 30 words (the gap drawn anew
 * after each term, and carried across text nodes, so headings, cells and captions get
 * their share), mostly terms of the current section's topic, as topic articles repeat
 * their subject, the rest from the whole glossary.
 */
class DenseProse {
  private gap: number;
  private topic: number[] = [];

  constructor(private readonly rng: Rng) {
    this.gap = rng.int(20, 30);
  }

  /** A new section: the 3 to 5 terms it keeps coming back to. */
  newTopic(): void {
    this.topic = [];
    for (let i = this.rng.int(3, 5); i > 0; i--)
      this.topic.push(this.rng.int(0, BY_TERM.length - 1));
  }

  term(): string {
    const id =
      this.topic.length && this.rng.chance(0.6)
        ? this.rng.pick(this.topic)
        : this.rng.int(0, BY_TERM.length - 1);
    return this.rng.pick(BY_TERM[id]!);
  }

  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      if (--this.gap <= 0) {
        out.push(this.term());
        this.gap = this.rng.int(20, 30);
        continue;
      }
      const r = this.rng.float();
      // Context words let the ambiguous acronyms count; near misses must stay unmarked.
      if (r < 0.015) out.push(this.rng.pick(CONTEXT));
      else if (r < 0.02) out.push(this.rng.pick(NEAR_MISSES));
      else out.push(this.rng.pick(FILLER));
    }
    return out.join(' ');
  }

  sentence(n: number): string {
    const s = this.words(n);
    return s[0]!.toUpperCase() + s.slice(1) + (this.rng.chance(0.1) ? ', ' : '. ');
  }

  /** A heading that names one of the section's terms, as real headings do. */
  heading(): string {
    const t = this.term();
    return `${t[0]!.toUpperCase()}${t.slice(1)} ${this.words(this.rng.int(2, 5))}`;
  }
}

/** A paragraph of dense prose, a few words of it in inline elements. */
function denseParagraph(w: PageWriter, prose: DenseProse, rng: Rng): void {
  w.open('p');
  let left = rng.int(40, 110);
  while (left > 0) {
    const n = Math.min(left, rng.int(6, 18));
    w.text(prose.sentence(n));
    left -= n;
    if (left > 0 && rng.chance(0.3)) {
      const tag = rng.pick(['em', 'strong', 'a']);
      const k = Math.min(left, rng.int(1, 4));
      w.open(tag, tag === 'a' ? `href="#ref-${rng.int(1, 90)}"` : '');
      w.text(prose.words(k));
      w.close(tag);
      w.text(' ');
      left -= k;
    }
  }
  w.close('p');
  w.newline();
}

function denseList(w: PageWriter, prose: DenseProse, rng: Rng): void {
  const tag = rng.chance(0.3) ? 'ol' : 'ul';
  w.open(tag);
  for (let i = rng.int(3, 7); i > 0; i--) {
    w.open('li');
    w.text(prose.sentence(rng.int(6, 16)));
    w.close('li');
  }
  w.close(tag);
  w.newline();
}

/** A results table with a caption and a header row, as study summaries have. */
function denseTable(w: PageWriter, prose: DenseProse, rng: Rng): void {
  w.open('table');
  w.open('caption');
  w.text(prose.sentence(rng.int(6, 12)).trim());
  w.close('caption');
  w.open('thead');
  w.open('tr');
  for (let c = 0; c < 4; c++) {
    w.open('th', 'scope="col"');
    w.text(prose.words(rng.int(1, 3)));
    w.close('th');
  }
  w.close('tr');
  w.close('thead');
  w.open('tbody');
  for (let r = rng.int(4, 8); r > 0; r--) {
    w.open('tr');
    for (let c = 0; c < 4; c++) {
      w.open('td');
      w.text(c === 0 ? prose.words(rng.int(2, 6)) : `${rng.int(1, 99)}.${rng.int(0, 9)}`);
      w.close('td');
    }
    w.close('tr');
  }
  w.close('tbody');
  w.close('table');
  w.newline();
}

/** A figure: a grey box standing in for the image (no request), and its caption. */
function denseFigure(w: PageWriter, prose: DenseProse, rng: Rng): void {
  w.open('figure');
  w.raw(`<div class="img" role="img" aria-label="Figure ${rng.int(1, 40)}"></div>`);
  w.open('figcaption');
  w.text(prose.sentence(rng.int(10, 24)).trim());
  w.close('figcaption');
  w.close('figure');
  w.newline();
}

/** An <h2> section of an article: h3 subsections of paragraphs, lists, tables, figures. */
function denseSection(w: PageWriter, prose: DenseProse, rng: Rng, n: number): string {
  prose.newTopic();
  const title = prose.heading();
  w.open('section', `id="s${n}"`);
  w.newline();
  w.open('h2');
  w.text(title);
  w.close('h2');
  w.newline();
  for (let sub = rng.int(2, 4); sub > 0; sub--) {
    w.open('h3');
    w.text(prose.heading());
    w.close('h3');
    w.newline();
    for (let i = rng.int(3, 7); i > 0; i--) {
      denseParagraph(w, prose, rng);
      if (rng.chance(0.12)) denseList(w, prose, rng);
      if (rng.chance(0.05)) denseFigure(w, prose, rng);
      if (rng.chance(0.03)) denseTable(w, prose, rng);
    }
  }
  if (n % 8 === 4) excluded(w, new Prose(rng, 25));
  w.close('section');
  w.newline();
  return title;
}

/**
 * (f) A dense topic article of about `bytes` of HTML: a site header with a nav menu,
 * <section>s with h2/h3 headings, paragraphs, lists, tables, figure captions, a
 * contents list and a footer, with a glossary surface every 20 to 30 words throughout.
 */
export function denseArticle(bytes = 3_000_000, seed = 6): GeneratedPage {
  const rng = new Rng(seed);
  const prose = new DenseProse(rng);
  const w = new PageWriter();
  w.raw(
    HEAD(
      'Bench dense article',
      '<style>nav ul{display:flex;flex-wrap:wrap;gap:1em;list-style:none;padding:0}' +
        'figure{margin:1em 0}.img{height:120px;background:#ddd}' +
        'caption{font-style:italic;text-align:left}</style>',
    ),
  );
  w.open('header');
  w.open('nav', 'aria-label="Topics"');
  w.open('ul');
  for (let i = 0; i < 12; i++) {
    w.open('li');
    w.open('a', `href="/topics/${i}"`);
    // Menus name topics: one term in every other entry, whatever the gap says.
    w.text(i % 2 ? prose.term() : prose.words(rng.int(1, 2)));
    w.close('a');
    w.close('li');
  }
  w.close('ul');
  w.close('nav');
  w.close('header');
  w.newline();
  w.open('main');
  w.open('article');
  w.open('h1');
  w.text(prose.heading());
  w.close('h1');
  w.newline();
  const titles: string[] = [];
  // Leave room for the contents list and footer written after the sections.
  while (w.length < bytes - 20_000) titles.push(denseSection(w, prose, rng, titles.length));
  w.close('article');
  w.open('aside', 'aria-label="Contents"');
  w.open('ol');
  titles.forEach((t, i) => {
    w.open('li');
    w.open('a', `href="#s${i}"`);
    w.text(t);
    w.close('a');
    w.close('li');
  });
  w.close('ol');
  w.close('aside');
  w.close('main');
  w.newline();
  w.open('footer');
  w.open('p');
  w.text(prose.sentence(20));
  w.close('p');
  w.close('footer');
  w.raw('</body></html>');
  return w.take();
}

/** One frame of the framed article: its site, what it holds, and its HTML. */
export interface FramePage {
  /** A `*.test` host (SITES_FLAG maps them to 127.0.0.1): a site of its own. */
  site: string;
  path: string;
  kind: 'ad' | 'image ad' | 'pixel' | 'video' | 'comments';
  width: number;
  height: number;
  html: string;
  /** Its text nodes under <body>: none for the image ads and the pixels. */
  texts: string[];
}

/** The framed article: the top document with its terms, and its 30 frames. */
export interface FramedArticle extends GeneratedPage {
  frames: FramePage[];
}

const FRAME_HEAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>frame</title>' +
  '<style>body{margin:0;font:13px/1.35 Arial,sans-serif;color:#222;overflow:hidden}' +
  '.ad{box-sizing:border-box;height:100%;padding:8px 10px;background:#f4f1ea}' +
  'small{color:#777;text-transform:uppercase}h3{margin:4px 0;font-size:17px}' +
  'a{color:#0645ad}</style></head><body>';

// Ad copy as ad networks write it: no glossary term, no context word (checked by the
// reference count in run.ts, which must find none in any frame).
const AD_HEADLINES = [
  'Winter boots, 40% off this week',
  'Compare energy plans in two minutes',
  'Your next city break starts here',
  'Learn a language in ten minutes a day',
  'The laptop bag that fits everything',
  'Fresh pasta delivered to your door',
  'Find your new favourite reading chair',
  'Save on family phone plans',
  'Weekend flights from 29 euros',
  'A cleaner home without the effort',
];
const AD_CALLS = ['Shop now', 'Learn more', 'Book today', 'Get the offer', 'Sign up'];
const COMMENTERS = ['Maria K.', 'jdoe', 'Tom B.', 'Ana P.', 'readerX', 'Lukas', 'Priya', 'Sam'];

function textAd(w: PageWriter, prose: Prose, rng: Rng): void {
  w.open('div', 'class="ad"');
  w.open('small');
  w.text('Advertisement');
  w.close('small');
  w.open('h3');
  w.text(rng.pick(AD_HEADLINES));
  w.close('h3');
  w.open('p');
  w.text(prose.sentence(rng.int(8, 14)));
  w.close('p');
  w.open('a', 'href="#offer"');
  w.text(rng.pick(AD_CALLS));
  w.close('a');
  w.close('div');
}

function videoPlayer(w: PageWriter, prose: Prose, rng: Rng): void {
  w.open('div', 'style="position:relative;height:100%;background:#111;color:#eee"');
  w.open('button', 'aria-label="Play" style="position:absolute;left:45%;top:40%"');
  w.text('▶');
  w.close('button');
  w.open('p', 'style="position:absolute;left:12px;bottom:28px;margin:0;font-size:15px"');
  w.text('Watch: the council votes on new cycle lanes');
  w.close('p');
  w.open('span', 'style="position:absolute;left:12px;bottom:8px"');
  w.text(`0:00 / ${rng.int(2, 9)}:${rng.int(10, 59)}`);
  w.close('span');
  w.open('span', 'style="position:absolute;right:12px;bottom:8px"');
  w.text(`Up next: ${prose.words(4)}`);
  w.close('span');
  w.close('div');
}

function commentWidget(w: PageWriter, prose: Prose, rng: Rng): void {
  w.open('section', 'style="padding:8px 12px"');
  w.open('h4');
  w.text('38 comments');
  w.close('h4');
  w.open('ol', 'style="padding-left:16px"');
  for (let i = 0; i < 10; i++) {
    w.open('li');
    w.open('b');
    w.text(rng.pick(COMMENTERS));
    w.close('b');
    w.text(' ');
    w.open('time');
    w.text(`${rng.int(1, 23)} hours ago`);
    w.close('time');
    w.open('p');
    for (let s = rng.int(1, 3); s > 0; s--) w.text(prose.sentence(rng.int(6, 16)));
    w.close('p');
    w.open('button');
    w.text('Reply');
    w.close('button');
    w.close('li');
  }
  w.close('ol');
  w.open('textarea', 'placeholder="Join the discussion"');
  w.close('textarea');
  w.open('button');
  w.text('Post');
  w.close('button');
  w.close('section');
}

/** A frame's document: what `fill` writes in its body, or nothing (image ads, pixels). */
function frameDocument(
  fill?: (w: PageWriter) => void,
  style = '',
): { html: string; texts: string[] } {
  const w = new PageWriter();
  w.raw(FRAME_HEAD);
  if (style) w.raw(`<div style="${style}"></div>`);
  fill?.(w);
  w.raw('</body></html>');
  const { html, texts } = w.take();
  return { html, texts };
}

/**
 * (g) A news article with the guide's terms, among 30 small frames of other sites, as a
 * news page carries them: a leaderboard and sidebar ads, ads between paragraphs (some of
 * them images only), a video player, a comment widget and six tracking pixels, on seven
 * sites (no more than six frames each: a browser opens six connections per host). No
 * frame holds a term. `src(site, path)` is a frame's URL.
 */
export function framedArticle(
  src: (site: string, path: string) => string,
  seed = 7,
): FramedArticle {
  const rng = new Rng(seed);
  const prose = new Prose(rng, 60);
  const plain = new Prose(rng, 0);
  const frames: FramePage[] = [];
  const add = (
    site: string,
    name: string,
    kind: FramePage['kind'],
    width: number,
    height: number,
    doc: { html: string; texts: string[] },
  ) => {
    const frame = { site, path: `/frames/${name}.html`, kind, width, height, ...doc };
    frames.push(frame);
    return frame;
  };
  const textAdFrame = (site: string, name: string, width = 300, height = 250) =>
    add(
      site,
      name,
      'ad',
      width,
      height,
      frameDocument((w) => textAd(w, plain, rng)),
    );
  const imageAdFrame = (site: string, name: string) => {
    const hue = rng.int(0, 359);
    const style = `height:250px;background:linear-gradient(135deg,hsl(${hue},60%,55%),hsl(${(hue + 60) % 360},60%,35%))`;
    return add(site, name, 'image ad', 300, 250, frameDocument(undefined, style));
  };
  const iframe = (w: PageWriter, f: FramePage, style = '') =>
    w.raw(
      `<iframe src="${src(f.site, f.path)}" width="${f.width}" height="${f.height}" title="${f.kind}"` +
        ` scrolling="no"${style ? ` style="${style}"` : ''}></iframe>`,
    );

  const leaderboard = textAdFrame('ads-a.test', 'a1', 728, 90);
  const sidebar = [
    textAdFrame('ads-a.test', 'a2'),
    textAdFrame('ads-b.test', 'b1'),
    textAdFrame('ads-c.test', 'c1'),
    imageAdFrame('ads-b.test', 'b-img'),
    imageAdFrame('img-cdn.test', 'd1'),
    textAdFrame('ads-a.test', 'a3'),
  ];
  const video = add(
    'video.test',
    'player',
    'video',
    640,
    360,
    frameDocument((w) => videoPlayer(w, plain, rng)),
  );
  const inArticle = [
    textAdFrame('ads-a.test', 'a4'),
    textAdFrame('ads-b.test', 'b2'),
    textAdFrame('ads-c.test', 'c2'),
    imageAdFrame('ads-c.test', 'c-img'),
    textAdFrame('ads-a.test', 'a5'),
    textAdFrame('ads-b.test', 'b3'),
    textAdFrame('ads-c.test', 'c3'),
    imageAdFrame('img-cdn.test', 'd2'),
    textAdFrame('ads-a.test', 'a6', 728, 90),
    textAdFrame('ads-b.test', 'b4'),
    textAdFrame('ads-c.test', 'c4'),
    imageAdFrame('img-cdn.test', 'd3'),
    textAdFrame('ads-b.test', 'b5'),
    textAdFrame('ads-c.test', 'c5'),
    imageAdFrame('img-cdn.test', 'd4'),
  ];
  const comments = add(
    'comments.test',
    'thread',
    'comments',
    640,
    900,
    frameDocument((w) => commentWidget(w, plain, rng)),
  );
  const pixels = [1, 2, 3, 4, 5, 6].map((i) =>
    add('pixel.test', `px${i}`, 'pixel', 1, 1, frameDocument()),
  );

  const w = new PageWriter();
  w.raw(
    HEAD(
      'Bench news article with frames',
      '<style>body{max-width:none;margin:0;padding:0}header{padding:8px 24px;border-bottom:1px solid #ccc}' +
        '.page{display:flex;gap:24px;max-width:1100px;margin:0 auto;padding:0 16px}' +
        'article{flex:1;min-width:0}aside{width:300px}iframe{display:block;border:0;margin:16px 0}</style>',
    ),
  );
  w.open('header');
  w.open('b');
  w.text('The Daily Ledger');
  w.close('b');
  w.text(' · Health · Science · City');
  w.close('header');
  w.newline();
  iframe(w, leaderboard, 'margin:8px auto');
  w.open('div', 'class="page"');
  w.open('article');
  w.open('h1');
  w.text('Vitamin D, muscle and falls: what a new trial found');
  w.close('h1');
  w.open('p');
  w.open('i');
  w.text(`By ${rng.pick(COMMENTERS)}, health reporter`);
  w.close('i');
  w.close('p');
  w.newline();
  const paragraphs = 36;
  let ad = 0;
  for (let i = 0; i < paragraphs; i++) {
    paragraph(w, prose, rng, rng.int(35, 70));
    if (i === 2) iframe(w, video);
    else if (i % 12 === 7) list(w, prose, rng);
    // An ad after every second paragraph past the third, as long as there are ads.
    if (i > 2 && i % 2 === 1 && ad < inArticle.length) iframe(w, inArticle[ad++]!);
  }
  while (ad < inArticle.length) iframe(w, inArticle[ad++]!);
  iframe(w, comments);
  w.close('article');
  w.open('aside');
  for (const f of sidebar) iframe(w, f);
  w.close('aside');
  w.close('div');
  for (const f of pixels) iframe(w, f, 'position:absolute;left:-10px;top:0;width:1px;height:1px');
  w.raw('</body></html>');
  return { ...w.take(), frames };
}
