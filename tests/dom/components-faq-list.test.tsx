// @vitest-environment happy-dom
import { render } from 'preact';
import { expect, test } from 'vitest';
import { FaqList } from '../../components/FaqList';
import { blocksText, faq } from '../../content/index';

test('renders the seven FAQ entries as native disclosures with ids, questions and answers', () => {
  const root = document.createElement('div');
  render(<FaqList entries={faq} />, root);
  const items = [...root.querySelectorAll('details')];
  expect(items).toHaveLength(7);
  expect(items.map((item) => item.id)).toEqual(faq.map((entry) => entry.id));
  items.forEach((item, index) => {
    const entry = faq[index];
    expect(item.querySelector(':scope > summary')?.textContent).toBe(entry?.question);
    expect(item.querySelector('.ml-faq__answer')?.textContent).toBe(
      entry ? blocksText(entry.answer) : undefined,
    );
    expect(item.open).toBe(false);
  });
});

test('opens the entry named by openId only', () => {
  const root = document.createElement('div');
  render(<FaqList entries={faq} openId="faq-toxicity" />, root);
  expect([...root.querySelectorAll('details[open]')].map((item) => item.id)).toEqual([
    'faq-toxicity',
  ]);
});
