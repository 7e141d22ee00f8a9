import { describe, expect, test } from 'vitest';
import { BadgeCounts, type BadgeAction } from '@/entrypoints/background/badge';
import { lookupQuery } from '@/entrypoints/background/menus';

function fakeAction() {
  const texts = new Map<number, string>();
  const action: BadgeAction = {
    setBadgeText: async ({ tabId, text }) => void texts.set(tabId!, text),
    setBadgeBackgroundColor: async () => undefined,
  };
  return { action, texts };
}

describe('BadgeCounts', () => {
  test('shows the count per tab, clears on zero', () => {
    const { action, texts } = fakeAction();
    const badge = new BadgeCounts(action);
    badge.set(1, 4);
    badge.set(2, 0);
    expect(texts.get(1)).toBe('4');
    expect(texts.get(2)).toBe('');
    badge.set(1, 0);
    expect(texts.get(1)).toBe('');
  });

  test('turning the badge off hides every count; on shows them again', () => {
    const { action, texts } = fakeAction();
    const badge = new BadgeCounts(action);
    badge.set(1, 3);
    badge.set(7, 12);
    badge.enable(false);
    expect([texts.get(1), texts.get(7)]).toEqual(['', '']);
    badge.set(7, 13);
    expect(texts.get(7)).toBe('');
    badge.enable(true);
    expect([texts.get(1), texts.get(7)]).toEqual(['3', '13']);
  });

  test('a closed tab is forgotten', () => {
    const { action } = fakeAction();
    const badge = new BadgeCounts(action);
    badge.set(5, 2);
    badge.forget(5);
    expect(badge.text(5)).toBe('');
  });
});

describe('lookupQuery', () => {
  test.each([
    ['  sarcopenia ', 'sarcopenia'],
    ['vitamin\n\tD   receptor', 'vitamin D receptor'],
    [undefined, ''],
    ['', ''],
  ])('%j → %j', (selection, query) => expect(lookupQuery(selection)).toBe(query));

  test('a long selection is cut at a word, within 100 characters', () => {
    const long = 'muscle '.repeat(40);
    const q = lookupQuery(long);
    expect(q.length).toBeLessThanOrEqual(100);
    expect(q.endsWith('muscle')).toBe(true);
  });
});
