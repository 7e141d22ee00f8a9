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
  const hint = time('start(): scanAnchors(text).anyIn(page): where a term may start', () => {
    const scan = matcher.scanAnchors(text);
    return { scan, passes: !scan || scan.anyIn(0, text.length) };
  });
  out[out.length - 1]!.step += hint.passes
    ? ' (passes: the walk follows)'
    : ' (fails: start() ends here)';
  const pattern = time('first text past the prefilter: pattern() (rendered at build time)', () =>
    matcher.pattern(),
  )!;
  time(
    'first two tests of the pattern: V8 compiles it (one-byte strings)',
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
