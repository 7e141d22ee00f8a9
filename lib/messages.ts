/**
 * The runtime messages between popup, guide, background and content script, and who may
 * send each. For `browser.runtime` messages only: content scripts never act on page
 * events, `postMessage` or attributes a page can write, which any page can forge.
 */
import * as v from 'valibot';
import { MAX_LOOKUP_HITS } from './lookup';
import { TermIdSchema } from './settings/schema';

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

/** Any message, told apart by `type`. */
export const MessageSchema = v.variant('type', [
  OpenGuideSchema,
  GetPageTermsSchema,
  WhenIdleSchema,
  RevealTermSchema,
  PageTermsChangedSchema,
  MoveTermSchema,
  ToggleSiteSchema,
  GetEngineSchema,
  ShowInPanelSchema,
  TakePanelRequestSchema,
  ClosePanelSchema,
  SearchSchema,
  LookupSelectionSchema,
]);

/** The content script's answer to `get-page-terms`: terms in page order. */
export const PageTermsResponseSchema = v.strictObject({
  terms: v.pipe(
    v.array(v.strictObject({ id: TermIdSchema, count: Count })),
    v.maxLength(MAX_PAGE_TERMS),
  ),
  /** False where the content script cannot run or is turned off for the site. */
  available: v.boolean(),
  /** The page's hostname ('' for pages without one), for "Off on example.com". */
  hostname: v.optional(v.pipe(v.string(), v.maxLength(253)), ''),
});

/** The background's answer to `take-panel-request`: the place, or none. */
export const PanelRequestSchema = v.strictObject(GuideLinkEntries);
export type PanelRequest = v.InferOutput<typeof PanelRequestSchema>;

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

export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageType = Message['type'];
/** The message of one type. */
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;
export type PageTermsResponse = v.InferOutput<typeof PageTermsResponseSchema>;
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

/** What the receiver of each message type answers. */
export type ResponseOf<T extends MessageType> = T extends 'get-page-terms' | 'when-idle'
  ? PageTermsResponse
  : T extends 'get-engine'
    ? EngineResponse
    : T extends 'take-panel-request'
      ? PanelRequest | undefined
      : T extends 'show-in-panel' | 'close-panel'
        ? boolean
        : T extends 'search'
          ? SearchResponse
          : T extends 'lookup-selection'
            ? LookupResponse
            : void;

// Valibot reads fields with `in`, which sees inherited ones; a message is only ever a
// plain object whose fields are all its own.
function isPlainObject(raw: unknown): raw is object {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
  const proto: unknown = Object.getPrototypeOf(raw);
  return proto === Object.prototype || proto === null;
}

function parsePlain<T>(schema: v.GenericSchema<unknown, T>, raw: unknown): T | null {
  if (!isPlainObject(raw)) return null;
  const parsed = v.safeParse(schema, raw);
  return parsed.success ? parsed.output : null;
}

/** A received message if it is exactly one of ours, else null. */
export function parseMessage(raw: unknown): Message | null {
  return parsePlain(MessageSchema, raw);
}

/** The background's answer to `get-engine` if well formed, else null. */
export function parseEngineResponse(raw: unknown): EngineResponse | null {
  return parsePlain(EngineResponseSchema, raw);
}

/** The background's answer to `search` if well formed, else null. */
export function parseSearchResponse(raw: unknown): SearchResponse | null {
  return parsePlain(SearchResponseSchema, raw);
}

/** The content script's answer to `lookup-selection` if well formed, else null. */
export function parseLookupResponse(raw: unknown): LookupResponse | null {
  return parsePlain(LookupResponseSchema, raw);
}

/** The content script's answer to `get-page-terms` if well formed, else null. */
export function parsePageTermsResponse(raw: unknown): PageTermsResponse | null {
  return parsePlain(PageTermsResponseSchema, raw);
}

/** The background's answer to `take-panel-request` if well formed, else null. */
export function parsePanelRequest(raw: unknown): PanelRequest | null {
  return parsePlain(PanelRequestSchema, raw);
}

/** A message on the page port if well formed, else null. */
export function parsePagePortMessage(raw: unknown): PagePortMessage | null {
  return parsePlain(PagePortMessageSchema, raw);
}

/** The fields of `runtime.MessageSender` that decide trust. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Who sent a message: one of our pages (popup, guide, background) or a content script. */
export type SenderKind = 'extension-page' | 'content-script';

/** Our identity: `browser.runtime.id` and `browser.runtime.getURL('')`. */
export interface OwnExtension {
  ownId: string;
  /** Firefox's origin holds a per-install UUID, not the id, so it is passed in, not built. */
  ownOrigin: string;
}

const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/]+\/$/i;

// Compared with a trailing slash, so "chrome-extension://abc" is no prefix of
// "chrome-extension://abcd/"; an empty or malformed origin matches nothing.
function fromOwnOrigin(url: string | undefined, ownOrigin: string): boolean {
  const origin = ownOrigin.endsWith('/') ? ownOrigin : `${ownOrigin}/`;
  return ORIGIN.test(origin) && typeof url === 'string' && url.startsWith(origin);
}

/** Whether a sender is one of our extension pages (popup, guide tab, background). */
export function isExtensionPageSender(sender: SenderLike, own: OwnExtension): boolean {
  return sender.id === own.ownId && fromOwnOrigin(sender.url, own.ownOrigin);
}

/** Whether a sender is our content script running in a web page's tab. */
export function isContentScriptSender(sender: SenderLike, own: OwnExtension): boolean {
  const inTab = typeof sender.tab === 'object' && sender.tab !== null;
  return sender.id === own.ownId && inTab && !fromOwnOrigin(sender.url, own.ownOrigin);
}

/** Which of our contexts sent a message, or null when it is not ours. */
export function senderKind(sender: SenderLike, own: OwnExtension): SenderKind | null {
  if (isExtensionPageSender(sender, own)) return 'extension-page';
  if (isContentScriptSender(sender, own)) return 'content-script';
  return null;
}

/**
 * Whether a sender is this extension (its id is ours) and, when `allow` is given, one
 * of those kinds. Other extensions, web pages and senders without an id are refused.
 */
export function isTrustedSender(
  sender: SenderLike,
  ownId: string,
  opts: { ownOrigin: string; allow?: readonly SenderKind[] },
): boolean {
  if (typeof ownId !== 'string' || ownId === '' || sender.id !== ownId) return false;
  const kind = senderKind(sender, { ownId, ownOrigin: opts.ownOrigin });
  return kind !== null && (opts.allow === undefined || opts.allow.includes(kind));
}

/** Who may send each message; anything else is dropped. */
export const ALLOWED_SENDERS: { readonly [T in MessageType]: readonly SenderKind[] } = {
  'open-guide': ['content-script', 'extension-page'],
  'get-page-terms': ['extension-page'],
  'when-idle': ['extension-page'],
  'reveal-term': ['extension-page'],
  'page-terms-changed': ['content-script'],
  'move-term': ['extension-page'],
  'toggle-site': ['extension-page'],
  'get-engine': ['content-script'],
  'show-in-panel': ['extension-page'],
  'take-panel-request': ['extension-page'],
  'close-panel': ['extension-page'],
  search: ['content-script'],
  'lookup-selection': ['extension-page'],
};

/** The message if it is well formed and its sender may send that type, else null. */
export function acceptMessage(raw: unknown, sender: SenderLike, own: OwnExtension): Message | null {
  const message = parseMessage(raw);
  if (message === null) return null;
  const trusted = isTrustedSender(sender, own.ownId, {
    ownOrigin: own.ownOrigin,
    allow: ALLOWED_SENDERS[message.type],
  });
  return trusted ? message : null;
}
