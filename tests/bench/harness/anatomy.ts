/**
 * Where MyoLens's fixed costs go, each step timed once on a freshly loaded page (cold, as
 * the content script always is), in the order index.ts, start() and the first slices run
 * them. RegExps are compiled per (source, flags) on first use, so each compile below is a
 * real one.
 */
import { glossary } from '@/content/glossary-index';
import { PREBUILT } from '@/content/generated/pattern';
import { compileMatcher } from '@/lib/matcher';
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
  const matcher = time('compileMatcher(glossary, PREBUILT) (index.ts: the prefilter only)', () =>
    compileMatcher(glossary, PREBUILT),
  );
  const text = time('start(): document.body.textContent', () => document.body.textContent ?? '');
  const t = now();
  const passes = matcher.prefilter.test(text);
  out.push({
    step: `start(): matcher.prefilter.test(text) (${passes ? 'passes: the full path follows' : 'fails: start() ends here'})`,
    ms: now() - t,
  });
  time('start(): matcher.scanAnchors(text) (the walk’s hint; it scans as the walk asks)', () =>
    matcher.scanAnchors(text),
  );
  const pattern = time('start-up slice 1: pattern() (rendered at build time)', () =>
    matcher.pattern(),
  )!;
  time(
    'start-up slice 2: first two tests of the pattern: V8 compiles it',
    () => pattern.test('') || pattern.test(''),
  );
  time('before the first write: prepare(), the surface index for termIdOf', () =>
    matcher.prepare(),
  );
  time('first termIdOf(): a key lookup', () => matcher.termIdOf('vitamin D'));
  time('first match of an acronym: servedBy(surfaces) (a marked "vitamin D" vouches)', () =>
    matcher.servedBy('vitamin D'),
  );
  time('... only if no marked surface vouched: activeIds(page text), context words', () =>
    matcher.activeIds(text),
  );
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
