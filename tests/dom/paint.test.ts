// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ShowOptions } from '@/entrypoints/highlighter.content/tab';
import { TestSession, timerHost, ungatedMatcher } from './session';
import { HIGHLIGHT_NAMES, RUN_LENGTH } from '@/entrypoints/highlighter.content/paint';

/**
 * happy-dom has no CSS Custom Highlight API: a stand-in with the same shape (Highlight is
 * a set of ranges with a priority, the registry a map, StaticRange a snapshot of its
 * boundary points), enough to see what the paint renderer registers.
 */
class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: {
    startContainer: Node;
    startOffset: number;
    endContainer: Node;
    endOffset: number;
  }) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}
class FakeHighlight extends Set<FakeStaticRange> {
  priority = 0;
}
const registry = new Map<string, FakeHighlight>();

/**
 * happy-dom's IntersectionObserver never reports. A stand-in that does, as a browser
 * would after its next frame: each observed element near the viewport unless the test
 * put it in `far`, an element with `display: contents` boxless (never intersecting).
 */
const far = new Map<Element, 'above' | 'below'>();
const observers = new Set<FakeIntersectionObserver>();
class FakeIntersectionObserver {
  readonly targets = new Set<Element>();
  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    observers.add(this);
  }
  observe(target: Element): void {
    this.targets.add(target);
    queueMicrotask(() => this.report([target]));
  }
  unobserve(target: Element): void {
    this.targets.delete(target);
  }
  disconnect(): void {
    this.targets.clear();
  }
  /** Tells the renderer where `targets` are now (the ones still observed). */
  report(targets: Element[]): void {
    const entries = targets
      .filter((t) => this.targets.has(t))
      .map((target) => {
        const boxless = (target as HTMLElement).style.display === 'contents';
        const top = { above: -3000, below: 5000 }[far.get(target)!] ?? 0;
        return {
          target,
          isIntersecting: !boxless && !far.has(target),
          boundingClientRect: boxless
            ? { width: 0, height: 0, top: 0, bottom: 0 }
            : { width: 100, height: 20, top, bottom: top + 20 },
          rootBounds: { top: -800, bottom: 1600 },
        } as unknown as IntersectionObserverEntry;
      });
    if (entries.length) this.callback(entries);
  }
}
/** Puts `el` above or below the viewport and its margin, or (undefined) in view. */
function lay(el: Element, place: 'near' | 'above' | 'below'): void {
  if (place === 'near') far.delete(el);
  else far.set(el, place);
  const top = { near: 0, above: -3000, below: 5000 }[place];
  el.getBoundingClientRect = () => ({ width: 100, height: 20, top, bottom: top + 20 }) as DOMRect;
}
/**
 * The page scrolled: each element is near the viewport now, or above or below it. The
 * watcher reports them, the window fires a scroll event, and the renderer's look at
 * runs taller than the margin is waited for.
 */
async function scrolled(places: [Element, 'near' | 'above' | 'below'][]): Promise<void> {
  for (const [el, place] of places) lay(el, place);
  for (const o of observers) o.report(places.map(([el]) => el));
  window.dispatchEvent(new Event('scroll'));
  await new Promise((r) => setTimeout(r, 200));
}
const watched = () => new Set([...observers].flatMap((o) => [...o.targets]));
const g = globalThis as unknown as Record<string, unknown>;
const win = window as unknown as Record<string, unknown>;

beforeEach(() => {
  registry.clear();
  far.clear();
  observers.clear();
  win.IntersectionObserver = g.IntersectionObserver = FakeIntersectionObserver;
  win.Highlight = g.Highlight = FakeHighlight;
  win.StaticRange = g.StaticRange = FakeStaticRange;
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
});

const matcher = ungatedMatcher();
const host = timerHost;
const tick = () => new Promise((r) => setTimeout(r, 0));
const base: ShowOptions = {
  density: 'section',
  style: 'underline',
  hiddenTerms: new Set<string>(),
  renderer: 'paint',
};

let controller: TestSession | undefined;
afterEach(() => {
  controller?.stop();
  controller = undefined;
  document.body.replaceChildren();
});

/** Puts a fixture's markup in the body (parsed inert, as the page's own). */
function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...document.adoptNode(parsed.body).childNodes);
}

async function run(html: string, options: Partial<ShowOptions> = {}) {
  setBody(html);
  controller = new TestSession(document, host, matcher, { ...base, ...options });
  controller.start();
  await controller.whenIdle();
  await tick();
  return controller;
}

/** The text each range of a registered highlight covers, in document order. */
const painted = (name: string = HIGHLIGHT_NAMES.underline) =>
  [...(registry.get(name) ?? [])]
    .sort((a, b) =>
      a.startContainer === b.startContainer
        ? a.startOffset - b.startOffset
        : a.startContainer.compareDocumentPosition(b.startContainer) &
            Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1,
    )
    .map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset));

describe('paint renderer', () => {
  test('changes no node of the page: no mutation, same HTML, ranges on the exact terms', async () => {
    const html =
      '<h1>Sarcopenia</h1><p>Sarcopenia and <b>dynapenia</b>; vitamin D.</p><p>More sarcopenia.</p>';
    setBody(html);
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    controller = new TestSession(document, host, matcher, base);
    controller.start();
    await controller.whenIdle();
    await tick();
    records.push(...observer.takeRecords());
    expect(records).toEqual([]);
    expect(document.body.innerHTML).toBe(html);
    expect(document.querySelectorAll('mark').length).toBe(0);
    // The heading's mention is explained, not underlined; the section's first in the text is.
    expect(painted()).toEqual(['Sarcopenia', 'dynapenia', 'vitamin D']);
    expect(Object.fromEntries(controller.counts())).toEqual({
      sarcopenia: 3,
      dynapenia: 1,
      'vitamin-d': 1,
    });
    expect(controller.mentions().map((o) => [o.termId, o.shown])).toEqual([
      ['sarcopenia', false],
      ['sarcopenia', true],
      ['dynapenia', true],
      ['vitamin-d', true],
      ['sarcopenia', false],
    ]);
    controller.stop();
    observer.disconnect();
    expect(records).toEqual([]);
    expect(registry.size).toBe(0);
  });

  test('density: first per section, every mention, first on the page; never in navigation', async () => {
    const html = `<nav><a href="/s">Sarcopenia</a></nav><p>Sarcopenia, sarcopenia.</p>
      <h2>Next</h2><p>sarcopenia again, and leucine.</p><div role="navigation">leucine</div>
      <ol aria-label="Breadcrumb"><li>sarcopenia</li></ol>`;
    await run(html);
    expect(painted()).toEqual(['Sarcopenia', 'sarcopenia', 'leucine']);
    expect(controller!.counts().get('sarcopenia')).toBe(5);
    controller!.stop();
    await run(html, { density: 'all' });
    expect(painted()).toEqual(['Sarcopenia', 'sarcopenia', 'sarcopenia', 'leucine']);
    controller!.stop();
    await run(html, { density: 'first' });
    expect(painted()).toEqual(['Sarcopenia', 'leucine']);
  });

  test('styles: soft highlight under its own name, none registers no underline', async () => {
    await run('<p>Sarcopenia and dynapenia.</p>', { style: 'background' });
    expect(painted(HIGHLIGHT_NAMES.background)).toEqual(['Sarcopenia', 'dynapenia']);
    expect(registry.has(HIGHLIGHT_NAMES.underline)).toBe(false);
    controller!.update({ ...base, style: 'none' });
    expect(registry.has(HIGHLIGHT_NAMES.background)).toBe(false);
    expect(registry.has(HIGHLIGHT_NAMES.underline)).toBe(false);
    // Still explained: every mention is known.
    expect(controller!.counts().get('dynapenia')).toBe(1);
    controller!.update({ ...base, style: 'underline' });
    expect(painted()).toEqual(['Sarcopenia', 'dynapenia']);
  });

  test('a page that clears the registry or takes a name gets ours back at the next hit-test', async () => {
    await run('<p>Sarcopenia and dynapenia.</p>');
    const ours = registry.get(HIGHLIGHT_NAMES.underline);
    registry.clear();
    registry.set(HIGHLIGHT_NAMES.underline, new FakeHighlight());
    // The pointer's hit-test asks the renderer what is hovered after every move.
    controller!.renderer.hover(undefined);
    expect(registry.get(HIGHLIGHT_NAMES.underline)).toBe(ours);
    expect(registry.has(HIGHLIGHT_NAMES.hover)).toBe(true);
  });

  test('text the page changes, removes or adds is rescanned; no range outlives its text', async () => {
    await run('<p id="a">Sarcopenia here.</p><p id="b">dynapenia there.</p>');
    const a = document.getElementById('a')!.firstChild as Text;
    a.data = 'Now leucine instead.';
    document.getElementById('b')!.remove();
    const p = document.createElement('p');
    p.textContent = 'And the vitamin D receptor.';
    document.body.append(p);
    await tick();
    await controller!.whenIdle();
    expect(painted().sort()).toEqual(['leucine', 'vitamin D receptor']);
    expect([...controller!.counts().keys()].sort()).toEqual(['leucine', 'vdr']);
    for (const r of registry.get(HIGHLIGHT_NAMES.underline)!)
      expect(r.startContainer.isConnected).toBe(true);
  });

  test('a removed underlined mention lets the next one found in its section take over', async () => {
    await run('<p id="a">Sarcopenia first.</p><p>Sarcopenia second.</p>');
    expect(painted()).toEqual(['Sarcopenia']);
    document.getElementById('a')!.remove();
    const p = document.createElement('p');
    p.textContent = 'Sarcopenia third.';
    document.body.append(p);
    await tick();
    await controller!.whenIdle();
    // The second stays as it was (explained, not underlined); the new one takes the line.
    expect(painted()).toEqual(['Sarcopenia']);
    expect(
      (registry.get(HIGHLIGHT_NAMES.underline)!.values().next().value!.startContainer as Text).data,
    ).toBe('Sarcopenia third.');
  });

  test('a region that becomes an editor loses its occurrences', async () => {
    await run('<article><p>Sarcopenia and leucine.</p></article><p>dynapenia</p>');
    document.querySelector('article')!.setAttribute('contenteditable', 'true');
    await tick();
    await controller!.whenIdle();
    expect(painted()).toEqual(['dynapenia']);
    expect([...controller!.counts().keys()]).toEqual(['dynapenia']);
  });

  test('only underlines near the viewport are registered, in runs; the rest as they come', async () => {
    // Three runs' worth of paragraphs, one underline each, and a last short run.
    const n = RUN_LENGTH * 3 + 5;
    setBody(Array.from({ length: n }, (_, i) => `<p id="p${i}">Sarcopenia ${i}.</p>`).join(''));
    const p = (i: number) => document.getElementById(`p${i}`)!;
    for (let i = RUN_LENGTH; i < n; i++) lay(p(i), 'below');
    controller = new TestSession(document, host, matcher, { ...base, density: 'all' });
    controller.start();
    await controller.whenIdle();
    await tick();
    const ids = () =>
      [...(registry.get(HIGHLIGHT_NAMES.underline) ?? [])]
        .map((r) => Number((r.startContainer.parentNode as Element).id.slice(1)))
        .sort((x, y) => x - y);
    const span = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => from + i);
    expect(ids()).toEqual(span(0, RUN_LENGTH));
    // Every mention is known and explained, registered or not.
    expect(controller.counts().get('sarcopenia')).toBe(n);
    // Only each run's first and last element are watched.
    const ends = [0, 1, 2, 3].flatMap((k) => [
      p(k * RUN_LENGTH),
      p(Math.min(n, (k + 1) * RUN_LENGTH) - 1),
    ]);
    expect(watched()).toEqual(new Set(ends));
    // Scrolled down: the first run above, the second's head near.
    await scrolled([
      [p(0), 'above'],
      [p(RUN_LENGTH - 1), 'above'],
      [p(RUN_LENGTH), 'near'],
    ]);
    expect(ids()).toEqual(span(RUN_LENGTH, 2 * RUN_LENGTH));
    // A run taller than the margin: its head above and its tail below still count.
    await scrolled([
      [p(RUN_LENGTH), 'above'],
      [p(2 * RUN_LENGTH - 1), 'above'],
      [p(2 * RUN_LENGTH), 'above'],
      [p(3 * RUN_LENGTH - 1), 'below'],
    ]);
    expect(ids()).toEqual(span(2 * RUN_LENGTH, 3 * RUN_LENGTH));
    // A page that cleared the registry meanwhile gets it back with the next report.
    registry.clear();
    await scrolled([[p(n - 1), 'near']]);
    expect(ids()).toEqual(span(2 * RUN_LENGTH, n));
  });

  test('a jump past the margin that no report tells of: the next scroll looks again', async () => {
    // Two runs, their ends below the margin.
    setBody(
      Array.from({ length: RUN_LENGTH * 2 }, (_, i) => `<p id="p${i}">Leucine ${i}.</p>`).join(''),
    );
    const p = (i: number) => document.getElementById(`p${i}`)!;
    for (let i = 0; i < RUN_LENGTH * 2; i++) lay(p(i), 'below');
    controller = new TestSession(document, host, matcher, { ...base, density: 'all' });
    controller.start();
    await controller.whenIdle();
    await tick();
    expect(painted()).toEqual([]);
    // The reader jumps into the middle of the first run: its head is above the margin
    // now, its tail still below, and the watcher saw no crossing.
    lay(p(0), 'above');
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 200));
    expect(painted()).toHaveLength(RUN_LENGTH);
    expect(painted()[0]).toBe('Leucine');
    // Jumped past it: both ends above, gone again; stop leaves no listener that acts.
    lay(p(RUN_LENGTH - 1), 'above');
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 200));
    expect(painted()).toEqual([]);
    controller.stop();
    lay(p(RUN_LENGTH), 'above');
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 200));
    expect(registry.size).toBe(0);
  });

  test('runs follow document order: text added earlier in the page starts a run of its own', async () => {
    await run('<p id="a">Sarcopenia here.</p><p id="b">dynapenia there.</p>');
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    expect(watched()).toEqual(new Set([a, b]));
    const early = document.createElement('p');
    early.textContent = 'Leucine first.';
    document.body.prepend(early);
    await tick();
    await controller!.whenIdle();
    await tick();
    expect(watched()).toEqual(new Set([a, b, early]));
    expect(painted()).toEqual(['Leucine', 'Sarcopenia', 'dynapenia']);
    // Only the new run goes when its element is away.
    await scrolled([[early, 'above']]);
    expect(painted()).toEqual(['Sarcopenia', 'dynapenia']);
  });

  test('an element whose mentions are gone is no longer watched; stop unwatches all', async () => {
    await run('<p id="a">Sarcopenia here.</p><p id="m">Leucine.</p><p id="b">dynapenia there.</p>');
    const a = document.getElementById('a')!;
    const b = document.getElementById('b')!;
    const m = document.getElementById('m')!;
    // One run: its ends are watched, the middle is not.
    expect(watched()).toEqual(new Set([a, b]));
    a.remove();
    (b.firstChild as Text).data = 'nothing to see';
    await tick();
    await controller!.whenIdle();
    await tick();
    // The run's one underline left: its element is both ends now.
    expect(watched()).toEqual(new Set([m]));
    expect(painted()).toEqual(['Leucine']);
    m.remove();
    await tick();
    await controller!.whenIdle();
    await tick();
    expect(watched()).toEqual(new Set());
    expect(painted()).toEqual([]);
    controller!.stop();
    expect(watched()).toEqual(new Set());
    expect(registry.size).toBe(0);
  });

  test('text in a display: contents element (no box to watch) stays registered', async () => {
    setBody('<p><span style="display: contents">Sarcopenia</span> and dynapenia.</p>');
    // As in a browser (happy-dom gives every element a rect): no box, no rects.
    document.querySelector('span')!.getClientRects = () => [] as unknown as DOMRectList;
    controller = new TestSession(document, host, matcher, base);
    controller.start();
    await controller.whenIdle();
    await tick();
    expect(painted()).toEqual(['Sarcopenia', 'dynapenia']);
    expect([...watched()].map((e) => e.localName)).toEqual(['p']);
  });

  test('hidden terms are neither shown nor counted', async () => {
    await run('<p>Sarcopenia and dynapenia.</p>', { hiddenTerms: new Set(['dynapenia']) });
    expect(painted()).toEqual(['Sarcopenia']);
    expect([...controller!.counts().keys()]).toEqual(['sarcopenia']);
  });
});

describe('wrap renderer occurrences', () => {
  test('every occurrence names the text node that holds it after the split', async () => {
    await run('<p>Sarcopenia, then sarcopenia and dynapenia; sarcopenia.</p>', {
      renderer: 'wrap',
    });
    // Only the underlined mentions are wrapped: the others stay page text.
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Sarcopenia',
      'dynapenia',
    ]);
    const mentions = controller!.mentions();
    expect(mentions.map((o) => o.node.data.slice(o.start, o.end))).toEqual([
      'Sarcopenia',
      'sarcopenia',
      'dynapenia',
      'sarcopenia',
    ]);
    expect(mentions.map((o) => o.node.parentElement!.localName)).toEqual([
      'mark',
      'p',
      'mark',
      'p',
    ]);
    const html = '<p>Sarcopenia, then sarcopenia and dynapenia; sarcopenia.</p>';
    controller!.stop();
    expect(document.body.innerHTML).toBe(html);
  });
});
