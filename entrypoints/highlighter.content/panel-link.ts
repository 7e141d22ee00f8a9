/**
 * The side panels following this tab. A panel connects a port (PAGE_PORT) and gets the
 * page's terms at once and again whenever they change, and the term of every tooltip
 * that opens. Nothing is sent while no panel listens, and nothing here touches the page.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  PAGE_PORT,
  isExtensionPageSender,
  type OwnExtension,
  type PagePortMessage,
  type PageTermsResponse,
} from '@/lib/messages';

/** At most one terms update per this many ms: an infinite-scroll page changes often. */
export const TERMS_UPDATE_MS = 250;

type Port = Browser.runtime.Port;

/** What the rest of the content script tells the panels. */
export interface PanelLink {
  /** The page's terms may have changed (marks made or removed, settings applied). */
  termsChanged(): void;
  /** A tooltip now shows this term. */
  tooltipShown(termId: string): void;
  /** Disconnects every panel and stops listening. */
  stop(): void;
}

/** Listens for side panels' ports; `snapshot` gives the terms as `get-page-terms` answers. */
export function linkPanels(own: OwnExtension, snapshot: () => PageTermsResponse): PanelLink {
  const ports = new Set<Port>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const post = (port: Port, message: PagePortMessage) => {
    try {
      port.postMessage(message);
    } catch {
      // The panel closed (or the extension was reloaded) between events.
      ports.delete(port);
    }
  };
  const postTerms = (port: Port) => post(port, { type: 'page-terms', ...snapshot() });

  const onConnect = (port: Port) => {
    if (port.name !== PAGE_PORT) return;
    // Only our own pages: another extension's port must learn nothing about the page.
    if (!isExtensionPageSender(port.sender ?? {}, own)) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    postTerms(port);
  };
  browser.runtime.onConnect.addListener(onConnect);

  return {
    termsChanged() {
      if (ports.size === 0 || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        for (const port of ports) postTerms(port);
      }, TERMS_UPDATE_MS);
    },
    tooltipShown(termId) {
      for (const port of ports) post(port, { type: 'tooltip-opened', termId });
    },
    stop() {
      clearTimeout(timer);
      browser.runtime.onConnect.removeListener(onConnect);
      for (const port of ports) port.disconnect();
      ports.clear();
    },
  };
}
