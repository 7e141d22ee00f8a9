/**
 * What each runtime message and each answer looks like: the valibot schemas that every
 * receiver checks before it acts (protocol.ts pairs them by type, with who may send).
 */
import * as v from 'valibot';
import { MAX_LOOKUP_HITS } from '../lookup';
import { TermIdSchema } from '../settings/schema';

/** Longest string any message carries. */
export const MAX_MESSAGE_STRING = 200;
/** Most terms a page-terms response lists; the glossary is far smaller. */
export const MAX_PAGE_TERMS = 1000;

const Text = v.pipe(v.string(), v.maxLength(MAX_MESSAGE_STRING));
// Guide anchors are section ids or `term-<id>`, all kebab-case like term ids.
const Anchor = v.pipe(
  v.string(),
  v.maxLength(MAX_MESSAGE_STRING),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
);
const Count = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(1_000_000));

const WindowId = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
/** Where in the guide to go: a section or term anchor, a search, or both. */
const GuideLinkEntries = { hash: v.optional(Anchor), query: v.optional(Text) };

/**
 * Content script or popup to background: open the guide at a place, in the side panel
 * where the browser allows it, else in a new tab (background/open-guide.ts).
 */
export const OpenGuideSchema = v.strictObject({
  type: v.literal('open-guide'),
  ...GuideLinkEntries,
});
/** Background to the side panels: the one in this window shows this place. */
export const ShowInPanelSchema = v.strictObject({
  type: v.literal('show-in-panel'),
  windowId: WindowId,
  ...GuideLinkEntries,
});
/**
 * A side panel, as it starts, to background: the place it was opened for, if any (the
 * panel that a gesture just opened was not there yet to be told).
 */
export const TakePanelRequestSchema = v.strictObject({
  type: v.literal('take-panel-request'),
  windowId: WindowId,
});
/**
 * Background (the open/close command) to the side panels: the one in this window closes
 * if it was already open when the command came (`openedBefore`, ms since the epoch).
 */
export const ClosePanelSchema = v.strictObject({
  type: v.literal('close-panel'),
  windowId: WindowId,
  openedBefore: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
});
/** Popup to the active tab's content script: which terms are on this page? */
export const GetPageTermsSchema = v.strictObject({ type: v.literal('get-page-terms') });
/**
 * An extension page to a tab's content script: answer `get-page-terms` once the scan is
 * idle (every queued walk, write and sweep done). Tests and the bench wait on it instead
 * of polling the page.
 */
export const WhenIdleSchema = v.strictObject({ type: v.literal('when-idle') });
/** Popup to content script: scroll to the term's next occurrence and flash it. */
export const RevealTermSchema = v.strictObject({
  type: v.literal('reveal-term'),
  termId: TermIdSchema,
});
/**
 * Where a frame is in its tab: its index in its parent's `window.frames`, and its
 * parent's in its own, and so on from the top-level page's (`framePath`). Unlike an
 * address it holds for a frame that navigated itself and for one inside another frame.
 */
export const FramePathSchema = v.pipe(
  v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9_999))),
  v.minLength(1),
  v.maxLength(32),
);
/** A frame's answer to `reveal-term`: where it is, when it revealed a mention. */
export const RevealTermResponseSchema = v.optional(v.strictObject({ path: FramePathSchema }));
/** Content script to background: how many terms the page has, for the badge. */
export const PageTermsChangedSchema = v.strictObject({
  type: v.literal('page-terms-changed'),
  count: Count,
});

/** Background (keyboard command) to content script: open the next or previous term. */
export const MoveTermSchema = v.strictObject({
  type: v.literal('move-term'),
  direction: v.picklist([1, -1]),
});
/**
 * Popup to content script: flip MyoLens for the tab's own site. The content script
 * knows its hostname, so the popup needs no `tabs` permission to read the URL.
 */
export const ToggleSiteSchema = v.strictObject({ type: v.literal('toggle-site') });
/**
 * Content script to background: which browser engine version is this? Content scripts
 * cannot call `runtime.getBrowserInfo()` (Firefox); it decides whether highlights paint.
 */
export const GetEngineSchema = v.strictObject({ type: v.literal('get-engine') });

/**
 * Content script to background: search the guide for a selected text (the index stays
 * in the background, out of every page's content script).
 */
export const SearchSchema = v.strictObject({ type: v.literal('search'), query: Text });
/**
 * Background (the context menu's "Look up") to the tab's content script: show the bubble
 * at the page's selection. `text` is the browser's own `selectionText`; the content
 * script reads the selection itself and acts only when the two agree.
 */
export const LookupSelectionSchema = v.strictObject({
  type: v.literal('lookup-selection'),
  text: Text,
});

/** Most frames of one tab whose terms are kept: more are not counted. */
export const MAX_FRAMES = 200;
const FrameId = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const Hostname = v.pipe(v.string(), v.maxLength(253));
/** Terms in page order with their counts, as "This page" lists them. */
const TermCounts = v.pipe(
  v.array(v.strictObject({ id: TermIdSchema, count: Count })),
  v.maxLength(MAX_PAGE_TERMS),
);

/**
 * A frame's content script to background: the top-level page's hostname, whose site
 * settings govern the frame too (a frame cannot read its parent's address).
 */
export const FrameSiteSchema = v.strictObject({ type: v.literal('frame-site') });
/** The background's answer to `frame-site`: null when the top-level page has no MyoLens. */
export const FrameSiteResponseSchema = v.strictObject({ hostname: v.nullable(Hostname) });
/** A frame's content script to background: the terms it shows now ([] when it ends). */
export const FrameTermsSchema = v.strictObject({
  type: v.literal('frame-terms'),
  terms: TermCounts,
});
/** One frame's terms, as the background keeps them for the top-level page. */
const FrameTermsEntry = v.strictObject({
  frameId: FrameId,
  terms: TermCounts,
});
/** The frames' terms of one tab, by frame. */
export const FramesTermsSchema = v.pipe(v.array(FrameTermsEntry), v.maxLength(MAX_FRAMES));
export type FramesTerms = v.InferOutput<typeof FramesTermsSchema>;
/**
 * Background to the top-level page's content script: its frames' terms changed (the
 * whole list), for "This page", the badge and the side panel, which count the whole tab.
 */
export const TabFramesSchema = v.strictObject({
  type: v.literal('tab-frames'),
  frames: FramesTermsSchema,
});
/** The top-level page's content script, as it starts, to background: its frames' terms so far. */
export const GetTabFramesSchema = v.strictObject({ type: v.literal('get-tab-frames') });
/**
 * The top-level page's content script to background: "This page" asked to reveal a term
 * only this frame of the same tab holds; the background passes `reveal-term` on to it.
 */
export const RevealInFrameSchema = v.strictObject({
  type: v.literal('reveal-in-frame'),
  frameId: FrameId,
  termId: TermIdSchema,
});
/**
 * Background to the top-level page's content script: a frame of the tab revealed a
 * mention; bring the frame element at `path` (its first step, the page's own frame) into
 * view.
 */
export const ShowFrameSchema = v.strictObject({
  type: v.literal('show-frame'),
  path: FramePathSchema,
});

/** A frame's content script to background: its tooltip shows this term (for the side panel). */
export const FrameTooltipSchema = v.strictObject({
  type: v.literal('frame-tooltip'),
  termId: TermIdSchema,
});
/** Background to the top-level page's content script: a frame's tooltip shows this term. */
export const TabTooltipSchema = v.strictObject({
  type: v.literal('tab-tooltip'),
  termId: TermIdSchema,
});

/**
 * A content script to background: Escape was pressed in its document with nothing of
 * ours open there; the background tells every frame of the tab (`dismiss-tooltip`).
 */
export const DismissTooltipsSchema = v.strictObject({ type: v.literal('dismiss-tooltips') });
/** Background to every frame of a tab: close an open tooltip or bubble, as Escape does. */
export const DismissTooltipSchema = v.strictObject({ type: v.literal('dismiss-tooltip') });

/** The answer of a message whose receiver answers nothing: delivered, or not. */
export const NoAnswerSchema = v.undefined();

/** The content script's answer to `get-page-terms`: terms in page order. */
export const PageTermsResponseSchema = v.strictObject({
  terms: TermCounts,
  /** False where the content script cannot run or is turned off for the site. */
  available: v.boolean(),
  /** The page's hostname ('' for pages without one), for "Off on example.com". */
  hostname: v.optional(Hostname, ''),
});
export type PageTermsResponse = v.InferOutput<typeof PageTermsResponseSchema>;

/** The background's answer to `take-panel-request`: the place, or none. */
export const PanelRequestSchema = v.strictObject(GuideLinkEntries);
export type PanelRequest = v.InferOutput<typeof PanelRequestSchema>;

/** The background's answer to `get-engine`: `runtime.getBrowserInfo()`'s name and version. */
export const EngineResponseSchema = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_STRING)),
  version: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_STRING)),
});
export type EngineResponse = v.InferOutput<typeof EngineResponseSchema>;

/** Most runs of text a result's title or snippet is cut into. */
export const MAX_SEGMENTS = 64;
const Segments = v.pipe(
  v.array(v.strictObject({ text: Text, match: v.boolean() })),
  v.maxLength(MAX_SEGMENTS),
);
/** The background's answer to `search`: the bubble's results (lib/lookup-results.ts). */
export const SearchResponseSchema = v.strictObject({
  query: Text,
  hits: v.pipe(
    v.array(
      v.strictObject({
        kind: v.picklist(['term', 'section', 'faq']),
        anchor: Anchor,
        title: Segments,
        snippet: Segments,
      }),
    ),
    v.maxLength(MAX_LOOKUP_HITS),
  ),
  suggestions: v.pipe(v.array(Text), v.maxLength(MAX_LOOKUP_HITS)),
});
export type SearchResponse = v.InferOutput<typeof SearchResponseSchema>;
/** The content script's answer to `lookup-selection`: did it show the bubble? */
export const LookupResponseSchema = v.strictObject({ shown: v.boolean() });
export type LookupResponse = v.InferOutput<typeof LookupResponseSchema>;
