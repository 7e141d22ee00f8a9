/**
 * The receiving side: one listener per context, built from a map of handlers by message
 * type. The listener checks the shape and the sender of every message before a handler
 * sees it, so a handler never reads what a page or another extension could forge.
 */
import type * as v from 'valibot';
import { parse } from './parse';
import {
  PROTOCOL,
  isMessageType,
  type Message,
  type MessageOf,
  type MessageType,
  type ResponseOf,
} from './protocol';
import { isTrustedSender, type OwnExtension, type SenderLike } from './trust';

/** A received message if it is exactly one of ours, else null. */
export function parseMessage(raw: unknown): Message | null {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : null;
  if (!isMessageType(type)) return null;
  // Widened: parse cannot tell which entry a runtime `type` picked; its literal can.
  const schema: v.GenericSchema = PROTOCOL[type].message;
  return parse(schema, raw) as Message | null;
}

/** The message if it is well formed and its sender may send that type, else null. */
export function acceptMessage(raw: unknown, sender: SenderLike, own: OwnExtension): Message | null {
  const message = parseMessage(raw);
  if (message === null) return null;
  const trusted = isTrustedSender(sender, own.ownId, {
    ownOrigin: own.ownOrigin,
    allow: PROTOCOL[message.type].from,
  });
  return trusted ? message : null;
}

/**
 * A handler's answer. `undefined` (not a promise of it) means "not for me": the listener
 * answers nothing, so another context's listener may (each side panel hears every
 * `show-in-panel`, and only the one in that window answers).
 */
export type Answer<T extends MessageType> =
  ResponseOf<T> | Promise<ResponseOf<T> | undefined> | undefined;

/** What a context does with each message type it receives; other types are ignored. */
export type Handlers<S extends SenderLike = SenderLike> = {
  [T in MessageType]?: (message: MessageOf<T>, sender: S) => Answer<T>;
};

/**
 * The `runtime.onMessage` listener for a map of handlers: a message that is malformed,
 * from a sender that may not send its type, or of a type without a handler is dropped.
 */
export function dispatcher<S extends SenderLike>(
  own: OwnExtension,
  handlers: Handlers<S>,
): (raw: unknown, sender: S) => Promise<unknown> | undefined {
  return (raw, sender) => {
    const message = acceptMessage(raw, sender, own);
    if (message === null) return undefined;
    const handler = handlers[message.type] as
      ((message: Message, sender: S) => unknown) | undefined;
    const answer = handler?.(message, sender);
    // A listener answers by returning a promise (Chromium and Firefox alike).
    return answer === undefined ? undefined : Promise.resolve(answer);
  };
}
