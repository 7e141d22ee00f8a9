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
