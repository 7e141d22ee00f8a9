import { describe, expect, test } from 'vitest';
import { parseGuide } from '../../content/build/parse-guide';

const FRONT = '---\nreadingTime: 2 min read\n---\n\n';
const md = (body: string, front = FRONT): string => `${front}${body}`;
const valid = `# Title? {#intro}

Lead with **bold**, *em* and [a link](https://example.org).

## First {#first}

Text.

### Sub {#sub}

- **A:** one
- two

## Table {#table}

| H1 | H2 |
| --- | --- |
| r1 | c1 |

## Disclaimer {#disclaimer}

Not advice.
`;

describe('parseGuide', () => {
  test('builds the tree: title, reading time, intro, nested sections, disclaimer', () => {
    const { guide, errors } = parseGuide(md(valid));
    expect(errors).toEqual([]);
    expect(guide?.title).toBe('Title?');
    expect(guide?.readingTime).toBe('2 min read');
    expect(guide?.intro).toMatchObject({ id: 'intro', level: 1 });
    expect(guide?.intro.blocks).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Lead with ' },
          { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
          { type: 'text', text: ', ' },
          { type: 'em', children: [{ type: 'text', text: 'em' }] },
          { type: 'text', text: ' and ' },
          {
            type: 'link',
            href: 'https://example.org',
            children: [{ type: 'text', text: 'a link' }],
          },
          { type: 'text', text: '.' },
        ],
      },
    ]);
    expect(guide?.sections.map((section) => section.id)).toEqual(['first', 'table']);
    expect(guide?.sections[0]?.children.map((section) => [section.id, section.level])).toEqual([
      ['sub', 3],
    ]);
    expect(guide?.sections[0]?.children[0]?.blocks[0]).toEqual({
      type: 'list',
      ordered: false,
      items: [
        [
          { type: 'strong', children: [{ type: 'text', text: 'A:' }] },
          { type: 'text', text: ' one' },
        ],
        [{ type: 'text', text: 'two' }],
      ],
    });
    expect(guide?.sections[1]?.blocks[0]).toEqual({
      type: 'table',
      head: ['H1', 'H2'],
      rows: [['r1', 'c1']],
    });
    expect(guide?.disclaimer).toMatchObject({ id: 'disclaimer', title: 'Disclaimer' });
  });

  test('skips HTML comments', () => {
    expect(parseGuide(md(`<!-- note -->\n\n${valid}`)).errors).toEqual([]);
  });

  test('rejects a heading without an explicit id, with its line', () => {
    expect(parseGuide(md(valid.replace('## First {#first}', '## First'))).errors).toContain(
      'content/guide.md:9: heading "First" needs an explicit id, e.g. "First {#some-id}"',
    );
  });

  test('rejects a duplicate section id', () => {
    expect(parseGuide(md(valid.replace('{#sub}', '{#first}'))).errors).toEqual([
      'content/guide.md:13: duplicate section id "first" (first used on line 9)',
    ]);
  });

  test('rejects a non-kebab id and a skipped heading level', () => {
    const errors = parseGuide(
      md(valid.replace('{#sub}', '{#Sub_1}').replace('### Sub', '#### Sub')),
    ).errors;
    expect(errors).toEqual([
      'content/guide.md:13: heading "Sub": id "Sub_1" must be kebab-case',
      'content/guide.md:13: heading "Sub" skips a level (h4 after h2)',
    ]);
  });

  test('rejects Markdown the tree cannot hold instead of dropping it', () => {
    const errors = parseGuide(
      md(valid.replace('Text.', 'Text.\n\n> quote\n\n<div>raw</div>\n\nuse `code`')),
    ).errors;
    expect(errors).toEqual([
      'content/guide.md:13: unsupported Markdown block "blockquote"',
      'content/guide.md:15: unsupported Markdown block "html"',
      'content/guide.md:17: unsupported inline Markdown "codespan" in "`code`"',
    ]);
  });

  test('rejects a javascript: link', () => {
    const errors = parseGuide(
      md(valid.replace('https://example.org', ['javascript', 'alert(1)'].join(':'))),
    ).errors;
    expect(errors.join('\n')).toMatch(/link must be an http\(s\) URL or a #fragment/);
  });

  test('requires front matter, the title and the disclaimer last', () => {
    expect(parseGuide(valid).errors).toEqual([
      'content/guide.md: front matter: needs "readingTime: <text>" (e.g. "readingTime: 4 min read")',
    ]);
    expect(parseGuide(md(valid.replace('# Title? {#intro}\n', ''))).errors).toEqual([
      'content/guide.md:6: text before the "#" title',
      'content/guide.md: missing the "#" title (it must come first)',
    ]);
    expect(parseGuide(md(valid.replace('{#disclaimer}', '{#notice}'))).errors).toEqual([
      'content/guide.md: the last "##" section must be the disclaimer ("## … {#disclaimer}")',
    ]);
  });

  test('rejects an empty section', () => {
    expect(parseGuide(md(valid.replace('Text.\n', ''))).errors).toEqual([]);
    expect(
      parseGuide(md(valid.replace('| H1 | H2 |\n| --- | --- |\n| r1 | c1 |\n', ''))).errors,
    ).toEqual(['content/guide.md:18: section "table" has no content']);
  });
});
