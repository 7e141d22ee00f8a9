// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { inComposedOrder } from '@/entrypoints/highlighter.content/composed-order';
import { openRootsIn } from '@/entrypoints/highlighter.content/shadow-roots';
import { TestSession, timerHost, ungatedMatcher, wrapAll } from './session';

/**
 * Open shadow roots are scanned as roots of their own: found at start (attached, nested),
 * after load (a host added to the document or to a known root), forgotten with their host;
 * a page without one pays no walk per mutation batch. The wrap renderer writes no mark
 * into a page's shadow tree (README, "Where MyoLens reads").
 */
const options = wrapAll;
// The MutationObserver's records arrive in a microtask, after the page's change.
const tick = () => new Promise((r) => setTimeout(r, 0));

let session: TestSession | undefined;
afterEach(() => {
  session?.stop();
  session = undefined;
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** An element holding text and elements. */
function el(tag: string, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  e.append(...children);
  return e;
}

/** A host element with a shadow root (open unless said) holding `children`. */
function host(...children: (Node | string)[]): HTMLElement {
  return withRoot('open', ...children);
}

/** A host element with a shadow root of this mode holding `children`. */
function withRoot(mode: ShadowRootMode, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement('div');
  e.attachShadow({ mode }).append(...children);
  return e;
}

async function started(matcher = ungatedMatcher()): Promise<TestSession> {
  session = new TestSession(document, timerHost, matcher, options);
  session.start();
  await session.whenIdle();
  return session;
}

async function settled(s: TestSession): Promise<void> {
  await tick();
  await s.whenIdle();
}

describe('discovery', () => {
  test('at start: a root attached by script and a root nested inside it, not a closed one', async () => {
    const outer = host(el('p', 'Sarcopenia in the shell.'), el('section'));
    outer.shadowRoot!.querySelector('section')!.append(host(el('p', 'Dynapenia in the story.')));
    document.body.append(outer, withRoot('closed', el('p', 'Leucine, closed.')));
    const s = await started();
    expect(Object.fromEntries(s.counts())).toEqual({ sarcopenia: 1, dynapenia: 1 });
    expect(s.tab.shadowRoots).toHaveLength(2);
    // The wrap renderer leaves the component's tree alone: no mark, the text its own.
    expect(outer.shadowRoot!.querySelector('mark')).toBeNull();
    expect(outer.shadowRoot!.innerHTML).toBe(
      '<p>Sarcopenia in the shell.</p><section><div></div></section>',
    );
  });

  test('after load: a host added to the document, then one added inside that root', async () => {
    document.body.innerHTML = '<p>Nothing here yet.</p>';
    const s = await started();
    expect(s.counts().size).toBe(0);
    const late = host(el('article', el('p', 'Sarcopenia arrives.')));
    const wrapper = document.createElement('div');
    wrapper.append(late);
    document.body.append(wrapper);
    await settled(s);
    expect(Object.fromEntries(s.counts())).toEqual({ sarcopenia: 1 });
    late.shadowRoot!.querySelector('article')!.append(host(el('p', 'Then dynapenia.')));
    await settled(s);
    expect(Object.fromEntries(s.counts())).toEqual({ sarcopenia: 1, dynapenia: 1 });
    // A known root filled later is read as the document is.
    late.shadowRoot!.append(document.createTextNode(' And leucine.'));
    await settled(s);
    expect(s.counts().get('leucine')).toBe(1);
  });

  test('a root on a pointer path that no record announced (attached after insertion)', async () => {
    const el = document.createElement('div');
    document.body.append(el);
    const s = await started();
    el.attachShadow({ mode: 'open' }).innerHTML = '<p>Sarcopenia, late.</p>';
    await settled(s);
    expect(s.counts().size).toBe(0);
    expect(s.tab.discover([el.shadowRoot!.firstChild!, el.shadowRoot!, el, document.body])).toBe(
      true,
    );
    await s.whenIdle();
    expect(Object.fromEntries(s.counts())).toEqual({ sarcopenia: 1 });
    // Known now: the next event through it finds nothing new.
    expect(s.tab.discover([el.shadowRoot!, el])).toBe(false);
  });
});

describe('forgetting', () => {
  test('a removed host takes its root and the roots inside it: counts, observer, all', async () => {
    const outer = host(el('p', 'Sarcopenia.'), el('div'));
    const inner = host(el('p', 'Dynapenia.'));
    outer.shadowRoot!.querySelector('div')!.append(inner);
    document.body.innerHTML = '<p>Leucine in the page.</p>';
    document.body.append(outer);
    const s = await started();
    expect(s.counts().size).toBe(3);
    const before = s.changes;
    outer.remove();
    await settled(s);
    expect(Object.fromEntries(s.counts())).toEqual({ leucine: 1 });
    expect(s.tab.shadowRoots).toEqual([]);
    expect(s.changes).toBeGreaterThan(before);
    // No longer watched: what the removed tree gains is nobody's news.
    inner.shadowRoot!.append(document.createTextNode('Sarcopenia again.'));
    await settled(s);
    expect(Object.fromEntries(s.counts())).toEqual({ leucine: 1 });
    // Put back, it is a new root to read.
    document.body.append(outer);
    await settled(s);
    expect(Object.fromEntries(s.counts())).toEqual({ leucine: 1, sarcopenia: 2, dynapenia: 1 });
  });

  test('a host added and removed in one batch is never kept', async () => {
    const s = await started();
    const passing = host(el('p', 'Sarcopenia, briefly.'));
    document.body.append(passing);
    passing.remove();
    await settled(s);
    expect(s.tab.shadowRoots).toEqual([]);
    expect(s.counts().size).toBe(0);
  });

  test('turning off forgets every root', async () => {
    document.body.append(host(el('p', 'Sarcopenia.')));
    const s = await started();
    expect(s.tab.shadowRoots).toHaveLength(1);
    s.stop();
    expect(s.tab.shadowRoots).toEqual([]);
    expect(s.counts().size).toBe(0);
  });
});

test('a component inside an editor, a button or code is excluded with it; text right in a root is read', async () => {
  const editor = el('div', host(el('p', 'Sarcopenia in a draft.')));
  editor.setAttribute('contenteditable', '');
  const button = el('button', host('Dynapenia, text right in the root.'));
  const code = el('code', host(el('span', 'Leucine in a snippet.')));
  const read = [host(el('p', 'Hypercalcemia, read.')), host('Sarcopenia, right in a root.')];
  document.body.append(editor, button, code, ...read);
  const s = await started();
  expect(Object.fromEntries(s.counts())).toEqual({ hypercalcemia: 1, sarcopenia: 1 });
});

test('a page without shadow roots: each batch walks only the subtrees it added', async () => {
  document.body.innerHTML = '<main><p>Sarcopenia.</p><div><p>Text.</p></div></main>';
  const s = await started();
  // Element walks (the scanner's own walks read text nodes only).
  const walked: Node[] = [];
  const own = document.createTreeWalker.bind(document);
  vi.spyOn(document, 'createTreeWalker').mockImplementation((root: Node, what?: number) => {
    if (what === NodeFilter.SHOW_ELEMENT) walked.push(root);
    return own(root, what);
  });
  const added = document.createElement('section');
  added.innerHTML = '<p>Dynapenia <b>here</b>.</p>';
  const lone = document.createElement('p');
  document.body.append(added, lone, document.createTextNode('text'));
  document.querySelector('main p')!.textContent = 'Leucine.';
  await settled(s);
  expect(walked).toEqual([added]);
  expect(s.counts().get('dynapenia')).toBe(1);
});

test('mentions are in composed order: a root where its host is', async () => {
  document.body.innerHTML = '<p>Sarcopenia first.</p><div id="h"></div><p>Leucine last.</p>';
  const h = document.getElementById('h')!;
  h.attachShadow({ mode: 'open' }).innerHTML = '<p>Dynapenia inside.</p><span></span>';
  h.shadowRoot!.querySelector('span')!.append(host(el('p', 'Hypercalcemia, deeper.')));
  const s = await started();
  expect(s.mentions().map((o) => o.termId)).toEqual([
    'sarcopenia',
    'dynapenia',
    'hypercalcemia',
    'leucine',
  ]);
});

test('inComposedOrder: roots at their hosts, hosts in document order, others at the end', () => {
  document.body.innerHTML = '<p>a</p><div id="x"></div><p>b</p><div id="y"></div>';
  const [a, b] = [...document.querySelectorAll('p')].map((p) => ({ node: p.firstChild! }));
  const x = document.getElementById('x')!.attachShadow({ mode: 'open' });
  const y = document.getElementById('y')!.attachShadow({ mode: 'open' });
  x.innerHTML = '<i>x</i>';
  y.innerHTML = '<i>y</i>';
  const ix = { node: x.firstChild!.firstChild! };
  const iy = { node: y.firstChild!.firstChild! };
  const layer = document.createElement('div');
  const il = { node: layer };
  const lists = new Map<Node, { node: Node }[]>([
    [layer, [il]],
    [y, [iy]],
    [document, [a!, b!]],
    [x, [ix]],
  ]);
  expect(inComposedOrder(document, lists)).toEqual([a, ix, b, iy, il]);
});

test('openRootsIn: a host itself, hosts under a node, none under text', () => {
  const h = host(el('p', 'x'));
  const wrapper = document.createElement('div');
  wrapper.append(h);
  expect(openRootsIn(h)).toEqual([h.shadowRoot]);
  expect(openRootsIn(wrapper)).toEqual([h.shadowRoot]);
  expect(openRootsIn(document.createTextNode('x'))).toEqual([]);
});

describe('the topic and the context are the page’s, not the root’s alone', () => {
  const HEALTH =
    'Older adults lose muscle with age. Sarcopenia and dynapenia follow; patients with ' +
    'vitamin D deficiency lose strength. A workout, a good diet and protein help muscle health.';

  test('a comment widget on a health article: its shared forms count', async () => {
    document.body.innerHTML = '<article></article>';
    document.querySelector('article')!.textContent = HEALTH;
    document.body.append(host(el('p', 'My knee inflammation got better.')));
    const s = await started(compileMatcher(glossary));
    expect(s.counts().get('inflammation')).toBe(1);
  });

  test('the same widget on a page about markets: not shown', async () => {
    document.body.innerHTML =
      '<article>Markets fell as traders weighed prices, bonds and the central bank.</article>';
    document.body.append(host(el('p', 'My knee inflammation got better.')));
    const s = await started(compileMatcher(glossary));
    expect(s.counts().has('inflammation')).toBe(false);
  });
});

test('hidden terms stay hidden in roots, and a settings change reads every root again', async () => {
  document.body.append(host(el('p', 'Sarcopenia and leucine.')));
  const s = await started();
  expect(Object.fromEntries(s.counts())).toEqual({ sarcopenia: 1, leucine: 1 });
  s.update({ ...options, hiddenTerms: new Set(['sarcopenia']) });
  await s.whenIdle();
  expect(Object.fromEntries(s.counts())).toEqual({ leucine: 1 });
});
