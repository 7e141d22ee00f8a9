// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { TestSession, timerHost, ungatedMatcher, wrapAll } from './session';
import { ScanQueue } from '@/entrypoints/highlighter.content/scan';

const matcher = ungatedMatcher();
const options = wrapAll;
const host = timerHost;
const tick = () => new Promise((r) => setTimeout(r, 0));
/**
 * For the walks over thousands of happy-dom paragraphs and the 2,400-node mixed page: they check what is read and marked, not
 * how fast (the bench measures speed), and on a loaded 2-core machine they outlast
 * vitest's 5 s default.
 */
const HEAVY = 60_000;

let controller: TestSession | undefined;
// Taking down an 8,000-paragraph page is itself seconds of happy-dom work under load.
afterEach(() => {
  controller?.stop();
  document.body.replaceChildren();
}, HEAVY);

test('a text node its owner keeps rewriting is re-marked a few times, then left alone', async () => {
  document.body.innerHTML = '<p id="ticker">Sarcopenia update 0</p>';
  const ticker = document.getElementById('ticker')!;
  const head = ticker.firstChild as Text;
  controller = new TestSession(document, host, matcher, options);
  controller.start();
  await controller.whenIdle();
  let marked = 0;
  for (let i = 1; i <= 30; i++) {
    head.data = `Sarcopenia update ${i}`;
    await tick();
    await controller.whenIdle();
    if (ticker.querySelector('mark')) marked++;
    expect(ticker.textContent).toBe(`Sarcopenia update ${i}`);
  }
  expect(marked).toBeGreaterThan(0);
  expect(marked).toBeLessThanOrEqual(6);
});

test('stop() restores the page exactly and whenIdle resolves', async () => {
  document.body.innerHTML = '<p>Sarcopenia and <b>dynapenia</b>; vitamin D.</p>';
  const before = document.body.innerHTML;
  controller = new TestSession(document, host, matcher, options);
  controller.start();
  await controller.whenIdle();
  expect(document.querySelectorAll('mark').length).toBe(3);
  expect([...controller.counts().keys()]).toEqual(['sarcopenia', 'dynapenia', 'vitamin-d']);
  controller.stop();
  expect(document.body.innerHTML).toBe(before);
});

test('a region that becomes contenteditable loses its marks', async () => {
  document.body.innerHTML = '<article><p>Sarcopenia and leucine.</p></article><p>dynapenia</p>';
  const article = document.querySelector('article')!;
  controller = new TestSession(document, host, matcher, options);
  controller.start();
  await controller.whenIdle();
  expect(article.querySelectorAll('mark').length).toBe(2);
  article.contentEditable = 'true';
  await tick();
  expect(article.querySelectorAll('mark').length).toBe(0);
  expect(article.innerHTML).toBe('<p>Sarcopenia and leucine.</p>');
  expect(document.querySelectorAll('mark').length).toBe(1);
});

/**
 * A host whose slices run only when the test says, with a clock that moves `stepMs` each
 * time it is read: a slice reads a few hundred text nodes, then yields.
 */
function steppedHost(stepMs = 4) {
  const queued: (() => void)[] = [];
  let clock = 0;
  return {
    host: {
      setTimeout: (cb: () => void) => queued.push(cb),
      performance: { now: () => (clock += stepMs) },
    },
    /** Runs one slice; false when none is waiting. */
    slice(): boolean {
      const next = queued.shift();
      next?.();
      return next !== undefined;
    },
  };
}

/** `count` paragraphs, a term in those at `termAt`. */
function paragraphs(count: number, termAt: ReadonlySet<number>): HTMLParagraphElement[] {
  return Array.from({ length: count }, (_, i) => {
    const p = document.createElement('p');
    p.textContent = `Paragraph ${i} ${termAt.has(i) ? 'on sarcopenia' : 'of plain prose'} here.`;
    return p;
  });
}

test(
  'the walk writes nothing until it ends, then every mark in one go',
  async () => {
    document.body.replaceChildren(...paragraphs(6000, new Set([0, 3000, 5999])));
    const { host, slice } = steppedHost(1);
    controller = new TestSession(document, host, matcher, options);
    controller.start();
    const marksAfter: number[] = [];
    while (slice()) marksAfter.push(document.querySelectorAll('mark').length);
    // Slice 1 compiles, the next ones only read, the one that ends the walk writes.
    expect(marksAfter.length).toBeGreaterThan(3);
    expect(marksAfter.slice(0, -1).every((n) => n === 0)).toBe(true);
    expect(marksAfter.at(-1)).toBe(3);
    await controller.whenIdle();
  },
  HEAVY,
);

test(
  'on a page whose walk is long, hits found are written after 60 ms, not at the end',
  async () => {
    // 8,000 paragraphs are 27 slices of this host; the first hit is written at the 7th.
    document.body.replaceChildren(...paragraphs(8_000, new Set([0, 7_999])));
    const { host, slice } = steppedHost();
    controller = new TestSession(document, host, matcher, options);
    controller.start();
    const marksAfter: number[] = [];
    while (slice()) marksAfter.push(document.querySelectorAll('mark').length);
    const firstWrite = marksAfter.indexOf(1);
    expect(firstWrite).toBeGreaterThan(1);
    expect(firstWrite).toBeLessThan(marksAfter.length - 3);
    expect(marksAfter.at(-1)).toBe(2);
    await controller.whenIdle();
  },
  HEAVY,
);

test('a node found by the walk that the page moves into an editor before the write stays unmarked', async () => {
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  document.body.replaceChildren(...paragraphs(4000, new Set([0, 700, 3990])), editor);
  const { host, slice } = steppedHost();
  controller = new TestSession(document, host, matcher, options);
  controller.start();
  slice(); // compile
  slice(); // first hit written
  slice(); // reads on: paragraph 700 is found, not yet written
  slice();
  const p700 = document.querySelectorAll('p')[700]!;
  expect(p700.querySelector('mark')).toBeNull();
  editor.append(p700);
  await tick(); // the page observer sees the move
  while (slice());
  await controller.whenIdle();
  expect(p700.querySelector('mark')).toBeNull();
  expect(p700.textContent).toBe('Paragraph 700 on sarcopenia here.');
  expect(document.querySelectorAll('mark').length).toBe(2);
});

/** A page with the shapes a walk must get right: inline runs, mid-word splits, excluded text. */
function mixedPage(): Node[] {
  const nodes: Node[] = [];
  for (let i = 0; i < 400; i++) {
    const p = document.createElement('p');
    const b = document.createElement('b');
    b.textContent = i % 7 === 0 ? 'pre' : 'bold';
    const code = document.createElement('code');
    code.textContent = i % 5 === 0 ? 'VDR sarcopenia' : 'x = 1';
    p.append(
      `Paragraph ${i} of plain prose, `,
      b,
      i % 7 === 0 ? 'sarcopenia, split mid-word' : ' with dynapenia',
      i % 3 === 0 ? ' and vitamin D receptor levels; ' : ' and nothing; ',
      code,
      i % 11 === 0 ? ' across the ROS in muscle' : ' the end.',
    );
    nodes.push(p);
  }
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = '{"note": "sarcopenia in a script is not marked"}';
  nodes.splice(200, 0, script);
  return nodes;
}

/** The matcher without its anchor scan: every node is read and tested. */
const readingAll = { ...matcher, scanAnchors: () => null };

async function markedHtml(m: typeof matcher, page: () => Node[], before?: () => void) {
  document.body.replaceChildren(...page());
  controller = new TestSession(document, host, m, options);
  controller.start();
  before?.();
  await tick();
  await controller.whenIdle();
  const html = document.body.innerHTML;
  controller.stop();
  controller = undefined;
  return html;
}

test(
  'the walk reads only the nodes where a term may start, and marks what reading all marks',
  async () => {
    const expected = await markedHtml(readingAll, mixedPage);
    expect(expected.match(/<mark /g)!.length).toBeGreaterThan(500);
    expect(await markedHtml(matcher, mixedPage)).toBe(expected);
    // What the walk hands to its test: with the hint, only nodes where an anchor starts.
    document.body.replaceChildren(...mixedPage());
    const read = (hint: boolean) => {
      const queue = new ScanQueue(document);
      const text = document.body.textContent!;
      queue.add(document.body, hint ? matcher.scanAnchors(text)! : undefined);
      const tested: string[] = [];
      const hits = queue.take(
        (t) => (tested.push(t), matcher.prefilter.test(t)),
        () => false,
        () => false,
        Infinity,
      );
      return { tested, hits };
    };
    const all = read(false);
    const hinted = read(true);
    expect(hinted.hits).toEqual(all.hits);
    // Every text node but the script's, which is passed over unread.
    expect(all.tested.length).toBe(2400);
    expect(all.tested.some((t) => t.includes('not marked'))).toBe(false);
    expect(hinted.tested.length).toBeLessThan(all.tested.length / 2);
    expect(hinted.tested.every((t) => matcher.prefilter.test(t) || /\S$/.test(t))).toBe(true);
  },
  HEAVY,
);

test(
  'a page that changes before the walk gets every mark it would get at rest',
  async () => {
    const change = () => {
      const first = document.createElement('p');
      first.textContent =
        'A new opening paragraph about leucine, long enough to shift everything. ';
      document.body.prepend(first);
      const p = document.querySelectorAll('p')[30]!;
      (p.firstChild as Text).data = 'Paragraph 30 is now about sarcopenia, ';
    };
    const atRest = await markedHtml(readingAll, mixedPage, change);
    expect(await markedHtml(matcher, mixedPage, change)).toBe(atRest);
  },
  HEAVY,
);

test(
  'a hint that does not fit the page: the walk is repeated, reading every node',
  async () => {
    const expected = await markedHtml(readingAll, mixedPage);
    // As if the page's text had 7 more characters at its start than its nodes hold.
    const wrong = {
      ...matcher,
      scanAnchors: (text: string) => matcher.scanAnchors('sarco. ' + text),
    };
    expect(await markedHtml(wrong, mixedPage)).toBe(expected);
    const short = {
      ...matcher,
      scanAnchors: (text: string) => matcher.scanAnchors(text.slice(40)),
    };
    expect(await markedHtml(short, mixedPage)).toBe(expected);
  },
  HEAVY,
);

describe('ambiguous acronyms and their context words', () => {
  const markedTerms = () =>
    [...document.querySelectorAll('mark')].map((m) => m.getAttribute('data-myolens-term'));

  async function run(html: string, m = matcher) {
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    document.body.replaceChildren(...body.childNodes);
    controller = new TestSession(document, host, m, options);
    controller.start();
    await controller.whenIdle();
  }

  test('a page without a context word keeps ROS unmarked; one with it marks ROS', async () => {
    await run('<p>The ROS node publishes topics; sarcopenia is a side note.</p>');
    expect(markedTerms()).toEqual(['sarcopenia']);
    controller!.stop();
    await run('<p>The ROS level rises.</p>\n<p>Later: oxidative damage in muscle.</p>');
    expect(markedTerms()).toEqual(['ros', 'oxidative-stress']);
  });

  test('a surface already marked vouches for the context: the page text is not read for it', async () => {
    let reads = 0;
    const counting = { ...matcher, activeIds: (t: string) => (reads++, matcher.activeIds(t)) };
    await run('<p>Vitamin D binds the VDR in muscle.</p>', counting);
    expect(markedTerms()).toEqual(['vitamin-d', 'vdr']);
    expect(reads).toBe(0);
  });

  test('the first VDR before any vouching surface: the page text decides, once', async () => {
    let reads = 0;
    const counting = { ...matcher, activeIds: (t: string) => (reads++, matcher.activeIds(t)) };
    await run('<p>VDR first.</p>\n<p>VDR again.</p>\n<p>Genes come later.</p>', counting);
    expect(markedTerms()).toEqual(['vdr', 'vdr']);
    expect(reads).toBe(1);
  });

  test('the first VDR before a vouching surface further down: that surface decides', async () => {
    let reads = 0;
    const counting = { ...matcher, activeIds: (t: string) => (reads++, matcher.activeIds(t)) };
    await run('<p>VDR first.</p>\n<p>Then sarcopenia.</p>\n<p>Vitamin D later.</p>', counting);
    expect(markedTerms()).toEqual(['vdr', 'sarcopenia', 'vitamin-d']);
    expect(reads).toBe(0);
  });

  test('context words that arrive later mark what was left', async () => {
    await run('<p>The VDR software records video.</p>');
    expect(markedTerms()).toEqual([]);
    const p = document.createElement('p');
    p.textContent = 'An update about muscles.';
    document.body.append(p);
    await tick();
    await controller!.whenIdle();
    expect(markedTerms()).toEqual(['vdr']);
  });
});

describe('a page with no term when it loads', () => {
  test('gets its marks when the page adds text with a term (an app shell filling in)', async () => {
    document.body.innerHTML = '<div id="root"><p>Loading…</p></div>';
    controller = new TestSession(document, host, matcher, options);
    controller.start();
    await controller.whenIdle();
    const article = document.createElement('article');
    article.textContent = 'Sarcopenia is the loss of muscle with age.';
    document.getElementById('root')!.replaceChildren(article);
    await tick();
    await controller.whenIdle();
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Sarcopenia',
    ]);
  });

  test('keeps nothing queued while the page adds only text without one', async () => {
    document.body.innerHTML = '<ul id="feed"></ul>';
    controller = new TestSession(document, host, matcher, options);
    controller.start();
    for (let i = 0; i < 20; i++) {
      const li = document.createElement('li');
      li.textContent = `Message ${i}: the trains were late again.`;
      document.getElementById('feed')!.append(li);
      await tick();
    }
    // Resolves at once: no walk was queued for text that cannot hold a term.
    await controller.whenIdle();
    expect(document.querySelectorAll('mark').length).toBe(0);
  });
});

test(
  'a long walk that writes as it goes reads each paragraph once and marks them all',
  async () => {
    // A term in every paragraph: wherever the walk pauses, it stands on a node it found.
    const count = 4000;
    document.body.replaceChildren(
      ...paragraphs(count, new Set(Array.from({ length: count }, (_, i) => i))),
    );
    let tested = 0;
    const prefilter = matcher.prefilter;
    const counting = {
      ...matcher,
      prefilter: { test: (t: string) => (tested++, prefilter.test(t)) } as RegExp,
    };
    const { host, slice } = steppedHost();
    controller = new TestSession(document, host, counting, options);
    controller.start();
    const marksAfter: number[] = [];
    while (slice()) marksAfter.push(document.querySelectorAll('mark').length);
    await controller.whenIdle();
    // Written before the walk ended, and the walk still read only the paragraphs with a term.
    expect(marksAfter.indexOf(1)).toBeLessThan(marksAfter.length - 3);
    expect(document.querySelectorAll('mark').length).toBe(count);
    // Each paragraph read once (a walk put off its hint is repeated, reading all again).
    expect(tested).toBeLessThan(count * 1.1);
  },
  HEAVY,
);
