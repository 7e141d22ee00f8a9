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

/** Every surface a page may use for a term: its forms, their plurals, hyphen variants. */
function surfaces(): string[] {
  const out: string[] = [];
  for (const term of glossary) {
    for (const form of term.forms) {
      out.push(form);
      const plural = regularPlural(form, term.caseSensitive);
      if (plural) out.push(plural);
      if (!term.caseSensitive && /^\p{Ll}/u.test(form))
        out.push(form[0]!.toUpperCase() + form.slice(1));
      if (form.includes('-')) out.push(form.replace(/-/g, ' '));
    }
  }
  return out;
}

const SURFACES = surfaces();

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

  raw(html: string): void {
    this.parts.push(html);
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
    this.parts.push(escapeHtml(s));
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
