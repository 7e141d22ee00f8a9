import { describe, expect, test } from 'vitest';
import { faq, glossary, guide } from '../../content/index';
import {
  cleanText,
  contentIndex,
  defaultSuggestion,
  escapeXml,
  MAX_CONTENT,
  MAX_DESCRIPTION,
  MAX_SUGGESTIONS,
  omniboxSuggestions,
  omniboxTarget,
  suggestionContent,
} from '../../lib/omnibox';
import type { SearchHit, SearchResults, Segment } from '../../lib/search';
import { searchDocuments } from '../../lib/search/documents';
import { loadKnowledgeSearch } from '../../lib/search/setup';

const { search } = loadKnowledgeSearch({ guide, faq, glossary });
const documents = searchDocuments({ guide, faq, glossary });
const index = contentIndex(documents);

const TAG = /<(\/?)(match|dim|url)>/y;
const ENTITY = /&(amp|lt|gt|apos|quot);/y;
const UNESCAPED: Record<string, string> = { amp: '&', lt: '<', gt: '>', apos: "'", quot: '"' };

/**
 * Reads a description as Chromium's omnibox does: only <match>, <dim> and <url>, properly
 * nested, and the five entities. Returns the text shown, or throws where it is not XML.
 */
function shownText(xml: string): string {
  const open: string[] = [];
  let text = '';
  for (let i = 0; i < xml.length;) {
    TAG.lastIndex = ENTITY.lastIndex = i;
    const tag = TAG.exec(xml);
    const entity = tag ? null : ENTITY.exec(xml);
    if (tag) {
      if (tag[1]) {
        if (open.pop() !== tag[2]) throw new Error(`misnested </${tag[2]}> in ${xml}`);
      } else open.push(tag[2]!);
      i = TAG.lastIndex;
    } else if (entity) {
      text += UNESCAPED[entity[1]!];
      i = ENTITY.lastIndex;
    } else if ('<>&\'"'.includes(xml[i]!)) {
      throw new Error(`bare ${xml[i]} at ${i} in ${xml}`);
    } else text += xml[i++];
  }
  if (open.length) throw new Error(`unclosed <${open.join('>, <')}> in ${xml}`);
  return text;
}

/** The <match> runs of a description, as text. */
const matches = (xml: string) =>
  [...xml.matchAll(/<match>(.*?)<\/match>/g)].map((m) => shownText(m[1]!));

const seg = (text: string, match = false): Segment => ({ text, match });

function resultsOf(hits: Partial<SearchHit>[], suggestions: string[] = []): SearchResults {
  const full = hits.map((h, i) => ({
    id: `term:t${i}`,
    kind: 'term' as const,
    targetId: `t${i}`,
    score: 100 - i,
    title: [seg('Title')],
    snippet: [seg('Snippet')],
    ...h,
  }));
  return {
    query: 'q',
    groups: full.length ? [{ kind: 'term', label: 'Glossary', hits: full }] : [],
    count: full.length,
    suggestions,
  };
}

describe('escaping', () => {
  test('the five XML specials are escaped, and only they', () => {
    expect(escapeXml(`Fish & "oils" <b>'s</b> > 3`)).toBe(
      'Fish &amp; &quot;oils&quot; &lt;b&gt;&apos;s&lt;/b&gt; &gt; 3',
    );
    expect(escapeXml('vitamin D₃ — 25(OH)D')).toBe('vitamin D₃ — 25(OH)D');
  });

  test('a title and snippet full of markup stay text, in XML and in plain text', () => {
    const title = [seg('<match>Fish</match> & '), seg('"oils"', true), seg(" 'n' <chips>")];
    const snippet = [seg('a < b && c > d '), seg('&amp;', true)];
    const results = resultsOf([{ title, snippet }]);
    const [xml] = omniboxSuggestions(results, 'xml');
    const [plain] = omniboxSuggestions(results, 'plain');
    const text = `<match>Fish</match> & "oils" 'n' <chips> — Glossary: a < b && c > d &amp;`;
    expect(shownText(xml!.description)).toBe(text);
    expect(plain!.description).toBe(text);
    expect(matches(xml!.description)).toEqual(['"oils"', '&amp;']);
  });

  test('control characters, which XML forbids, are dropped; line breaks become spaces', () => {
    const results = resultsOf([{ title: [seg('Vita\u0000min\u0007 D\n\r\tfacts\uFFFE')] }]);
    const [xml] = omniboxSuggestions(results, 'xml');
    expect(shownText(xml!.description)).toMatch(/^Vitamin D facts — Glossary/);
    expect(cleanText('a\u0001b\uD800c\n\nd')).toBe('abc d');
  });
});

describe('highlighting', () => {
  test('the matched words of the title are <match>, the kind and snippet <dim>', () => {
    const results = resultsOf([
      {
        title: [seg('VDR ('), seg('vitamin D', true), seg(')')],
        snippet: [seg('The '), seg('receptor', true)],
      },
    ]);
    const [s] = omniboxSuggestions(results, 'xml');
    expect(s!.description).toBe(
      'VDR (<match>vitamin D</match>)<dim> — Glossary: The </dim><dim><match>receptor</match></dim>',
    );
  });

  test('Firefox gets the same words as plain text, with no markup at all', () => {
    for (const query of ['sarcopnia', 'vitamin d receptor', 'muscle weakness']) {
      const xml = omniboxSuggestions(search(query), 'xml');
      const plain = omniboxSuggestions(search(query), 'plain');
      expect(plain.length).toBe(xml.length);
      for (const [i, p] of plain.entries()) {
        expect(p.description).not.toMatch(/<\/?(match|dim|url)>|&(amp|lt|gt|apos|quot);/);
        expect(p.description).toBe(shownText(xml[i]!.description));
        expect(p.content).toBe(xml[i]!.content);
      }
    }
  });
});

describe('length limits', () => {
  const long = 'muscle '.repeat(60).trim();
  const results = resultsOf(
    Array.from({ length: 10 }, () => ({ title: [seg(long, true)], snippet: [seg(long)] })),
  );

  test('at most MAX_SUGGESTIONS suggestions', () => {
    expect(omniboxSuggestions(results, 'xml').length).toBe(MAX_SUGGESTIONS);
  });

  test('a description shows at most MAX_DESCRIPTION characters, ending in an ellipsis outside <match>', () => {
    for (const flavour of ['xml', 'plain'] as const) {
      const [s] = omniboxSuggestions(results, flavour);
      const text = flavour === 'xml' ? shownText(s!.description) : s!.description;
      expect(text.length).toBeLessThanOrEqual(MAX_DESCRIPTION);
      expect(text.length).toBeGreaterThan(MAX_DESCRIPTION - 8);
      expect(text.endsWith('…')).toBe(true);
    }
    const [xml] = omniboxSuggestions(results, 'xml');
    expect(xml!.description).toMatch(/<\/match>…$/);
  });

  test('escaping does not count against the limit, and never cuts an entity', () => {
    const amp = resultsOf([{ title: [seg('&'.repeat(300))] }]);
    const [s] = omniboxSuggestions(amp, 'xml');
    expect(shownText(s!.description)).toBe(`${'&'.repeat(MAX_DESCRIPTION - 1)}…`);
  });

  test('a content is at most MAX_CONTENT characters and keeps its kind', () => {
    const content = suggestionContent('word '.repeat(50), 'faq');
    expect(content.length).toBeLessThanOrEqual(MAX_CONTENT);
    expect(content.endsWith('… — FAQ')).toBe(true);
  });
});

describe('real queries (the index the popup searches)', () => {
  test.each([
    ['sarcopnia', 'Sarcopenia — Glossary', 'term-sarcopenia'],
    ['sarcopenia', 'Sarcopenia — Glossary', 'term-sarcopenia'],
    ['vitamin d receptor', 'VDR (vitamin D receptor) — Glossary', 'term-vdr'],
    [
      'muscle weakness',
      'How does a vitamin D deficiency lead to muscle weakness and atrophy? — FAQ',
      'faq-deficiency-effects',
    ],
    [
      'can vitamin d supplements improve muscle mass and strength?',
      'Can vitamin D supplements improve muscle mass and strength? — FAQ',
      'faq-supplement-effect',
    ],
    [
      'how much vitamin d should i take',
      'How much vitamin D should I take for muscle health? — FAQ',
      'faq-dosage',
    ],
  ])('%j: first %j, which opens #%s', (query, content, anchor) => {
    const suggestions = omniboxSuggestions(search(query), 'xml');
    expect(suggestions[0]!.content).toBe(content);
    expect(omniboxTarget(suggestions[0]!.content, index)).toEqual({ hash: anchor });
    for (const s of suggestions) {
      expect(() => shownText(s.description)).not.toThrow();
      expect(index.has(s.content), s.content).toBe(true);
    }
  });

  test('the typo is highlighted where it matched the word it meant', () => {
    const [first] = omniboxSuggestions(search('sarcopnia'), 'xml');
    expect(matches(first!.description)).toEqual(['Sarcopenia']);
  });

  test('the section on the receptor is among the suggestions, its words highlighted', () => {
    const s = omniboxSuggestions(search('vitamin d receptor'), 'xml').find(
      (x) => index.get(x.content) === 'vitamin-d-receptor',
    );
    expect(s).toBeDefined();
    expect(matches(s!.description)[0]).toBe('Vitamin D Receptor');
  });

  test('nothing found: the names it nearly spelled, each opening its glossary entry', () => {
    const suggestions = omniboxSuggestions(search('sarqopeeniaa'), 'xml');
    expect(suggestions.map((s) => s.content)).toContain('Sarcopenia — Glossary');
    expect(shownText(suggestions[0]!.description)).toMatch(/^Did you mean .+\? — Glossary$/);
    expect(omniboxSuggestions(search('zzzzzzzz qqqq'), 'xml')).toEqual([]);
  });
});

describe('what Enter opens', () => {
  test('every document has its own content, so a chosen suggestion opens exactly it', () => {
    expect(index.size).toBe(documents.length);
    for (const content of index.keys()) expect(content.length).toBeLessThanOrEqual(MAX_CONTENT);
  });

  test('typed text that is no suggestion is a search, whitespace folded and cut', () => {
    expect(omniboxTarget('  vitamin\n d ', index)).toEqual({ query: 'vitamin d' });
    expect(omniboxTarget('Sarcopenia', index)).toEqual({ query: 'Sarcopenia' });
    const { query } = omniboxTarget('calcium '.repeat(40), index) as { query: string };
    expect(query.length).toBeLessThanOrEqual(100);
  });

  test('the default row: Chromium fills in the typed text, Firefox shows plain text', () => {
    expect(shownText(defaultSuggestion('xml'))).toContain('%s');
    expect(defaultSuggestion('xml')).toContain('<match>%s</match>');
    expect(defaultSuggestion('plain')).not.toMatch(/[<>%&]/);
  });
});
