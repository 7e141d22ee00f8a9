/**
 * Experiments measured beside the product rows, without touching product code: each
 * variant patches a PageController instance with a proposed change (variants/patches.ts,
 * variants/lean-matcher.ts, variants/prefilter.ts). They are cumulative, so each row
 * shows what one more change adds.
 */
import { glossary } from '@/content/glossary-index';
import { PageController } from '@/entrypoints/highlighter.content/controller';
import type { Variant } from '../harness/myolens';
import { leanMatcher } from './lean-matcher';
import { patchBatchedWrites, patchDirectWrap, patchOneRegExp } from './patches';
import { prefilter } from './prefilter';

const lean: Variant = {
  name: 'lean-regex',
  about: 'one RegExp for probe and scan, termIdOf by trie walk, activeIds stops early',
  create: (doc, host, _matcher, options) => {
    const c = new PageController(doc, host, leanMatcher(glossary), options);
    patchOneRegExp(c);
    return c;
  },
};

const direct: Variant = {
  name: 'direct-wrap',
  about: 'lean-regex + wrap() without mark.js (one exec loop and one fragment per text node)',
  create: (doc, host, _matcher, options) => {
    const c = new PageController(doc, host, leanMatcher(glossary), options);
    patchOneRegExp(c);
    patchDirectWrap(c);
    return c;
  },
};

const all: Variant = {
  name: 'all',
  about:
    'direct-wrap + read-only scan slices with the marks written in as few slices as fit + word-start prefilter stems',
  create: (doc, host, _matcher, options) => {
    const c = new PageController(doc, host, leanMatcher(glossary, prefilter(glossary)), options);
    patchOneRegExp(c);
    patchDirectWrap(c);
    patchBatchedWrites(c);
    return c;
  },
};

export const VARIANTS: Variant[] = [lean, direct, all];
