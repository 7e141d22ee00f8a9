import { describe, expect, test } from 'vitest';
import { highlight, snippet, SNIPPET_LENGTH, type Segment } from '../../lib/search/snippet';
import { processTerm, tokenize } from '../../lib/search/text';

/** Segments as a string with [marked] parts, for readable expectations. */
const show = (segments: Segment[]) =>
  segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('tokenize and processTerm', () => {
  test('split at anything but letters and digits, hyphens and Unicode hyphens included', () => {
    expect(tokenize('fast-twitch fast\u2011twitch IGF-1/Akt (VDR)')).toEqual([
      'fast',
      'twitch',
      'fast',
      'twitch',
      'IGF',
      '1',
      'Akt',
      'VDR',
    ]);
    expect(tokenize('  ')).toEqual([]);
  });

  test('fold case, accents and regular plurals; drop function words', () => {
    expect(processTerm('Fibres')).toBe('fibre');
    expect(processTerm('studies')).toBe('study');
    expect(processTerm('Hypercalcémia')).toBe('hypercalcemia');
    expect(processTerm('the')).toBeNull();
    expect(processTerm('')).toBeNull();
  });

  test('keep short acronyms and -ss/-us/-is words whole', () => {
    expect(processTerm('ROS')).toBe('ros');
    expect(processTerm('mass')).toBe('mass');
    expect(processTerm('status')).toBe('status');
    expect(processTerm('analysis')).toBe('analysis');
  });

  test('keep question words, which tell FAQ entries apart', () => {
    for (const word of ['how', 'much', 'which', 'can', 'why']) expect(processTerm(word)).toBe(word);
  });
});

describe('highlight', () => {
  test('marks whole words whose index term matched, in any case or number', () => {
    expect(show(highlight('Mitochondria and mitochondrial health', ['mitochondria']))).toBe(
      '[Mitochondria] and mitochondrial health',
    );
    expect(show(highlight('Type II fibres', ['fibre']))).toBe('Type II [fibres]');
  });

  test('never marks part of a word', () => {
    expect(show(highlight('Rosemary and ROS', ['ros']))).toBe('Rosemary and [ROS]');
  });

  test('joins adjacent matches across spaces and hyphens into one mark', () => {
    expect(show(highlight('the fast-twitch fibres', ['fast', 'twitch']))).toBe(
      'the [fast-twitch] fibres',
    );
    expect(show(highlight('how much vitamin D', ['much', 'vitamin', 'd']))).toBe(
      'how [much vitamin D]',
    );
  });

  test('keeps every character of the text, marked or not', () => {
    const text = 'IGF-1/Akt/FOXO pathway (key)';
    expect(
      highlight(text, ['akt', 'foxo'])
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });
});

describe('snippet', () => {
  const long = `${'Lorem ipsum dolor sit amet. '.repeat(8)}Leucine stimulates synthesis. ${'Tail text here. '.repeat(10)}`;

  test('short text is returned whole, whitespace flattened', () => {
    expect(show(snippet('Calcium\n\nhandling\tmatters', ['calcium']))).toBe(
      '[Calcium] handling matters',
    );
  });

  test('a window around the first match, cut at word boundaries, with ellipses', () => {
    const segments = snippet(long, ['leucine']);
    const text = show(segments);
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    expect(text).toContain('[Leucine] stimulates synthesis.');
    const body = segments
      .map((s) => s.text)
      .join('')
      .replace(/^… | …$/g, '');
    expect(body.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(long).toContain(body);
    // Starts and ends on whole words.
    expect(long.replace(/\s+/g, ' ')).toMatch(new RegExp(`(^| )${body.slice(0, 10)}`));
  });

  test('no match: the beginning of the text', () => {
    const text = show(snippet(long, ['absent']));
    expect(text.startsWith('Lorem ipsum')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
  });
});
