/**
 * AnchorScan answers "could this piece pass the prefilter?" from the concatenation of all
 * pieces (a subtree's textContent), so the walk need not read each text node. It may say
 * yes too often, never no when `prefilter.test(piece)` is true.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { prefilterFor, prefilters } from '@/lib/matcher/prefilter';
import { CASES } from './matcher-cases';

const matcher = compileMatcher(glossary);

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cuts text into pieces at random points, inside words too. */
function cut(text: string, next: () => number, mean = 12): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    const length = Math.max(0, Math.round(next() * mean * 2));
    pieces.push(text.slice(at, at + length));
    at += length;
  }
  return pieces;
}

/**
 * For each piece: what the prefilter says of it alone, and what the scan says. The scan
 * takes anchors as word starts (`prefixes` is the prefilter that way), the prefilter of a
 * piece as whole words and phrases: stricter still.
 */
function answers(
  pieces: readonly string[],
  prefilter: RegExp = matcher.prefilter,
): { alone: boolean; scan: boolean }[] {
  const text = pieces.join('');
  const scan = matcher.scanAnchors(text)!;
  let pos = 0;
  return pieces.map((piece) => {
    const out = { alone: prefilter.test(piece), scan: scan.anyIn(pos, piece.length) };
    pos += piece.length;
    return out;
  });
}

const prefixes = prefilterFor(
  glossary.flatMap((t) => t.forms),
  false,
);

const guide = readFileSync(resolve(import.meta.dirname, '../../content/guide.md'), 'utf8');

describe('AnchorScan never says no where the prefilter says yes', () => {
  test('the guide cut at random points, 20 ways', () => {
    const next = random(7);
    let passed = 0;
    for (let round = 0; round < 20; round++) {
      for (const a of answers(cut(guide, next, round + 3))) {
        if (a.alone) {
          passed++;
          expect(a.scan).toBe(true);
        }
      }
    }
    expect(passed).toBeGreaterThan(500);
  });

  test('every matcher case and every form, cut inside words', () => {
    const next = random(11);
    const texts = CASES.map((c) => c.text);
    for (const t of glossary) for (const f of t.forms) texts.push(`x${f}`, `the ${f}s.`, f);
    for (let round = 0; round < 5; round++) {
      const pieces = texts.flatMap((t) => cut(t, next, 4));
      for (const a of answers(pieces)) if (a.alone) expect(a.scan).toBe(true);
    }
  });

  test('a piece that starts mid-word in the whole text ("<b>pre</b>sarcopenia")', () => {
    expect(answers(['pre', 'sarcopenia', ' and more'])).toEqual([
      { alone: false, scan: false },
      { alone: true, scan: true },
      { alone: false, scan: false },
    ]);
    expect(answers(['Vit', 'amin D'])[1]).toEqual({ alone: false, scan: false });
  });

  test('anchors across the scan’s 64 KB chunks, and overlapping ones', () => {
    const filler = 'the trains ran late again. '.repeat(2430); // 65,610 characters
    for (const shift of [0, 1, 3, 5, 9, 70, 80]) {
      // The anchors start exactly at, just before and after the first chunk's end.
      const head = filler.slice(0, 65_535 - shift) + ' ';
      const pieces = [head, 'sarcopenia', ' x ', 'VDR', ' ', '1/akt/foxo', ' end'];
      for (const a of answers(pieces)) if (a.alone) expect(a.scan).toBe(true);
      const whole = answers([head + 'sarcopenia tail', 'VDR']);
      expect(whole).toEqual([
        { alone: true, scan: true },
        { alone: true, scan: true },
      ]);
    }
  });
});

describe('AnchorScan is worth asking', () => {
  test('pieces of ordinary text get no', () => {
    const prose = 'The trains were late again and the weather was cold, as it was last winter. ';
    const pieces = cut(prose.repeat(200), random(3));
    expect(answers(pieces).every((a) => !a.scan)).toBe(true);
  });

  test('it says yes for few pieces the prefilter rejects (pieces of whole words, like nodes)', () => {
    const next = random(5);
    // Elements usually wrap whole words: pieces of 1-4 words.
    const words = guide.split(/(?<=\s)/);
    const pieces: string[] = [];
    for (let i = 0; i < words.length;) {
      const n = 1 + Math.floor(next() * 4);
      pieces.push(words.slice(i, i + n).join(''));
      i += n;
    }
    let falseYes = 0;
    let no = 0;
    for (const a of answers(pieces, prefixes)) {
      if (!a.alone) no++;
      if (a.scan && !a.alone) falseYes++;
    }
    expect(no).toBeGreaterThan(100);
    expect(falseYes / no).toBeLessThan(0.1);
  });

  test('there is none when some form has no anchor', () => {
    expect(prefilters(['sarcopenia', 'ökologie']).scan).toBeNull();
  });
});
