/**
 * Rows measured beside the product's default one, without touching product code: each
 * variant runs the real TabSession with other options. (Variants that copied or
 * patched controller code are retired: they drifted from what ships.)
 */
import { productController, type Variant } from '../harness/myolens';

/** The wrap renderer (mark.js elements), the fallback where highlights do not paint. */
const wrap: Variant = {
  name: 'wrap',
  about: 'the product with the wrap renderer (mark.js <mark> elements) instead of paint',
  create: (doc, host, matcher, options) =>
    productController(doc, host, matcher, { ...options, renderer: 'wrap' }),
};

export const VARIANTS: Variant[] = [wrap];
