// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { MyoLensApp } from '../../components/MyoLensApp';
import { SOURCE_ARTICLE, sourceUnits } from '../../content/build/source-article';
import { appData, click, mount } from './popup-helpers';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const units = sourceUnits(readFileSync(path.resolve(repoRoot, SOURCE_ARTICLE), 'utf8'));
// The article's own sentence, from the source: the views show it, not a paraphrase.
const SENTENCE = units[units.indexOf('Medical Disclaimer') + 1]!;

let unmount = () => {};
afterEach(() => unmount());

function open(view: 'article' | 'faq' | 'glossary'): HTMLElement {
  const mounted = mount(
    <MyoLensApp data={appData} initial={{ place: null, query: '' }} syncUrl={false} />,
  );
  unmount = mounted.unmount;
  click(mounted.root.querySelector<HTMLElement>(`#tab-${view}`)!);
  return mounted.root.querySelector<HTMLElement>(`#panel-${view}`)!;
}

describe('the disclaimer', () => {
  test.each(['article', 'faq', 'glossary'] as const)(
    'the %s view ends with the article’s disclaimer sentence, ids unique',
    (view) => {
      expect(SENTENCE).toMatch(/^This content is for informational purposes only/);
      const panel = open(view);
      const footer = panel.querySelector('footer.ml-guide__disclaimer');
      expect(footer?.querySelector('p')?.textContent).toBe(SENTENCE);
      expect(footer?.querySelector('h2')?.textContent).toBe('Medical Disclaimer');
      const ids = [...panel.ownerDocument.querySelectorAll('[id]')].map((element) => element.id);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );
});
