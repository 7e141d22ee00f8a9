// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import type { ShowOptions } from '@/entrypoints/highlighter.content/tab';
import { TestSession, timerHost, ungatedMatcher, wrapAll } from './session';

const matcher = ungatedMatcher();
const host = timerHost;
const options = wrapAll;

let session: TestSession | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
  document.body.replaceChildren();
});

async function run(html: string, more: Partial<ShowOptions> = {}) {
  // Parsed inert, as the page's own markup (paint.test.ts's setBody).
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...document.adoptNode(parsed.body).childNodes);
  session = new TestSession(document, host, matcher, { ...options, ...more });
  session.start();
  await session.whenIdle();
  return session;
}

/** Each mention as its text, term, whether it is an overlap and the terms it names. */
const described = (s: TestSession) =>
  s.mentions().map((o) => ({
    text: o.node.data.slice(o.start, o.end),
    termId: o.termId,
    shown: o.shown,
    overlap: o.overlap ?? false,
    also: o.also ?? [],
  }));

test('wrap: the painted span is marked, the overlap lives in the tail on its own words', async () => {
  const s = await run('<p>Signs of skeletal muscle atrophy appear.</p>');
  const p = document.querySelector('p')!;
  // Painted as before: one mark, leftmost-longest.
  expect([...p.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['skeletal muscle']);
  expect(described(s)).toEqual([
    {
      text: 'skeletal muscle',
      termId: 'skeletal-muscle',
      shown: true,
      overlap: false,
      also: ['muscle-atrophy'],
    },
    {
      text: 'atrophy',
      termId: 'muscle-atrophy',
      shown: false,
      overlap: true,
      also: ['skeletal-muscle'],
    },
  ]);
  // The overlap is in the text node after the mark, where the pointer finds it.
  const overlap = s.mentions()[1]!;
  expect(overlap.node.previousSibling?.nodeName).toBe('MARK');
  expect(s.tab.at(overlap.node)).toContain(overlap);
  // Counted: the page does mention muscle atrophy.
  expect(Object.fromEntries(s.counts())).toEqual({ 'skeletal-muscle': 1, 'muscle-atrophy': 1 });
  session!.stop();
  expect(p.outerHTML).toBe('<p>Signs of skeletal muscle atrophy appear.</p>');
});

test('an overlap whose words all belong to mentions: named by them, no occurrence, not counted', async () => {
  // "muscle strength" runs from "skeletal muscle" into "strength training".
  const s = await run('<p>skeletal muscle strength training</p>');
  expect(described(s)).toEqual([
    {
      text: 'skeletal muscle',
      termId: 'skeletal-muscle',
      shown: true,
      overlap: false,
      also: ['muscle-strength'],
    },
    {
      text: 'strength training',
      termId: 'resistance-exercise',
      shown: true,
      overlap: false,
      also: ['muscle-strength'],
    },
  ]);
  expect(s.counts().has('muscle-strength')).toBe(false);
});

test('a hidden term is not found as an overlap either', async () => {
  const s = await run('<p>skeletal muscle atrophy</p>', {
    hiddenTerms: new Set(['muscle-atrophy']),
  });
  expect(described(s)).toEqual([
    {
      text: 'skeletal muscle',
      termId: 'skeletal-muscle',
      shown: true,
      overlap: false,
      also: [],
    },
  ]);
});

test('overlaps in a node with several mentions: each in its piece, in text order', async () => {
  const s = await run(
    '<p>Low vitamin D receptor levels, then skeletal muscle wasting and dynapenia.</p>',
  );
  expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
    'Low vitamin D',
    'skeletal muscle',
    'dynapenia',
  ]);
  expect(described(s).map((m) => [m.text, m.termId, m.overlap])).toEqual([
    ['Low vitamin D', 'vitamin-d-deficiency', false],
    ['receptor', 'vdr', true],
    ['skeletal muscle', 'skeletal-muscle', false],
    ['wasting', 'muscle-wasting', true],
    ['dynapenia', 'dynapenia', false],
  ]);
});
