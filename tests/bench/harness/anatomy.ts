/**
 * Where MyoLens's fixed costs go, each step timed once on a freshly loaded page (cold, as
 * the content script always is), in the order start() and the first slices run them.
 * RegExps are compiled per (source, flags), so each compile below is a real one.
 */
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { leanMatcher } from '../variants/lean-matcher';
import { prefilter } from '../variants/prefilter';
import { now } from './main-thread';

export interface AnatomyStep {
  step: string;
  ms: number;
}

export function anatomy(): AnatomyStep[] {
  const out: AnatomyStep[] = [];
  const time = <T>(step: string, fn: () => T): T => {
    const t = now();
    const r = fn();
    out.push({ step, ms: now() - t });
    return r;
  };
  const matcher = time('compileMatcher(glossary) (index.ts, before start())', () =>
    compileMatcher(glossary),
  );
  const text = time('start(): document.body.textContent', () => document.body.textContent ?? '');
  const t = now();
  const passes = matcher.prefilter.test(text);
  out.push({
    step: `start(): matcher.prefilter.test(text) (${passes ? 'passes: the full path follows' : 'fails: start() ends here'})`,
    ms: now() - t,
  });
  // Since 517e427 start() stops here and the first slice does the rest (activate()).
  const active = time('first slice: activeIds(text), context words over the page', () =>
    matcher.activeIds(text),
  );
  const pattern = time('first slice: pattern(active), the trie rendered to a source', () =>
    matcher.pattern(active),
  )!;
  const probe = new RegExp(pattern.source, 'u');
  time("first probe.test (flags 'u'): V8 compiles the pattern", () => probe.test('x'));
  time("first exec of pattern (flags 'gu'): compiled again, other flags", () => pattern.exec('x'));
  time('first termIdOf(): builds and compiles the identify RegExp', () =>
    matcher.termIdOf('vitamin D'),
  );
  // Bench-only cost: it rebuilds the trie the product's matcher already has.
  const lm = time('lean: leanMatcher(glossary) (rebuilds the trie)', () => leanMatcher(glossary));
  time('lean: activeIds(text), stopping early', () => lm.activeIds(text));
  time('lean: first termIdOf() by trie walk', () => lm.termIdOf('vitamin D'));
  const pre = time('word-start prefilter (variants/prefilter.ts): build', () =>
    prefilter(glossary),
  );
  time('word-start prefilter: test(text)', () => pre?.test(text));
  // The cost of one frame after a single changed paragraph: mostly layout of the page.
  const p = [...document.querySelectorAll('p')].at(-10);
  const node = p?.firstChild;
  if (node?.nodeType === 3 && (node as Text).data.length > 10) {
    void document.body.offsetHeight;
    const mark = document.createElement('mark');
    (node as Text).splitText(4).splitText(3);
    mark.append(node.nextSibling!);
    node.after(mark);
    time(
      'forced layout after one mark in one paragraph near the end',
      () => document.body.offsetHeight,
    );
  }
  return out;
}
