// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import {
  PageController,
  type HighlightOptions,
} from '@/entrypoints/highlighter.content/controller';
import { HIGHLIGHT_NAMES } from '@/entrypoints/highlighter.content/paint';

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
const g = globalThis as unknown as Record<string, unknown>;
const win = window as unknown as Record<string, unknown>;

beforeEach(() => {
  registry.clear();
  win.Highlight = g.Highlight = FakeHighlight;
  win.StaticRange = g.StaticRange = FakeStaticRange;
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
});

const matcher = compileMatcher(glossary);
const host = { setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms), performance };
const tick = () => new Promise((r) => setTimeout(r, 0));
const base: HighlightOptions = {
  density: 'section',
  style: 'underline',
  hiddenTerms: new Set<string>(),
  renderer: 'paint',
};

let controller: PageController | undefined;
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

async function run(html: string, options: Partial<HighlightOptions> = {}) {
  setBody(html);
  controller = new PageController(document, host, matcher, { ...base, ...options });
  controller.start();
  await controller.whenIdle();
  return controller;
}

/** The text each range of a registered highlight covers, in registration order. */
const painted = (name: string = HIGHLIGHT_NAMES.underline) =>
  [...(registry.get(name) ?? [])].map((r) =>
    (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
  );

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
    controller = new PageController(document, host, matcher, base);
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

  test('a page that clears the registry or takes a name gets ours back at the next check', async () => {
    await run('<p>Sarcopenia and dynapenia.</p>');
    const ours = registry.get(HIGHLIGHT_NAMES.underline);
    registry.clear();
    registry.set(HIGHLIGHT_NAMES.underline, new FakeHighlight());
    controller!.renderer.check();
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
