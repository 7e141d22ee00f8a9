/**
 * The one map of our runtime messages: for each type, what the message looks like, what
 * its receiver answers, and who may send it. Receivers (dispatch.ts) and senders
 * (send.ts) both read it, so a new message is one entry here and its schemas.
 */
import * as v from 'valibot';
import {
  ClosePanelSchema,
  DismissTooltipSchema,
  DismissTooltipsSchema,
  EngineResponseSchema,
  FramesTermsSchema,
  FrameSiteResponseSchema,
  FrameSiteSchema,
  FrameTermsSchema,
  FrameTooltipSchema,
  GetTabFramesSchema,
  GetEngineSchema,
  GetPageTermsSchema,
  LookupResponseSchema,
  LookupSelectionSchema,
  MoveTermSchema,
  NoAnswerSchema,
  OpenGuideSchema,
  PageTermsChangedSchema,
  PageTermsResponseSchema,
  PanelRequestSchema,
  RevealInFrameSchema,
  RevealTermResponseSchema,
  RevealTermSchema,
  SearchResponseSchema,
  SearchSchema,
  ShowFrameSchema,
  ShowInPanelSchema,
  TabFramesSchema,
  TabTooltipSchema,
  TakePanelRequestSchema,
  ToggleSiteSchema,
  WhenIdleSchema,
} from './schemas';
import type { SenderKind } from './trust';

interface Entry {
  /** The whole message, `type` included. */
  message: v.GenericSchema<unknown, { type: string }>;
  /** What the receiver answers; `NoAnswerSchema` where it answers nothing. */
  response: v.GenericSchema;
  /** Who may send it; from anyone else it is dropped unread. */
  from: readonly SenderKind[];
}

const PAGES = ['extension-page'] as const;
const CONTENT = ['content-script'] as const;

/** Each message type: its schema, its answer's schema and its allowed senders. */
export const PROTOCOL = {
  'open-guide': {
    message: OpenGuideSchema,
    response: NoAnswerSchema,
    from: ['content-script', 'extension-page'],
  },
  'get-page-terms': { message: GetPageTermsSchema, response: PageTermsResponseSchema, from: PAGES },
  // Only our pages (tests and the bench run there) wait on a tab's scan.
  'when-idle': { message: WhenIdleSchema, response: PageTermsResponseSchema, from: PAGES },
  'reveal-term': { message: RevealTermSchema, response: RevealTermResponseSchema, from: PAGES },
  'page-terms-changed': {
    message: PageTermsChangedSchema,
    response: NoAnswerSchema,
    from: CONTENT,
  },
  'move-term': { message: MoveTermSchema, response: NoAnswerSchema, from: PAGES },
  'toggle-site': { message: ToggleSiteSchema, response: NoAnswerSchema, from: PAGES },
  'get-engine': { message: GetEngineSchema, response: EngineResponseSchema, from: CONTENT },
  // The side panel's messages come from our pages (background, panel), never a tab.
  'show-in-panel': { message: ShowInPanelSchema, response: v.boolean(), from: PAGES },
  'take-panel-request': {
    message: TakePanelRequestSchema,
    response: v.nullable(PanelRequestSchema),
    from: PAGES,
  },
  'close-panel': { message: ClosePanelSchema, response: v.boolean(), from: PAGES },
  search: { message: SearchSchema, response: SearchResponseSchema, from: CONTENT },
  // Frames (README, "Where MyoLens reads"): each frame's content script reports to the
  // background, which keeps the tab's frames' terms for the top-level page's.
  'frame-site': { message: FrameSiteSchema, response: FrameSiteResponseSchema, from: CONTENT },
  'frame-terms': { message: FrameTermsSchema, response: NoAnswerSchema, from: CONTENT },
  'get-tab-frames': { message: GetTabFramesSchema, response: FramesTermsSchema, from: CONTENT },
  'tab-frames': { message: TabFramesSchema, response: NoAnswerSchema, from: PAGES },
  'reveal-in-frame': { message: RevealInFrameSchema, response: NoAnswerSchema, from: CONTENT },
  'show-frame': { message: ShowFrameSchema, response: NoAnswerSchema, from: PAGES },
  'frame-tooltip': { message: FrameTooltipSchema, response: NoAnswerSchema, from: CONTENT },
  'tab-tooltip': { message: TabTooltipSchema, response: NoAnswerSchema, from: PAGES },
  'dismiss-tooltips': { message: DismissTooltipsSchema, response: NoAnswerSchema, from: CONTENT },
  'dismiss-tooltip': { message: DismissTooltipSchema, response: NoAnswerSchema, from: PAGES },
  'lookup-selection': {
    message: LookupSelectionSchema,
    response: LookupResponseSchema,
    from: PAGES,
  },
} as const satisfies Record<string, Entry>;

type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
/** The message of one type. */
export type MessageOf<T extends MessageType> = v.InferOutput<Protocol[T]['message']>;
/** Any of our messages. */
export type Message = { [T in MessageType]: MessageOf<T> }[MessageType];
/** What the receiver of a message of this type answers. */
export type ResponseOf<T extends MessageType> = v.InferOutput<Protocol[T]['response']>;

/** Whether a string names one of our message types (own keys only: not `__proto__`). */
export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(PROTOCOL, type);
}
