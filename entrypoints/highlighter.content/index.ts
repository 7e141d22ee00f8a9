import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { storage } from '@wxt-dev/storage';
import { glossary } from '@/content/glossary-index';
import { PREBUILT } from '@/content/generated/pattern';
import { compileMatcher } from '@/lib/matcher';
import {
  acceptMessage,
  parseEngineResponse,
  parseSearchResponse,
  type SenderLike,
} from '@/lib/messages';
import {
  createSettingsStore,
  defineSettingsSlots,
  isEnabledOn,
  toggleSite,
  type Settings,
} from '@/lib/settings';
import { paintsHighlights } from './browser-quirks';
import { PageController, type HighlightOptions, type RendererKind } from './controller';
import { listen } from './interactions';
import { listenLookup } from './lookup';
import { pageTerms } from './page-terms';
import { linkPanels } from './panel-link';
import { TooltipHost } from './tooltip-host';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT's extra window.postMessage would tell every page that MyoLens is installed.
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    if (!isHtmlDocument(document)) return;
    void run(ctx);
  },
});

/** Only real HTML pages: not XML, SVG, or JSON/plain-text viewers' foreign documents. */
function isHtmlDocument(doc: Document): boolean {
  return (
    doc.documentElement?.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
    doc.contentType !== 'text/plain'
  );
}

/**
 * "Don't mark terms on this site": off here whatever the site mode (in "only these sites"
 * mode that means removing the rule that turned it on).
 */
function siteOff(settings: Settings, hostname: string): Partial<Settings> {
  if (!hostname || !isEnabledOn(settings, hostname)) return {};
  return { sites: toggleSite(settings, hostname).sites };
}

/**
 * Highlight options from settings: hidden categories become hidden terms; paint where the
 * browser paints highlights, unless the reader chose wrapping.
 */
function optionsFrom(settings: Settings, paints: boolean): HighlightOptions {
  const hidden = new Set(settings.hiddenTerms);
  for (const term of glossary)
    if (settings.hiddenCategories.includes(term.category)) hidden.add(term.id);
  const renderer: RendererKind = paints && settings.renderer === 'paint' ? 'paint' : 'wrap';
  return { density: settings.density, style: settings.markStyle, hiddenTerms: hidden, renderer };
}

async function run(ctx: ContentScriptContext): Promise<void> {
  const body = await bodyReady(ctx);
  if (!body) return;
  const hostname = location.hostname;
  const store = createSettingsStore(defineSettingsSlots(storage));
  const [loaded, paints] = await Promise.all([
    store.loadSettings(),
    paintsHighlights(window, import.meta.env.FIREFOX, async () =>
      parseEngineResponse(await browser.runtime.sendMessage({ type: 'get-engine' })),
    ),
  ]);
  let settings = loaded.settings;
  if (ctx.isInvalid) return;

  // After the extension is reloaded or updated this script is orphaned: the first event
  // that notices (WXT checks runtime.id) invalidates ctx, and onInvalidated below
  // restores the page.
  const alive = () => !ctx.isInvalid;
  const send = (message: object) => {
    try {
      // Throws synchronously, not only rejects, once the extension context is gone.
      browser.runtime.sendMessage(message).catch(() => undefined);
    } catch {
      /* orphaned: nothing to tell */
    }
  };
  const matcher = compileMatcher(glossary, PREBUILT);
  const terms = new Map(glossary.map((t) => [t.id, t]));
  let controller: PageController | undefined;
  let lastCount = -1;

  const own = { ownId: browser.runtime.id, ownOrigin: browser.runtime.getURL('/') };
  // Side panels following this tab: told of every change of terms, and of each tooltip.
  const panels = linkPanels(own, () => pageTerms(controller, hostname));

  const reportCount = () => {
    panels.termsChanged();
    const count = controller ? controller.counts().size : 0;
    if (count === lastCount) return;
    lastCount = count;
    send({ type: 'page-terms-changed', count });
  };

  const tooltip = new TooltipHost(ctx, terms, hostname, {
    openGuide: (hash) =>
      void browser.runtime.sendMessage({ type: 'open-guide', hash }).catch(() => undefined),
    openQuery: (query) =>
      void browser.runtime.sendMessage({ type: 'open-guide', query }).catch(() => undefined),
    // Patches from the current stored value, so a change made meanwhile elsewhere survives.
    hideTerm: (termId) =>
      void store.saveSettings((s) => ({ hiddenTerms: [...new Set([...s.hiddenTerms, termId])] })),
    disableSite: () => void store.saveSettings((s) => ({ ...siteOff(s, hostname) })),
    shown: (termId) => panels.tooltipShown(termId),
  });

  const onHere = () => settings.enabled && isEnabledOn(settings, hostname);
  const apply = () => {
    const on = onHere();
    const options = optionsFrom(settings, paints);
    if (!on || (controller && controller.renderer.kind !== options.renderer)) {
      tooltip.close();
      controller?.stop();
      controller = undefined;
    }
    if (!on) {
      // Off: nothing is shown.
    } else if (controller) {
      controller.update(options);
    } else {
      controller = new PageController(document, window, matcher, options, alive);
      controller.onMarksChanged = reportCount;
      controller.start();
    }
    reportCount();
  };

  const { moveTo, reveal } = listen(
    window,
    () => (alive() ? controller : undefined),
    tooltip,
    () => settings.trigger,
    ctx.signal,
  );
  // The search index stays in the background: the bubble asks it for results.
  const lookup = listenLookup(
    window,
    {
      tooltip,
      matcher,
      getController: () => (alive() ? controller : undefined),
      onDoubleClick: () => alive() && settings.lookupOnDoubleClick && onHere(),
      search: async (query) =>
        parseSearchResponse(
          await browser.runtime.sendMessage({ type: 'search', query }).catch(() => null),
        ),
    },
    ctx.signal,
  );
  const unwatch = store.watchSettings((loaded) => {
    settings = loaded.settings;
    apply();
  });

  const onMessage = (raw: unknown, sender: SenderLike) => {
    // Only our own popup, guide tab or background: never another extension or a page.
    const message = acceptMessage(raw, sender, own);
    if (!message) return undefined;
    switch (message.type) {
      case 'get-page-terms':
        return Promise.resolve(pageTerms(controller, hostname));
      case 'when-idle':
        return (controller?.whenIdle() ?? Promise.resolve()).then(() =>
          pageTerms(controller, hostname),
        );
      case 'reveal-term':
        reveal(message.termId);
        return undefined;
      case 'move-term':
        moveTo(message.direction);
        return undefined;
      case 'lookup-selection':
        return lookup.fromMenu(message.text).then((shown) => ({ shown }));
      case 'toggle-site':
        if (hostname) void store.saveSettings((s) => ({ sites: toggleSite(s, hostname).sites }));
        return undefined;
      default:
        return undefined;
    }
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    // The extension was reloaded or updated: leave the page as we found it, quietly.
    // The page comes first; the extension APIs may throw in an orphaned context.
    controller?.stop();
    controller = undefined;
    tooltip.destroy();
    for (const detach of [
      unwatch,
      () => browser.runtime.onMessage.removeListener(onMessage),
      () => panels.stop(),
    ]) {
      try {
        detach();
      } catch {
        /* orphaned: the API is gone with the extension */
      }
    }
  });

  apply();
}

/** Resolves with <body> once the document has one (some pages build it late), or null. */
function bodyReady(ctx: ContentScriptContext): Promise<HTMLElement | null> {
  if (document.body) return Promise.resolve(document.body);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      observer.disconnect();
      resolve(document.body);
    });
    observer.observe(document.documentElement, { childList: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      resolve(null);
    });
  });
}
