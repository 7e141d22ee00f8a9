// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { Highlighter, TERM_ATTR } from '@/entrypoints/highlighter.content/highlight';
import { ScanQueue, isExcluded } from '@/entrypoints/highlighter.content/scan';

const matcher = compileMatcher(glossary);
const pattern = matcher.pattern()!;
const probe = new RegExp(pattern.source, 'u');

/** Wraps every match `accept` allows in `nodes`; returns the marks made, in order. */
function wrapNodes(h: Highlighter, nodes: readonly Text[], accept = (_id: string) => true) {
  const made: HTMLElement[] = [];
  for (const node of nodes) {
    const ranges = matcher.match(node.data).filter((s) => accept(s.termId));
    const pieces = h.wrap(node, ranges) ?? [];
    for (const p of pieces) if (p.nodeType === 1) made.push(p as HTMLElement);
  }
  return made;
}

/** Scans and wraps the whole body synchronously (the controller does this in slices). */
function highlightAll(h: Highlighter, accept = (_id: string) => true) {
  const queue = new ScanQueue(document);
  queue.add(document.body);
  const hits = queue.take(
    (t) => probe.test(t),
    (n) => h.owns(n),
    () => false,
    Infinity,
  );
  return wrapNodes(h, hits, accept);
}

const marks = () => [...document.querySelectorAll(`mark[${TERM_ATTR}]`)];

let h: Highlighter;
beforeEach(() => {
  h = new Highlighter(document);
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('Highlighter', () => {
  test('wraps each term in <mark data-myolens-term> and undo restores the HTML byte for byte', () => {
    document.body.innerHTML = `<h1>Sarcopenia and <em>dynapenia</em></h1>
      <p>Low vitamin D levels and the vitamin D receptor (VDR) in muscle. Sarcopenia again.</p>
      <ul><li><a href="/x">fatty fish</a> &amp; fortified foods</li></ul>`;
    const before = document.body.innerHTML;
    const made = highlightAll(h);
    expect(made.map((m) => m.getAttribute(TERM_ATTR))).toEqual([
      'sarcopenia',
      'dynapenia',
      'vitamin-d-deficiency',
      'vdr',
      'vdr',
      'sarcopenia',
      'fatty-fish',
      'fortified-foods',
    ]);
    expect(document.querySelector('a mark')?.textContent).toBe('fatty fish');
    expect(made.every((m) => !m.hasAttribute('data-markjs'))).toBe(true);
    h.unhighlight();
    expect(document.body.innerHTML).toBe(before);
    expect(h.size).toBe(0);
  });

  test('a node listed twice (a walk repeated) is wrapped once, and undo restores it', () => {
    document.body.innerHTML = '<p>Sarcopenia and dynapenia.</p>';
    const before = document.body.innerHTML;
    const node = document.querySelector('p')!.firstChild as Text;
    const made = wrapNodes(h, [node, node]);
    expect(made.map((m) => m.textContent)).toEqual(['Sarcopenia', 'dynapenia']);
    expect(h.size).toBe(1);
    h.unhighlight();
    expect(document.body.innerHTML).toBe(before);
  });

  test('undo gives each page text node back its own text (same node objects)', () => {
    document.body.innerHTML = '<p>A note on sarcopenia and leucine in old age.</p>';
    const node = document.querySelector('p')!.firstChild as Text;
    highlightAll(h);
    expect(node.data).toBe('A note on ');
    h.unhighlight();
    expect(document.querySelector('p')!.childNodes.length).toBe(1);
    expect(document.querySelector('p')!.firstChild).toBe(node);
    expect(node.data).toBe('A note on sarcopenia and leucine in old age.');
  });

  test('a term at the very end of a node leaves no empty text node behind', () => {
    document.body.innerHTML = '<p>Ask about sarcopenia</p>';
    highlightAll(h);
    h.unhighlight();
    expect(document.querySelector('p')!.childNodes.length).toBe(1);
  });

  test('never marks inside excluded elements', () => {
    document.body.innerHTML = `<p>sarcopenia</p><code>sarcopenia</code><pre>sarcopenia</pre>
      <textarea>sarcopenia</textarea><button>sarcopenia</button><div contenteditable="true"><p>sarcopenia</p></div>
      <div contenteditable><span contenteditable="false">sarcopenia</span></div>
      <svg><text>sarcopenia</text></svg><mark>sarcopenia</mark><kbd>sarcopenia</kbd><samp>sarcopenia</samp>
      <script>var sarcopenia = 1;</script><style>.sarcopenia{}</style><select><option>sarcopenia</option></select>
      <div role="textbox">sarcopenia</div><noscript>sarcopenia</noscript>`;
    highlightAll(h);
    expect(marks().map((m) => m.parentElement!.localName)).toEqual(['p']);
    expect(marks()[0]!.closest('[contenteditable]')).toBeNull();
  });

  test('a mark the page forges is not ours', () => {
    document.body.innerHTML =
      '<p><mark data-myolens-term="sarcopenia">forged</mark> sarcopenia</p>';
    highlightAll(h);
    const [forged, real] = marks();
    expect(h.termIdOfMark(forged!)).toBeUndefined();
    expect(h.termIdOfMark(real!)).toBe('sarcopenia');
    expect(h.owns(forged!.firstChild!)).toBe(false);
    // Changing our mark's attribute does not change what we think it is.
    real!.setAttribute(TERM_ATTR, 'evil');
    expect(h.termIdOfMark(real!)).toBe('sarcopenia');
  });

  test('density "first" marks only the first occurrence of each term', () => {
    document.body.innerHTML =
      '<p>sarcopenia, sarcopenia</p><p>Sarcopenia and leucine, leucine.</p>';
    const seen = new Set<string>();
    highlightAll(h, (id) => !seen.has(id) && !!seen.add(id));
    expect(marks().map((m) => m.textContent)).toEqual(['sarcopenia', 'leucine']);
  });

  test('marks() lists our marks in document order', () => {
    document.body.innerHTML = '<p>leucine</p><p>sarcopenia and dynapenia</p>';
    highlightAll(h);
    expect(h.marks().map((m) => m.textContent)).toEqual(['leucine', 'sarcopenia', 'dynapenia']);
  });
});

describe('Highlighter.repair', () => {
  test('an owner that rewrites its text node gets exactly its new text, our nodes go', () => {
    document.body.innerHTML = '<p>Sarcopenia and leucine.</p>';
    const p = document.querySelector('p')!;
    const head = p.firstChild as Text;
    highlightAll(h);
    head.data = 'Now about dynapenia.';
    const { rescan, edited } = h.repair([head]);
    expect(edited).toBe(0);
    expect(rescan).toEqual([head]);
    expect(p.textContent).toBe('Now about dynapenia.');
    expect(p.childNodes.length).toBe(1);
  });

  test('an owner that removes its text node takes our nodes with it', () => {
    document.body.innerHTML = '<p><b>x</b>Sarcopenia and leucine.</p>';
    const p = document.querySelector('p')!;
    const head = p.lastChild as Text;
    highlightAll(h);
    head.remove();
    h.repair([head]);
    expect(p.textContent).toBe('x');
  });

  test('an owner that moves its node gets the whole text moved with it', () => {
    document.body.innerHTML = '<p><b>first</b>Sarcopenia and leucine.</p>';
    const p = document.querySelector('p')!;
    const head = p.lastChild as Text;
    highlightAll(h);
    p.insertBefore(head, p.firstChild);
    const { rescan } = h.repair([head]);
    expect(p.textContent).toBe('Sarcopenia and leucine.first');
    expect(rescan).toEqual([head]);
  });

  test('a page that removes our mark keeps its own text: only our wrappers go', () => {
    document.body.innerHTML = '<p>About sarcopenia today.</p>';
    const p = document.querySelector('p')!;
    highlightAll(h);
    const mark = p.querySelector('mark')!;
    mark.replaceWith(document.createTextNode(mark.textContent!));
    const { edited } = h.repair([mark]);
    expect(edited).toBe(1);
    expect(p.textContent).toBe('About sarcopenia today.');
    expect(p.querySelector('mark')).toBeNull();
  });

  test('an untouched group is left alone', () => {
    document.body.innerHTML = '<p>About sarcopenia today.</p>';
    highlightAll(h);
    expect(h.repair([document.querySelector('p')!.firstChild!])).toEqual({
      rescan: [],
      edited: 0,
      owners: [],
    });
    expect(marks()).toHaveLength(1);
  });
});

describe('isExcluded', () => {
  test('foreign namespaces and design mode', () => {
    document.body.innerHTML = '<p>x</p>';
    expect(isExcluded(document.querySelector('p'))).toBe(false);
    expect(isExcluded(document.createElementNS('http://www.w3.org/2000/svg', 'g'))).toBe(true);
    expect(isExcluded(null)).toBe(true);
  });
});

describe('mark.js over a list of text nodes', () => {
  const load = () => {
    document.body.innerHTML = `<h1>Sarcopenia and <em>dynapenia</em></h1>
    <p>Low vitamin D levels and the vitamin D receptor (VDR) in muscle. Sarcopenia again.</p>
    <script>var sarcopenia = 1;</script><style>.sarcopenia{}</style>
    <ul><li><a href="/x">fatty fish</a> &amp; fortified foods, hypercalcemia</li></ul>`;
  };
  const textNodes = () => {
    const out: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
    return out;
  };

  test('creates no NodeIterator (Blink updates each live one on every DOM removal)', () => {
    load();
    const created: unknown[] = [];
    const real = document.createNodeIterator.bind(document);
    document.createNodeIterator = ((...a: Parameters<typeof real>) => {
      created.push(a[0]);
      return real(...a);
    }) as typeof document.createNodeIterator;
    try {
      expect(wrapNodes(h, textNodes()).length).toBe(9);
    } finally {
      document.createNodeIterator = real;
    }
    expect(created).toEqual([]);
  });

  test("marks exactly what mark.js's own iteration over the same nodes marks", async () => {
    const { default: Mark } = await import('mark.js');
    load();
    const nodes = textNodes();
    new Mark(nodes as unknown as HTMLElement[]).markRegExp(matcher.pattern()!, {
      element: 'mark',
      filter: (_n, m) => matcher.termIdOf(m) !== undefined,
    });
    const byMarkJs = [...document.querySelectorAll('mark')].map((m) => m.textContent);
    const htmlByMarkJs = document.body.innerHTML.replace(/ data-markjs="true"/g, '');
    load();
    h.setStyle('none');
    wrapNodes(h, textNodes());
    expect(marks().map((m) => m.textContent)).toEqual(byMarkJs);
    expect(byMarkJs.length).toBe(9);
    expect(
      document.body.innerHTML.replace(/ data-myolens-term="[^"]*" data-myolens-style="none"/g, ''),
    ).toBe(htmlByMarkJs);
  });
});
