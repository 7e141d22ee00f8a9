/**
 * The port a side panel opens to the content script of the tab it follows, and what
 * travels on it. Apart from the runtime messages: a port is one panel's, not a broadcast.
 */
import * as v from 'valibot';
import { TermIdSchema } from '../settings/schema';
import { PageTermsResponseSchema } from './schemas';

/** The name of the port a side panel opens to the content script of the tab it follows. */
export const PAGE_PORT = 'myolens-page';

/**
 * Content script to the side panel following its tab, over that port: the page's terms
 * (whenever they change) and the term whose tooltip just opened.
 */
export const PagePortMessageSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('page-terms'),
    terms: PageTermsResponseSchema.entries.terms,
    available: PageTermsResponseSchema.entries.available,
    hostname: PageTermsResponseSchema.entries.hostname,
  }),
  v.strictObject({ type: v.literal('tooltip-opened'), termId: TermIdSchema }),
]);
export type PagePortMessage = v.InferOutput<typeof PagePortMessageSchema>;
