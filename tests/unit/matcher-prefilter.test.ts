import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher } from '@/lib/matcher';
import { prefilterFor, stemOf } from '@/lib/matcher/prefilter';
import { CASES, GLOSSARY } from './matcher-cases';

describe('stemOf: the longest run between separators', () => {
  test.each([
    ['sarcopenia', 'sarcopenia'],
    ['VDR', 'vdr'],
    ['IGF-1', 'igf'],
    ['1,25-dihydroxyvitamin D', 'dihydroxyvitamin'],
    ['type II muscle fibre', 'muscle'],
    ['fatty fish', 'fatty'],
    ['1,25(OH)2D', '1,25(oh)2d'],
    ['fast-twitch', 'twitch'],
    ['toxicity', 'toxicit'],
    ['ökologie', null],
  ])('%s → %s', (form, stem) => expect(stemOf(form)).toBe(stem));
});

describe('the prefilter never hides a match', () => {
  test('every table case of the matcher', () => {
    const matcher = compileMatcher(GLOSSARY);
    for (const c of CASES) {
      const active = matcher.activeIds(c.page ?? c.text);
      if (matcher.match(c.text, active).length)
        expect(matcher.prefilter.test(c.text), c.text).toBe(true);
    }
  });

  test('the real glossary over the guide, paragraph by paragraph, and every form in variants', () => {
    const matcher = compileMatcher(glossary);
    const guide = readFileSync(resolve(import.meta.dirname, '../../content/guide.md'), 'utf8');
    const texts = guide.split(/\n\s*\n/);
    for (const term of glossary) {
      for (const form of term.forms) {
        texts.push(form, form.toUpperCase(), `${form}s`, `${form}’s`, form.replace(/ /g, '-'));
        texts.push(form.replace(/ /g, '\u00A0'), form.replace(/ /g, '\u00AD'));
      }
    }
    let matched = 0;
    for (const text of texts) {
      if (!matcher.match(text).length) continue;
      matched++;
      expect(matcher.prefilter.test(text), JSON.stringify(text)).toBe(true);
    }
    expect(matched).toBeGreaterThan(200);
  });

  test('it rejects ordinary text, so it is worth running', () => {
    const matcher = compileMatcher(glossary);
    expect(matcher.prefilter.test('The trains were late again and the weather was cold.')).toBe(
      false,
    );
  });

  test('a form without a usable stem makes the prefilter accept everything', () => {
    expect(prefilterFor(['sarcopenia', 'ökologie']).test('nothing here')).toBe(true);
  });
});
