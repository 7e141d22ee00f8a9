// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { PROBE_PREFILTER } from '@/content/generated/probe';
import {
  lazyTest,
  mayHoldTerms,
  PROBE_DELAY_MS,
  PROBE_NODE_LIMIT,
  watchForTerms,
} from '@/entrypoints/highlighter.content/frame-probe';
import {
  focusIsHere,
  frameElementOf,
  framePath,
} from '@/entrypoints/highlighter.content/frame-focus';
import { compileMatcher } from '@/lib/matcher';

/**
 * The frames' first stage (entrypoints/frames.ts): a frame's text is tested with the
 * matcher's own whole-word prefilter before anything else of MyoLens starts there, and a
 * frame without a candidate waits for one with a single observer.
 */
const prefilter = lazyTest(PROBE_PREFILTER.source, PROBE_PREFILTER.flags);

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

function el(tag: string, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  e.append(...children);
  return e;
}

describe('the probe’s prefilter', () => {
  test('is the matcher’s whole-word prefilter, rendered at build time', () => {
    expect(PROBE_PREFILTER.source).toBe(compileMatcher(glossary).prefilter.source);
    expect(PROBE_PREFILTER.flags).toBe(compileMatcher(glossary).prefilter.flags);
  });

  test('never says no where the matcher finds a term', () => {
    const matcher = compileMatcher(glossary);
    for (const term of glossary)
      for (const form of term.forms) {
        const text = `We read about ${form} today.`;
        if (matcher.match(text).length) expect(prefilter(text), form).toBe(true);
      }
  });

  test('says no to text without any of the guide’s words, and to blank text', () => {
    expect(prefilter('Spring sale: new running shoes and travel bags, delivered free.')).toBe(
      false,
    );
    expect(prefilter('   \n\t ')).toBe(false);
    expect(prefilter('')).toBe(false);
  });
});

describe('mayHoldTerms', () => {
  test('finds a candidate in the light DOM and in open shadow roots, not in scripts or styles', () => {
    document.body.append(el('p', 'Buy shoes today.'), el('script', 'var sarcopenia = 1;'));
    document.head.append(el('style', '.dynapenia { color: red }'));
    expect(mayHoldTerms(document, prefilter)).toBe(false);

    const host = el('div');
    host.attachShadow({ mode: 'open' }).append(el('p', 'Dynapenia comes first.'));
    document.body.append(host);
    expect(mayHoldTerms(document, prefilter)).toBe(true);
    document.head.replaceChildren();
  });

  test('says yes past its node budget instead of walking a huge frame at once', () => {
    const big = el('div');
    // Each span is two nodes (the element and its text).
    for (let i = 0; i <= PROBE_NODE_LIMIT / 2; i++) big.append(el('span', 'shoes'));
    document.body.append(big);
    expect(mayHoldTerms(document, prefilter)).toBe(true);
  });
});

describe('watchForTerms', () => {
  const host = () => ({
    setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
    clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  });

  test('looks once per burst of changes, at the added text only, and stops when it finds one', async () => {
    vi.useFakeTimers();
    const found = vi.fn();
    const test = vi.fn(prefilter);
    watchForTerms(document, test, found, host());
    document.body.append(el('p', 'Shoes on sale.'));
    document.body.append(el('p', 'Bags on sale.'));
    await vi.advanceTimersByTimeAsync(PROBE_DELAY_MS);
    expect(found).not.toHaveBeenCalled();
    expect(test).toHaveBeenCalledTimes(2);

    document.body.append(el('p', 'Sarcopenia, the loss of muscle.'));
    await vi.advanceTimersByTimeAsync(PROBE_DELAY_MS - 1);
    expect(found).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(found).toHaveBeenCalledTimes(1);

    // Stopped: later text is not looked at.
    test.mockClear();
    document.body.append(el('p', 'Dynapenia.'));
    await vi.advanceTimersByTimeAsync(PROBE_DELAY_MS * 2);
    expect(test).not.toHaveBeenCalled();
    expect(found).toHaveBeenCalledTimes(1);
  });

  test('sees text that changes in place, and can be stopped before it finds any', async () => {
    vi.useFakeTimers();
    const text = document.createTextNode('Shoes.');
    document.body.append(el('p', text));
    const found = vi.fn();
    const stop = watchForTerms(document, prefilter, found, host());
    text.data = 'Hypercalcemia is rare.';
    await vi.advanceTimersByTimeAsync(PROBE_DELAY_MS);
    expect(found).toHaveBeenCalledTimes(1);

    const again = vi.fn();
    const stopAgain = watchForTerms(document, prefilter, again, host());
    stopAgain();
    document.body.append(el('p', 'Sarcopenia.'));
    await vi.advanceTimersByTimeAsync(PROBE_DELAY_MS * 2);
    expect(again).not.toHaveBeenCalled();
    stop();
  });

  test('a flood of changes is looked at as one walk of the document', async () => {
    vi.useFakeTimers();
    const found = vi.fn();
    watchForTerms(document, prefilter, found, host());
    for (let i = 0; i < 300; i++) document.body.append(el('span', 'shoes'));
    document.body.append(el('p', 'Vitamin D deficiency.'));
    await vi.advanceTimersByTimeAsync(PROBE_DELAY_MS);
    expect(found).toHaveBeenCalledTimes(1);
  });
});

describe('frame focus and frame elements', () => {
  test('a document with focus on a frame element has given the keyboard to that frame', () => {
    // An <object> holds a document as a frame does (happy-dom would try to load an iframe).
    const frame = el('object');
    frame.tabIndex = 0;
    document.body.append(frame, el('button', 'Go'));
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    (document.body.lastElementChild as HTMLElement).focus();
    expect(focusIsHere(document, true)).toBe(true);
    expect(focusIsHere(document, false)).toBe(true);
    frame.focus();
    expect(focusIsHere(document, true)).toBe(false);
    expect(focusIsHere(document, false)).toBe(false);
    // No document of the tab has focus: the top-level page answers, a frame does not.
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    expect(focusIsHere(document, true)).toBe(true);
    expect(focusIsHere(document, false)).toBe(false);
  });

  test('a frame’s path is its index in each parent’s frames, from the top down', () => {
    // Windows as any frame sees another: `parent`, `frames` and identity only.
    type W = { parent: W; frames: W[] & { length: number } };
    const win = (parent?: W): W => {
      const w = { frames: [] } as unknown as W;
      w.parent = parent ?? w;
      parent?.frames.push(w);
      return w;
    };
    const top = win();
    const ad = win(top);
    const mail = win(top);
    const inner = win(mail);
    const path = (w: W) => framePath(w as unknown as Window);
    expect(path(top)).toEqual([]);
    expect(path(ad)).toEqual([0]);
    expect(path(mail)).toEqual([1]);
    expect(path(inner)).toEqual([1, 0]);
    // A frame being removed is no longer among its parent's frames.
    mail.frames.splice(0, 1);
    expect(path(inner)).toBeNull();
  });

  test('a frame element is found by the window it shows, in the document or an open shadow root', () => {
    const shown = { name: 'frame window' } as unknown as Window;
    const frame = (tag: string, contentWindow: Window | null) => {
      const f = document.createElement(tag);
      Object.defineProperty(f, 'contentWindow', { value: contentWindow });
      return f;
    };
    // Out of the document, so no frame loads (happy-dom would try, and say it cannot).
    const page = el('div', frame('iframe', null), frame('object', shown));
    const host = el('div');
    page.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const roots = [page, shadow];
    // Only iframe and frame elements are looked at.
    expect(frameElementOf(roots, shown)).toBeNull();
    const iframe = shadow.appendChild(frame('iframe', shown));
    expect(frameElementOf(roots, shown)).toBe(iframe);
    expect(frameElementOf([page], shown)).toBeNull();
    expect(frameElementOf(roots, null)).toBeNull();
  });
});
