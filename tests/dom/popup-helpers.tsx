import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import type { AppData } from '../../components/MyoLensApp';
import { anchorTitles, faq, glossary, guide } from '../../content/index';
import { loadKnowledgeSearch } from '../../lib/search/setup';

/** The app's data as the popup builds it, without the settings store. */
export const appData: AppData = {
  guide,
  faq,
  glossary,
  anchors: anchorTitles(guide, faq),
  ...loadKnowledgeSearch({ guide, faq, glossary }),
};

/** Renders into a fresh container attached to the document; returns it and an unmount. */
export function mount(node: ComponentChild): { root: HTMLElement; unmount: () => void } {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return {
    root,
    unmount: () => {
      act(() => render(null, root));
      root.remove();
    },
  };
}

/** Lets promises, timers and Preact's batched renders run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++)
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
}

/** Types into an input as a reader would: value set, then an input event. */
export function type(input: HTMLInputElement, value: string): void {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Presses a key on an element (keydown, bubbling). */
export function press(target: Element, key: string): void {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
}

/** Clicks an element. */
export function click(target: Element): void {
  act(() => {
    (target as HTMLElement).click();
  });
}
