/**
 * Address-bar suggestions from the guide's search. Chromium reads a suggestion's
 * description as XML with the tags <match>, <dim> and <url>, and refuses the whole list
 * when one description is not well formed, so every text is escaped; Firefox shows the
 * description as plain text and parses no markup, so it gets the text alone (MDN's
 * compatibility notes for `omnibox.SuggestResult`).
 */
import type { SearchKind, SearchResults, Segment } from './search';
import { lookupQuery } from './lookup';
import { bestHits } from './lookup-results';
import { anchorFor } from './guide-links';

/** How a browser reads descriptions: Chromium's XML, or Firefox's plain text. */
export type OmniboxFlavour = 'xml' | 'plain';

/** One suggestion, as `omnibox.onInputChanged`'s callback takes it. */
export interface OmniboxSuggestion {
  /** What the address bar shows when it is chosen, and what onInputEntered receives. */
  content: string;
  description: string;
}

/** Most suggestions offered (the address bar shows a handful below its default row). */
export const MAX_SUGGESTIONS = 6;
/** Longest description, in characters shown: the address bar gives each one line. */
export const MAX_DESCRIPTION = 120;
/** Longest suggestion content (what fills the address bar when a suggestion is chosen). */
export const MAX_CONTENT = 100;

const KIND_NAMES: Record<SearchKind, string> = {
  term: 'Glossary',
  section: 'Guide',
  faq: 'FAQ',
};

/** A run of description text and how it is styled. */
interface Run {
  text: string;
  match?: boolean;
  dim?: boolean;
}

// Characters XML 1.0 does not allow (C0 controls but tab, newline, CR; U+FFFE/U+FFFF;
// lone surrogates), and whitespace runs: a description is one line.
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;
const SPACES = /\s+/g;

/** Text made fit for one line of either flavour: no control characters, spaces folded. */
export function cleanText(text: string): string {
  return text.replace(NOT_XML, '').replace(SPACES, ' ');
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;',
  '"': '&quot;',
};

/** Text escaped for Chromium's description XML (& < > ' "). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>'"]/g, (ch) => ENTITIES[ch]!);
}

/**
 * Cuts runs to `max` characters shown in all; where text was cut, an ellipsis ends it
 * (outside a <match>: the ellipsis matched nothing).
 */
function cut(runs: readonly Run[], max: number): Run[] {
  const out: Run[] = [];
  let left = max;
  for (const [i, run] of runs.entries()) {
    const last = i === runs.length - 1;
    if (run.text.length < left || (last && run.text.length === left)) {
      out.push(run);
      left -= run.text.length;
      continue;
    }
    // One character is kept for the ellipsis, so the text shown never exceeds max.
    const kept = run.text.slice(0, Math.max(0, left - 1)).trimEnd();
    if (kept) out.push({ ...run, text: kept });
    out.push({ text: '…', dim: run.dim });
    break;
  }
  return out;
}

/** Neighbouring runs of the same style as one (fewer tags, the same text). */
function merge(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out.at(-1);
    if (prev && !!prev.match === !!run.match && !!prev.dim === !!run.dim)
      out[out.length - 1] = { ...prev, text: prev.text + run.text };
    else out.push(run);
  }
  return out;
}

/** Runs as a description: XML with <match> and <dim> for Chromium, the text for Firefox. */
function render(runs: readonly Run[], flavour: OmniboxFlavour, max = MAX_DESCRIPTION): string {
  const cleaned = runs
    .map((run) => ({ ...run, text: cleanText(run.text) }))
    .filter((run) => run.text !== '');
  const shown = merge(cut(cleaned, max));
  if (flavour === 'plain') return shown.map((run) => run.text).join('');
  return shown
    .map((run) => {
      let xml = escapeXml(run.text);
      if (run.match) xml = `<match>${xml}</match>`;
      if (run.dim) xml = `<dim>${xml}</dim>`;
      return xml;
    })
    .join('');
}

const runsOf = (segments: readonly Segment[], dim = false): Run[] =>
  segments.map((s) => ({ text: s.text, match: s.match, dim }));

const plainOf = (segments: readonly Segment[]) => segments.map((s) => s.text).join('');

/** The content of a result's suggestion: its title and kind, unique across the guide. */
export function suggestionContent(title: string, kind: SearchKind): string {
  const suffix = ` — ${KIND_NAMES[kind]}`;
  const room = MAX_CONTENT - suffix.length;
  const name = cleanText(title).trim();
  return (name.length > room ? `${name.slice(0, room - 1).trimEnd()}…` : name) + suffix;
}

/** What the guide holds, by suggestion content: the anchor each content opens. */
export function contentIndex(
  documents: readonly { kind: SearchKind; targetId: string; title: string }[],
): Map<string, string> {
  return new Map(
    documents.map((d) => [suggestionContent(d.title, d.kind), anchorFor(d.kind, d.targetId)]),
  );
}

/** The suggestions for a search: its best hits, else the terms it nearly spelled. */
export function omniboxSuggestions(
  results: SearchResults,
  flavour: OmniboxFlavour,
): OmniboxSuggestion[] {
  const hits = bestHits(results, MAX_SUGGESTIONS).map((hit) => ({
    content: suggestionContent(plainOf(hit.title), hit.kind),
    description: render(
      [
        ...runsOf(hit.title),
        { text: ` — ${KIND_NAMES[hit.kind]}: `, dim: true },
        ...runsOf(hit.snippet, true),
      ],
      flavour,
    ),
  }));
  if (hits.length > 0) return hits;
  return results.suggestions.slice(0, MAX_SUGGESTIONS).map((title) => ({
    content: suggestionContent(title, 'term'),
    description: render(
      [
        { text: 'Did you mean ' },
        { text: title, match: true },
        { text: '? — Glossary', dim: true },
      ],
      flavour,
    ),
  }));
}

/** The first row of the list, before any suggestion: what Enter on the typed text does. */
export function defaultSuggestion(flavour: OmniboxFlavour): string {
  // Chromium puts the typed text in place of %s; Firefox shows the text as it is.
  return flavour === 'xml'
    ? 'Search the MyoLens guide for <match>%s</match>'
    : 'Search the MyoLens guide: terms, sections and FAQ';
}

/** Where entered text leads: the anchor of a chosen suggestion, else a search for the text. */
export function omniboxTarget(
  text: string,
  index: ReadonlyMap<string, string>,
): { hash: string } | { query: string } {
  const typed = cleanText(text).trim();
  const anchor = index.get(typed);
  return anchor ? { hash: anchor } : { query: lookupQuery(typed) };
}
