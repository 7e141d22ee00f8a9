// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { Occurrences, type Occurrence } from '@/entrypoints/highlighter.content/occurrences';

/** A store holding one occurrence in each of the body's paragraphs' text. */
function store(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...document.adoptNode(parsed.body).childNodes);
  const occ = new Occurrences();
  /** What a sweep returned, as `text:count` per node (the lists the renderer stops showing). */
  const forgotten = (lists: Occurrence[][]) =>
    lists.map((list) => `${list[0]!.node.data}:${list.length}`);
  const texts = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
  for (const node of texts) {
    const o: Occurrence = { node, start: 0, end: 4, termId: 't', shown: true, section: {} };
    occ.set(node, node.data, [o]);
  }
  return { occ, forgotten, texts };
}

test('sweepUnder forgets the text under removed nodes and changed text, and nothing else', () => {
  const { occ, forgotten, texts } = store(
    '<div id="a"><p>one</p><p>two</p></div><p>three</p><p>four</p><p>five</p>',
  );
  const a = document.getElementById('a')!;
  a.remove();
  texts[2]!.data = 'three, changed';
  // A node the page moved is still its text: kept.
  const moved = texts[3]!.parentElement!;
  moved.remove();
  document.body.prepend(moved);
  expect(forgotten(occ.sweepUnder([a, texts[2]!, moved]))).toEqual([
    'one:1',
    'two:1',
    'three, changed:1',
  ]);
  expect(occ.all().map((o) => o.node.data)).toEqual(['four', 'five']);
});

test('sweepUnder looks at every occurrence once a removed subtree outgrows the store', () => {
  const { occ, forgotten, texts } = store('<p>keep</p><p>gone</p>');
  texts[1]!.parentElement!.remove();
  // A big removed subtree with no occurrence of ours: past the budget, a full sweep.
  const big = document.createElement('div');
  for (let i = 0; i < 100; i++) big.append(document.createElement('span'), `text ${i}`);
  expect(forgotten(occ.sweepUnder([big]))).toEqual(['gone:1']);
});

test('reading a stale node’s occurrences returns none and forgets nothing (sweeps do)', () => {
  const { occ, forgotten, texts } = store('<p>keep</p><p>gone</p>');
  texts[1]!.data = 'gone, changed';
  expect(occ.at(texts[1]!)).toEqual([]);
  expect(occ.size).toBe(2);
  expect(forgotten(occ.sweep())).toEqual(['gone, changed:1']);
  expect(occ.size).toBe(1);
});
