// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { PageController } from '@/entrypoints/highlighter.content/controller';

const matcher = compileMatcher(glossary);
const options = {
  density: 'all' as const,
  style: 'underline' as const,
  hiddenTerms: new Set<string>(),
};
const host = { setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms), performance };
const tick = () => new Promise((r) => setTimeout(r, 0));

let controller: PageController | undefined;
afterEach(() => {
  controller?.stop();
  document.body.replaceChildren();
});

test('a text node its owner keeps rewriting is re-marked a few times, then left alone', async () => {
  document.body.innerHTML = '<p id="ticker">Sarcopenia update 0</p>';
  const ticker = document.getElementById('ticker')!;
  const head = ticker.firstChild as Text;
  controller = new PageController(document, host, matcher, options);
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
  controller = new PageController(document, host, matcher, options);
  controller.start();
  await controller.whenIdle();
  expect(document.querySelectorAll('mark').length).toBe(3);
  expect([...controller.counts().keys()]).toEqual(['sarcopenia', 'dynapenia', 'vitamin-d']);
  controller.stop();
  expect(document.body.innerHTML).toBe(before);
});

test('a region that becomes contenteditable loses its marks', async () => {
  document.body.innerHTML = '<article><p>Sarcopenia and frailty.</p></article><p>dynapenia</p>';
  const article = document.querySelector('article')!;
  controller = new PageController(document, host, matcher, options);
  controller.start();
  await controller.whenIdle();
  expect(article.querySelectorAll('mark').length).toBe(2);
  article.contentEditable = 'true';
  await tick();
  expect(article.querySelectorAll('mark').length).toBe(0);
  expect(article.innerHTML).toBe('<p>Sarcopenia and frailty.</p>');
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

test('the walk writes nothing until it ends, then every mark in one go', async () => {
  document.body.replaceChildren(...paragraphs(6000, new Set([0, 3000, 5999])));
  const { host, slice } = steppedHost(1);
  controller = new PageController(document, host, matcher, options);
  controller.start();
  const marksAfter: number[] = [];
  while (slice()) marksAfter.push(document.querySelectorAll('mark').length);
  // Slice 1 compiles, the next ones only read, the one that ends the walk writes.
  expect(marksAfter.length).toBeGreaterThan(3);
  expect(marksAfter.slice(0, -1).every((n) => n === 0)).toBe(true);
  expect(marksAfter.at(-1)).toBe(3);
  await controller.whenIdle();
});

test('on a page whose walk is long, hits found are written after 60 ms, not at the end', async () => {
  document.body.replaceChildren(...paragraphs(30_000, new Set([0, 29_999])));
  const { host, slice } = steppedHost();
  controller = new PageController(document, host, matcher, options);
  controller.start();
  const marksAfter: number[] = [];
  while (slice()) marksAfter.push(document.querySelectorAll('mark').length);
  const firstWrite = marksAfter.indexOf(1);
  expect(firstWrite).toBeGreaterThan(1);
  expect(firstWrite).toBeLessThan(marksAfter.length - 3);
  expect(marksAfter.at(-1)).toBe(2);
  await controller.whenIdle();
});

test('a node found by the walk that the page moves into an editor before the write stays unmarked', async () => {
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  document.body.replaceChildren(...paragraphs(4000, new Set([0, 700, 3990])), editor);
  const { host, slice } = steppedHost();
  controller = new PageController(document, host, matcher, options);
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
