/**
 * The runtime messages between popup, side panel, guide, background and content script.
 * For `browser.runtime` messages and our page port only: content scripts never act on
 * page events, `postMessage` or attributes a page can write, which any page can forge.
 *
 * protocol.ts: each type's schema, answer and allowed senders · schemas.ts: the shapes ·
 * trust.ts: who a sender is · parse.ts: the one check of a received value ·
 * dispatch.ts: handler maps for receivers · send.ts: typed sending · page-port.ts.
 */
export * from './schemas';
export * from './protocol';
export * from './trust';
export * from './page-port';
export { parse } from './parse';
export { acceptMessage, dispatcher, parseMessage, type Answer, type Handlers } from './dispatch';
export { send, sendToTab, type MessageRuntime, type MessageTabs } from './send';
