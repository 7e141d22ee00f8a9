// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { MentionCursor, type Geometry } from '@/entrypoints/highlighter.content/mention-cursor';
import type { Occurrence } from '@/entrypoints/highlighter.content/occurrences';

const VIEWPORT = 800;

/** A mention drawn at `top` (viewport px), or not rendered at all (`top` null). */
function mention(termId: string, top: number | null) {
  return { termId, top } as unknown as Occurrence & { top: number | null };
}

/** A cursor over `list`, with geometry read from each mention's `top` (mutable: a scroll). */
function cursorOver(list: (Occurrence & { top: number | null })[], valid = () => true) {
  const geometry: Geometry = (o) => {
    const top = (o as Occurrence & { top: number | null }).top;
    const box = new DOMRect(0, top ?? 0, top === null ? 0 : 40, top === null ? 0 : 16);
    return { rects: top === null ? [] : [box], bounding: box };
  };
  return new MentionCursor({ mentions: () => list, valid }, () => VIEWPORT, geometry);
}

/** Moves the page by `dy` px (every mention's top goes up by it). */
const scroll = (list: { top: number | null }[], dy: number) => {
  for (const m of list) if (m.top !== null) m.top -= dy;
};

describe('mention cursor (replaces the e2e keyboard order checks)', () => {
  test('from the viewport: next is the first mention below its top, previous the last above', () => {
    const list = [mention('a', -500), mention('b', -20), mention('c', 100), mention('d', 900)];
    expect(cursorOver(list).next(1, undefined)?.termId).toBe('c');
    expect(cursorOver(list).next(-1, undefined)?.termId).toBe('b');
  });

  test('every mention in document order, wrapping round, from the last one visited', () => {
    const list = [mention('a', 10), mention('b', 200), mention('c', 400)];
    const cursor = cursorOver(list);
    const seen = [1, 2, 3, 4].map(() => cursor.next(1, undefined)?.termId);
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
    expect(cursor.next(-1, undefined)?.termId).toBe('c');
  });

  test('the open mention is the starting place, whatever was visited', () => {
    const list = [mention('a', 10), mention('b', 200), mention('c', 400)];
    const cursor = cursorOver(list);
    cursor.next(1, undefined);
    expect(cursor.next(1, list[2])?.termId).toBe('a');
  });

  test('a mention scrolled out of view is not the starting place: the viewport is', () => {
    const list = [mention('a', 10), mention('b', 300), mention('c', 1500), mention('d', 2500)];
    const cursor = cursorOver(list);
    expect(cursor.next(1, undefined)?.termId).toBe('a');
    scroll(list, 1400);
    expect(cursor.next(1, undefined)?.termId).toBe('c');
  });

  test('a mention no longer valid is not the starting place', () => {
    const list = [mention('a', 10), mention('b', 300), mention('c', 600)];
    let valid = true;
    const cursor = cursorOver(list, () => valid);
    cursor.next(1, undefined);
    cursor.next(1, undefined);
    valid = false;
    expect(cursor.next(1, undefined)?.termId).toBe('a');
  });

  test('mentions that are not rendered are skipped (display: none, closed details)', () => {
    const list = [mention('a', 10), mention('hidden', null), mention('c', 400)];
    const cursor = cursorOver(list);
    expect([1, 2, 3].map(() => cursor.next(1, undefined)?.termId)).toEqual(['a', 'c', 'a']);
    expect(cursorOver([mention('x', null)]).next(1, undefined)).toBeUndefined();
    expect(cursorOver([]).next(1, undefined)).toBeUndefined();
  });

  test('overlapping terms are no stop of next/previous, even from one that is open', () => {
    const overlap = { ...mention('muscle-atrophy', 20), overlap: true as const };
    const list = [mention('skeletal-muscle', 10), overlap, mention('c', 400)];
    const cursor = cursorOver(list);
    expect([1, 2, 3].map(() => cursor.next(1, undefined)?.termId)).toEqual([
      'skeletal-muscle',
      'c',
      'skeletal-muscle',
    ]);
    expect(cursor.next(1, overlap)?.termId).toBe('c');
    expect(cursor.next(-1, overlap)?.termId).toBe('skeletal-muscle');
    // "This page" reveals them all the same: the term is mentioned there.
    expect(cursor.reveal('muscle-atrophy')).toBe(overlap);
  });

  test('reveal: the term’s rendered mentions one after another, round again', () => {
    const list = [
      mention('vdr', 10),
      mention('other', 20),
      mention('vdr', null),
      mention('vdr', 900),
    ];
    const cursor = cursorOver(list);
    expect(cursor.reveal('vdr')).toBe(list[0]);
    expect(cursor.reveal('vdr')).toBe(list[3]);
    expect(cursor.reveal('vdr')).toBe(list[0]);
    expect(cursor.reveal('absent')).toBeUndefined();
  });
});
