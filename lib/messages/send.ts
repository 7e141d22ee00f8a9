/**
 * The sending side: a message typed by the protocol, and its answer checked against the
 * protocol's schema for that type, since the receiver may be absent, outdated or not ours
 * (another extension can answer a broadcast).
 */
import type * as v from 'valibot';
import { parse } from './parse';
import {
  PROTOCOL,
  type Message,
  type MessageOf,
  type MessageType,
  type ResponseOf,
} from './protocol';

/** The part of `browser.runtime` that sends. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/** The part of `browser.tabs` that sends to a tab's content script. */
export interface MessageTabs {
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

/** A message of our protocol, no field more: the receiver refuses one with extra fields. */
type Exactly<M extends Message> = M & {
  [K in Exclude<keyof M, keyof MessageOf<M['type']>>]: never;
};

/**
 * A sent message's answer, or null. Null when nobody received it (no content script in
 * the tab, no extension page open, the extension context gone: those reject, or throw
 * at once) or when the answer is not what its type answers. A type whose receiver
 * answers nothing resolves `undefined` once delivered.
 */
async function answerOf<T extends MessageType>(
  type: T,
  sending: () => Promise<unknown>,
): Promise<ResponseOf<T> | null> {
  let raw: unknown;
  try {
    raw = await sending();
  } catch {
    return null;
  }
  const schema: v.GenericSchema = PROTOCOL[type].response;
  return parse(schema, raw) as ResponseOf<T> | null;
}

/** Sends to our background and extension pages; the checked answer, or null (answerOf). */
export function send<M extends Message>(
  runtime: MessageRuntime,
  message: Exactly<M>,
): Promise<ResponseOf<M['type']> | null> {
  return answerOf(message.type, () => runtime.sendMessage(message));
}

/** Sends to a tab's content script (one frame's, if given); the checked answer, or null. */
export function sendToTab<M extends Message>(
  tabs: MessageTabs,
  tabId: number,
  message: Exactly<M>,
  options?: { frameId?: number },
): Promise<ResponseOf<M['type']> | null> {
  // No options argument at all unless given, as the callers did before the map.
  return answerOf(message.type, () =>
    options ? tabs.sendMessage(tabId, message, options) : tabs.sendMessage(tabId, message),
  );
}
