/**
 * Markdown tokens (marked's lexer) to the content tree. Only the little Markdown the
 * content needs is accepted; anything else is an error, so nothing is silently dropped.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, Inline } from '../schema';
import { plainText } from '../tree';

/** Where errors go and which file they belong to. */
export interface Reporter {
  file: string;
  errors: string[];
}

/** A top-level token with the 1-based line it starts on. */
export interface LocatedToken {
  token: Token;
  line: number;
}

/** Reports an error at a line of the file. */
export function report(reporter: Reporter, line: number, message: string): void {
  reporter.errors.push(`${reporter.file}:${line}: ${message}`);
}

/** Lexes Markdown (GFM) into top-level tokens, each with its line (offset by lines cut before it). */
export function lexLines(markdown: string, firstLine = 1): LocatedToken[] {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const located: LocatedToken[] = [];
  let cursor = 0;
  let line = firstLine;
  for (const token of tokens) {
    const at = markdown.indexOf(token.raw, cursor);
    if (at >= 0) {
      line += countNewlines(markdown.slice(cursor, at));
      located.push({ token, line });
      line += countNewlines(token.raw);
      cursor = at + token.raw.length;
    } else {
      located.push({ token, line });
    }
  }
  return located;
}

const countNewlines = (text: string): number => text.split('\n').length - 1;

/** Whether a token is an HTML comment, which authors use for notes and the build skips. */
export function isComment(token: Token): boolean {
  return token.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(token.raw);
}

/** Inline tokens to inline nodes; adjacent text is merged. */
export function toInlines(tokens: readonly Token[], reporter: Reporter, line: number): Inline[] {
  const out: Inline[] = [];
  const pushText = (text: string): void => {
    const last = out.at(-1);
    if (last?.type === 'text') last.text += text;
    else out.push({ type: 'text', text });
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        if (token.tokens)
          toInlines(token.tokens, reporter, line).forEach((node) =>
            node.type === 'text' ? pushText(node.text) : out.push(node),
          );
        else pushText(token.text);
        break;
      case 'escape':
        pushText(token.text);
        break;
      case 'strong':
      case 'em':
        out.push({ type: token.type, children: toInlines(token.tokens ?? [], reporter, line) });
        break;
      case 'link':
        out.push({
          type: 'link',
          href: (token as Tokens.Link).href,
          children: toInlines(token.tokens ?? [], reporter, line),
        });
        break;
      default:
        report(
          reporter,
          line,
          `unsupported inline Markdown "${token.type}" in ${JSON.stringify(token.raw)}`,
        );
    }
  }
  return out;
}

/** Splits a heading into its title and its explicit `{#id}`; reports a missing or malformed id. */
export function headingParts(
  token: Tokens.Heading,
  reporter: Reporter,
  line: number,
): { title: string; id: string } {
  const inlines = toInlines(token.tokens, reporter, line);
  if (inlines.some((node) => node.type !== 'text'))
    report(reporter, line, 'headings must be plain text');
  const text = plainText(inlines).trim();
  const match = /^(.*?)\s*\{#([^}]*)\}$/.exec(text);
  if (!match) {
    report(reporter, line, `heading "${text}" needs an explicit id, e.g. "${text} {#some-id}"`);
    return { title: text, id: '' };
  }
  const [, title = '', id = ''] = match;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
    report(reporter, line, `heading "${title}": id "${id}" must be kebab-case`);
  return { title, id };
}

/** A block token (paragraph, list, table) to a block; undefined for spacing and comments. */
export function toBlock(token: Token, reporter: Reporter, line: number): Block | undefined {
  switch (token.type) {
    case 'space':
      return undefined;
    case 'paragraph':
      return { type: 'paragraph', children: toInlines(token.tokens ?? [], reporter, line) };
    case 'list':
      return listBlock(token as Tokens.List, reporter, line);
    case 'table':
      return tableBlock(token as Tokens.Table, reporter, line);
    default:
      if (!isComment(token)) report(reporter, line, `unsupported Markdown block "${token.type}"`);
      return undefined;
  }
}

function listBlock(token: Tokens.List, reporter: Reporter, line: number): Block {
  const items = token.items.map((item) => {
    const parts = item.tokens.filter((child) => child.type !== 'space');
    if (parts.length !== 1 || (parts[0]?.type !== 'text' && parts[0]?.type !== 'paragraph')) {
      report(reporter, line, 'list items must be a single paragraph (no nested lists or blocks)');
    }
    const first = parts[0];
    return first && 'tokens' in first && first.tokens
      ? toInlines(first.tokens, reporter, line)
      : [];
  });
  return { type: 'list', ordered: token.ordered, items };
}

function tableBlock(token: Tokens.Table, reporter: Reporter, line: number): Block {
  const cell = (tableCell: Tokens.TableCell): string => {
    const inlines = toInlines(tableCell.tokens, reporter, line);
    if (inlines.some((node) => node.type !== 'text'))
      report(reporter, line, 'table cells must be plain text');
    return plainText(inlines).trim();
  };
  return {
    type: 'table',
    head: token.header.map(cell),
    rows: token.rows.map((row) => row.map(cell)),
  };
}
