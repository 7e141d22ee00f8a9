import { join, resolve } from 'node:path';

/** The repository. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The built Chromium extension the suite drives (`wxt build` writes it). */
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
/** The saved real-world pages (../shared/pages). */
export const SHARED_PAGES = resolve(ROOT, '../shared/pages');
