/**
 * Experiments measured beside the product rows, without touching product code: each
 * variant patches a PageController instance with a proposed change (variants/patches.ts).
 */
import { PageController } from '@/entrypoints/highlighter.content/controller';
import type { Variant } from '../harness/myolens';
import { patchDirectWrap } from './patches';

const direct: Variant = {
  name: 'direct-wrap',
  about:
    'the product with wrap() written without mark.js (one exec loop and one fragment insert per text node)',
  create: (doc, host, matcher, options) => {
    const c = new PageController(doc, host, matcher, options);
    patchDirectWrap(c);
    return c;
  },
};

export const VARIANTS: Variant[] = [direct];
