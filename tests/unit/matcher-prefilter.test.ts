import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { glossary } from '@/content/glossary-index';
import { compileMatcher, contextTerms } from '@/lib/matcher';
import { regularPlural } from '@/lib/matcher/forms';
import { prefilterFor, prefilterWords, stemOf } from '@/lib/matcher/prefilter';
import { wordGate } from '@/entrypoints/highlighter.content/frame-probe';
import { PROBE_WORDS } from '@/content/generated/probe';
import { mulberry32 } from '../bench/prng';
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
        const plural = regularPlural(form, term.caseSensitive);
        if (plural) texts.push(plural, `the ${plural}.`, plural.replace(/ /g, '-'));
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

describe('the trie-shaped prefilter answers like the flat list of anchors', () => {
  const forms = glossary.flatMap((t) => t.forms);
  const anchors = [...new Set(forms.map((f) => stemOf(f)!))];
  const escape = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const flat = new RegExp(
    anchors.map((a) => (/^\w/.test(a) ? '\\b' : '') + escape(a)).join('|'),
    'i',
  );
  // As prefixes: the form the scan of a page's whole text uses.
  const prefilter = prefilterFor(forms, false);

  test('on every anchor, at a word start, inside a word, cut short and in capitals', () => {
    let fired = 0;
    for (const a of anchors) {
      for (const text of [a, `x${a}`, `(${a})`, a.slice(0, -1), a.toUpperCase(), `${a}s.`]) {
        expect(prefilter.test(text), JSON.stringify(text)).toBe(flat.test(text));
        if (flat.test(text)) fired++;
      }
    }
    expect(fired).toBeGreaterThan(anchors.length * 3);
  });

  test('on the guide, sentence by sentence', () => {
    const guide = readFileSync(resolve(import.meta.dirname, '../../content/guide.md'), 'utf8');
    const sentences = guide.split(/(?<=[.!?])\s+|\n+/);
    let rejected = 0;
    for (const s of sentences) {
      expect(prefilter.test(s), s).toBe(flat.test(s));
      if (!flat.test(s)) rejected++;
    }
    expect(rejected).toBeGreaterThan(10);
  });

  test('shorter anchors swallow longer ones that share their start', () => {
    expect(prefilterFor(['akt', 'akts'], false).source).toBe('\\b(?:akt)');
    expect(prefilterFor(['sarcopenia', 'sarcopenic', 'vdr'], false).source).toBe(
      '\\b(?:sarcopeni(?:a|c)|vdr)',
    );
  });
});

describe('the prefilter of a text node takes anchors as whole words', () => {
  const prefilter = compileMatcher(glossary).prefilter;

  test('a word that only starts like an anchor does not pass', () => {
    for (const text of [
      'aktuell knapp',
      'fallen ordentlich',
      'recovered from',
      'factory in',
      'Rose and',
      'strengthen it',
    ])
      expect(prefilter.test(text), text).toBe(false);
  });

  test('an anchor with the endings its forms may take does', () => {
    for (const text of [
      'Akt',
      'two Akts.',
      'sarcopenias',
      'Vitamin D toxicity',
      'vitamin-D toxicities',
      'fall risk',
      'the (VDR)',
    ])
      expect(prefilter.test(text), text).toBe(true);
  });

  test('every regular plural passes: -s after a vowel and y, -ies, -es, an acronym’s -s', () => {
    const forms = ['signaling pathway', 'fruit fly', 'frailty', 'oxidative stress', 'VDR', 'day'];
    const p = prefilterFor(forms);
    for (const form of forms) {
      for (const cs of [false, true]) {
        const plural = regularPlural(form, cs);
        if (plural) expect(p.test(`the ${plural}.`), plural).toBe(true);
      }
      expect(p.test(`the ${form}.`), form).toBe(true);
    }
    expect(p.test('signaling pathwayz')).toBe(false);
  });

  test('a form of several words needs all of them, in any separators', () => {
    const p = prefilterFor([
      'mitochondria',
      'mitochondrial dysfunction',
      'age-related muscle loss',
    ]);
    expect(p.test('mitochondrial\u00A0dysfunction')).toBe(true);
    expect(p.test('mitochondria.')).toBe(true);
    expect(p.test('Age related\nmuscle-loss')).toBe(true);
    expect(p.test('mitochondrial')).toBe(false);
    expect(p.test('mitochondrion')).toBe(false);
    expect(p.test('related coverage')).toBe(false);
  });
});

describe('the pattern rendered at build time (content/generated/pattern.ts)', () => {
  test('is the source compileMatcher renders for the whole glossary', async () => {
    const { PREBUILT } = await import('@/content/generated/pattern');
    const matcher = compileMatcher(glossary);
    expect(PREBUILT.allTermsSource).toBe(matcher.pattern()!.source);
    const words = contextTerms(glossary);
    expect(words.length).toBeGreaterThan(10);
    expect(PREBUILT.contextSource).toBe(compileMatcher(words).pattern()!.source);
    expect(PREBUILT.contextSurfaces).toEqual(compileMatcher(words).surfaceIndex());
    expect(PREBUILT.surfaces).toEqual(matcher.surfaceIndex());
  });

  test('the prebuilt surface index is the one termIdOf uses', () => {
    const surfaces = compileMatcher(glossary).surfaceIndex();
    const rigged = {
      ...surfaces,
      folded: surfaces.folded.map(([k, r, o]): [string, number, string] =>
        o === 'sarcopenia' ? [k, r, 'rigged'] : [k, r, o],
      ),
    };
    const m = compileMatcher(glossary, { surfaces: rigged });
    expect(m.termIdOf('Sarcopenia')).toBe('rigged');
    expect(m.termIdOf('VDR')).toBe('vdr');
  });

  test('gives the same active terms as a matcher without it', async () => {
    const { PREBUILT } = await import('@/content/generated/pattern');
    for (const text of ['VDR and Video Disk Recorder', 'VDR in muscles', 'ROS, oxidation', '']) {
      expect(compileMatcher(glossary, PREBUILT).activeIds(text)).toEqual(
        compileMatcher(glossary).activeIds(text),
      );
    }
  });

  test('the context source is used by activeIds', () => {
    // A context pattern that finds "gene" wherever it looks: VDR becomes active.
    const forced = compileMatcher(glossary, { contextSource: 'gene' });
    expect(forced.activeIds('a page about genes').has('vdr')).toBe(true);
    expect(forced.activeIds('nothing here').has('vdr')).toBe(false);
    const rigged = compileMatcher(glossary, { contextSource: '(?!)' });
    expect(rigged.activeIds('vitamin and muscle').has('vdr')).toBe(false);
    // And the context words' surface index names what the pattern found.
    const words = compileMatcher(contextTerms(glossary)).surfaceIndex();
    const renamed = {
      ...words,
      folded: words.folded.map(([k, r, o]): [string, number, string] => [k, r, `not-${o}`]),
    };
    const named = compileMatcher(glossary, { contextSurfaces: renamed });
    expect(named.activeIds('a page about genes').has('vdr')).toBe(false);
    expect(compileMatcher(glossary).activeIds('a page about genes').has('vdr')).toBe(true);
  });

  test('is used only when every term is active; a smaller set is rendered', () => {
    const ids = new Set(glossary.map((t) => t.id));
    const prebuilt = compileMatcher(glossary, { allTermsSource: '(?:prebuilt)' });
    expect(prebuilt.pattern()!.source).toBe('(?:prebuilt)');
    expect(prebuilt.pattern(ids)!.source).toBe('(?:prebuilt)');
    const some = new Set([...ids].slice(1));
    expect(prebuilt.pattern(some)!.source).toBe(compileMatcher(glossary).pattern(some)!.source);
  });
});

describe('prefilterWords: a cheaper first test that never says no where the prefilter says yes', () => {
  const forms = glossary.flatMap((t) => t.forms);
  const prefilter = prefilterFor(forms);
  let regexRuns = 0;
  const gate = wordGate(prefilterWords(forms)!.join(' '), (text) => {
    regexRuns++;
    return prefilter.test(text);
  });

  test('takes each anchor’s longest run of word characters, with its endings where it ends the anchor', () => {
    const words = prefilterWords(['fast-twitch fibres', '1,25(OH)2D', 'frailty', 'VDR'])!;
    expect(words).toEqual(['2d', 'fibres', 'frailties', 'frailty', 'vdr', 'vdrs']);
    expect(prefilterWords(['ökologie'])).toBeNull();
    expect(prefilterWords([])).toEqual([]);
  });

  test('is what the build rendered for the frames (content/generated/probe.ts)', () => {
    expect(PROBE_WORDS).toBe(prefilterWords(forms)!.join(' '));
  });

  test('every form, its plurals and spellings, in a sentence, in any case', () => {
    for (const term of glossary)
      for (const form of term.forms)
        for (const variant of [form, regularPlural(form, false), regularPlural(form, true)]) {
          if (!variant) continue;
          for (const text of [
            `We read about ${variant} today.`,
            variant.toUpperCase(),
            `(${variant.replace(/ /g, '-')})`,
            variant.replace(/ /g, '\u00ad'),
          ])
            if (prefilter.test(text)) expect(gate(text), text).toBe(true);
        }
  });

  test('on 20,000 random texts of the anchors’ pieces, separators, endings and noise', () => {
    const rng = mulberry32(21);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
    const pieces = [...new Set(forms.flatMap((f) => f.split(/([^A-Za-z0-9]+)/)))].filter(Boolean);
    const noise = ['the', 'a', 'x', 'shoes', '2', 'related', 'risk', 'de', 'vita', 'min', '_'];
    const glue = [
      ' ',
      '',
      '-',
      '\u2010',
      '\u00ad',
      ',',
      '(',
      ')',
      "'",
      '\u2019',
      '/',
      '.',
      's',
      'es',
      'ies',
      'y',
    ];
    let passed = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const n = 1 + Math.floor(rng() * 8);
      for (let k = 0; k < n; k++) {
        let piece = rng() < 0.7 ? pick(pieces) : pick(noise);
        if (rng() < 0.3) piece = piece.toUpperCase();
        text += piece + pick(glue);
      }
      if (!prefilter.test(text)) continue;
      passed++;
      expect(gate(text), JSON.stringify(text)).toBe(true);
    }
    // The texts reach the prefilter's yes often enough to mean something.
    expect(passed).toBeGreaterThan(2_000);
  });

  test('a text of ads and widgets is answered from the set: the prefilter never runs', () => {
    regexRuns = 0;
    for (const text of [
      'Spring sale: new running shoes and travel bags, delivered free this week.',
      'Winter boots, 40% off this week. Shop now',
      'Watch: the council votes on new cycle lanes 0:00 / 4:31',
      '38 comments',
    ])
      expect(gate(text), text).toBe(false);
    expect(regexRuns).toBe(0);
    expect(gate('Low vitamin D and sarcopenia')).toBe(true);
    expect(regexRuns).toBe(1);
  });
});
