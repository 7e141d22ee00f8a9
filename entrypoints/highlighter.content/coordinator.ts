import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { storage } from '@wxt-dev/storage';
import { glossary } from '@/content/glossary-index';
import { PREBUILT } from '@/content/generated/pattern';
import type { IdleHost } from '@/lib/idle';
import { compileMatcher } from '@/lib/matcher';
import { dispatcher, send, type Handlers } from '@/lib/messages';
import type { FramesTerms } from '@/lib/messages';
import {
  createSettingsStore,
  defineSettingsSlots,
  isEnabledInFrame,
  isEnabledOn,
  toggleSite,
  type Settings,
} from '@/lib/settings';
import { paintsHighlights } from './browser-quirks';
import { listenLookup } from './lookup';
import { focusIsHere, frameElementOf, framePath } from './frame-focus';
import { linkPanels, TERMS_UPDATE_MS } from './panel-link';
import { listenPointer } from './pointer';
import { TabSession, type ShowOptions } from './tab';
import { termsOnPage, withFrames } from './terms-on-page';
import { TooltipHost } from './tooltip-host';

/**
 * "Don't mark terms on this site": off here whatever the site mode (in "only these sites"
 * mode that means removing the rule that turned it on).
 */
function siteOff(settings: Settings, hostname: string): Partial<Settings> {
  if (!hostname || !isEnabledOn(settings, hostname)) return {};
  return { sites: toggleSite(settings, hostname).sites };
}

/**
 * What to show, from settings: hidden categories become hidden terms; paint where the
 * browser paints highlights, unless the reader chose wrapping.
 */
export function optionsFrom(settings: Settings, paints: boolean): ShowOptions {
  const hidden = new Set(settings.hiddenTerms);
  for (const term of glossary)
    if (settings.hiddenCategories.includes(term.category)) hidden.add(term.id);
  return {
    density: settings.density,
    style: settings.markStyle,
    hiddenTerms: hidden,
    renderer: paints && settings.renderer === 'paint' ? 'paint' : 'wrap',
  };
}

/**
 * The window as the scanners' idle host. Each callback first asks WXT's context whether
 * the extension is still there: after a reload or update this script is orphaned, and
 * `ctx.isValid` then aborts `ctx.signal`, which undoes everything hung on it.
 */
function guardedHost(win: Window & typeof globalThis, ctx: ContentScriptContext): IdleHost {
  return {
    requestIdleCallback: (cb, opts) =>
      win.requestIdleCallback((d) => {
        if (ctx.isValid) cb(d);
      }, opts),
    setTimeout: (cb, ms) =>
      win.setTimeout(() => {
        if (ctx.isValid) cb();
      }, ms),
    performance: win.performance,
    MessageChannel: win.MessageChannel,
  };
}

/** Runs `fn` when `signal` aborts; an orphaned context's extension APIs may throw then. */
function onAbort(signal: AbortSignal, fn: () => void): void {
  signal.addEventListener(
    'abort',
    () => {
      try {
        fn();
      } catch {
        /* orphaned: the API is gone with the extension */
      }
    },
    { once: true },
  );
}

/**
 * The tab's coordinator in this frame: settings and site rules, the session that shows
 * mentions while MyoLens is on here, the counts (badge, side panels), the tooltip and the
 * messages from our own pages. One lifetime: everything hangs on `ctx.signal`, and each
 * "on" period on its own signal below it; turning off is one abort.
 *
 * The top-level page's coordinator speaks for the tab: its counts, "This page" and the
 * side panel include its frames' terms, which each frame's coordinator reports through
 * the background. A frame's site settings follow the top-level page's (README, "Where
 * MyoLens reads").
 */
export async function startTab(ctx: ContentScriptContext, win: Window & typeof globalThis) {
  const doc = win.document;
  const signal = ctx.signal;
  const hostname = win.location.hostname;
  const isTop = win === win.top;
  const store = createSettingsStore(defineSettingsSlots(storage));
  const [loaded, paints, topSite] = await Promise.all([
    store.loadSettings(),
    paintsHighlights(win, import.meta.env.FIREFOX, () =>
      send(browser.runtime, { type: 'get-engine' }),
    ),
    isTop
      ? hostname
      : send(browser.runtime, { type: 'frame-site' }).then((answer) => answer?.hostname ?? null),
  ]);
  let settings = loaded.settings;
  if (ctx.isInvalid) return;

  /** Tells our background; an orphaned script (the extension gone) has no one to tell. */
  const tell = (message: Parameters<typeof send>[1]) => void send(browser.runtime, message);
  const matcher = compileMatcher(glossary, PREBUILT);
  const terms = new Map(glossary.map((t) => [t.id, t]));
  const host = guardedHost(win, ctx);
  let session: { tab: TabSession; off: AbortController } | undefined;
  /**
   * The session, where the page's events and our pages' messages reach it. Asking WXT's
   * context first is how an orphaned script learns it is one at the reader's first event:
   * `ctx.isValid` then aborts `ctx.signal`, and the page is restored.
   */
  const current = () => (ctx.isValid ? session?.tab : undefined);
  let lastCount = -1;
  /** The frames' terms (top-level page only), as the background last told them. */
  let frames: FramesTerms = [];
  let framesTold = false;
  /** This page's terms as "This page" lists them: the top's include its frames'. */
  const pageTerms = () => {
    const own = termsOnPage(current(), hostname);
    return isTop && own.available ? withFrames(own, frames) : own;
  };

  const own = { ownId: browser.runtime.id, ownOrigin: browser.runtime.getURL('/') };
  // Side panels following this tab (they connect to the top-level page): told of every
  // change of terms, and of each tooltip.
  const panels = isTop ? linkPanels(own, pageTerms) : undefined;
  if (panels) onAbort(signal, () => panels.stop());

  /** A frame's report of its terms: at most one per TERMS_UPDATE_MS, only when they change. */
  let reported = '[]';
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const reportFrame = (now = false) => {
    const send = () => {
      reportTimer = undefined;
      const terms = signal.aborted ? [] : pageTerms().terms;
      const key = JSON.stringify(terms);
      if (key === reported) return;
      reported = key;
      tell({ type: 'frame-terms', terms });
    };
    if (now) {
      clearTimeout(reportTimer);
      send();
    } else reportTimer ??= setTimeout(send, TERMS_UPDATE_MS);
  };
  if (!isTop) {
    onAbort(signal, () => reportFrame(true));
    // A frame removed or navigated: its terms leave the tab's count.
    win.addEventListener('pagehide', () => reportFrame(true), { signal });
  }

  const reportCount = () => {
    if (!isTop) return reportFrame();
    panels?.termsChanged();
    const session = current();
    const ids = new Set(session?.counts().keys());
    if (session) for (const frame of frames) for (const term of frame.terms) ids.add(term.id);
    const count = ids.size;
    if (count === lastCount) return;
    lastCount = count;
    tell({ type: 'page-terms-changed', count });
  };

  const tooltip = new TooltipHost(ctx, terms, hostname, {
    openGuide: (hash) => tell({ type: 'open-guide', hash }),
    openQuery: (query) => tell({ type: 'open-guide', query }),
    // Patches from the current stored value, so a change made meanwhile elsewhere survives.
    hideTerm: (termId) =>
      void store.saveSettings((s) => ({ hiddenTerms: [...new Set([...s.hiddenTerms, termId])] })),
    disableSite: () => void store.saveSettings((s) => ({ ...siteOff(s, hostname) })),
    // The side panels follow the top-level page, which hears of its frames' tooltips.
    shown: (termId) =>
      panels ? panels.tooltipShown(termId) : tell({ type: 'frame-tooltip', termId }),
    closed: (byReader) => pointer.tooltipClosed(byReader),
  });
  onAbort(signal, () => tooltip.destroy());

  const onHere = () =>
    settings.enabled &&
    (isTop ? isEnabledOn(settings, hostname) : isEnabledInFrame(settings, hostname, topSite));
  const apply = () => {
    const on = onHere();
    const options = optionsFrom(settings, paints);
    if (session && (!on || session.tab.renderer.kind !== options.renderer)) {
      // Off, or drawn another way: this session ends, and the page is as it was.
      tooltip.close();
      session.off.abort();
      session = undefined;
    }
    if (on && session) session.tab.update(options);
    else if (on && !signal.aborted) {
      const off = new AbortController();
      const tab = new TabSession(
        win,
        matcher,
        options,
        AbortSignal.any([signal, off.signal]),
        reportCount,
        host,
      );
      session = { tab, off };
      tab.addRoot(doc);
    }
    reportCount();
  };

  const pointer = listenPointer(
    win,
    {
      session: current,
      tooltip,
      trigger: () => settings.trigger,
      // Only where another frame may show one: a frame, or a page whose frames have terms.
      escapeElsewhere: () => {
        if (!isTop || frames.length) tell({ type: 'dismiss-tooltips' });
      },
    },
    signal,
  );
  // The search index stays in the background: the bubble asks it for results.
  const lookup = listenLookup(
    win,
    {
      tooltip,
      matcher,
      session: current,
      onDoubleClick: () => settings.lookupOnDoubleClick && onHere(),
      search: (query) => send(browser.runtime, { type: 'search', query }),
    },
    signal,
  );
  onAbort(
    signal,
    store.watchSettings((loaded) => {
      settings = loaded.settings;
      apply();
    }),
  );

  // Only our own popup, side panel, guide tab or background (lib/messages checks each
  // message's shape and sender): never another extension or a page.
  const handlers: Handlers = {
    'get-page-terms': pageTerms,
    'when-idle': async () => {
      await current()?.whenIdle();
      return pageTerms();
    },
    'reveal-term': ({ termId }) => {
      // A frame that revealed a mention says where it is, for the page to show the frame.
      if (pointer.reveal(termId)) {
        const path = isTop ? null : framePath(win);
        return path?.length ? { path } : undefined;
      }
      if (!isTop) return undefined;
      // "This page" lists the frames' terms too: the first frame holding it reveals it.
      const frame = frames.find((f) => f.terms.some((t) => t.id === termId));
      if (frame) tell({ type: 'reveal-in-frame', frameId: frame.frameId, termId });
      return undefined;
    },
    // A frame of this page revealed a mention. A cross-origin frame cannot scroll its page
    // (Chromium stops scrollIntoView at the boundary): the page brings the frame's element
    // into view, the frame its mention. (Of a frame inside a frame, the outer one's.)
    'show-frame': ({ path }) => {
      if (!isTop) return undefined;
      const roots = [doc, ...(current()?.shadowRoots ?? [])];
      frameElementOf(roots, win.frames[path[0]!] ?? null)?.scrollIntoView({
        block: 'center',
        inline: 'nearest',
      });
      return undefined;
    },
    // Sent to every frame: the one whose document has focus moves.
    'move-term': (message) =>
      focusIsHere(doc, isTop) ? void pointer.moveTo(message.direction) : undefined,
    'lookup-selection': async (message) => ({ shown: await lookup.fromMenu(message.text) }),
    'toggle-site': () => {
      if (isTop && hostname)
        void store.saveSettings((s) => ({ sites: toggleSite(s, hostname).sites }));
      return undefined;
    },
    'dismiss-tooltip': () => void pointer.dismiss(),
    'tab-tooltip': ({ termId }) => void panels?.tooltipShown(termId),
    'tab-frames': (message) => {
      if (!isTop) return undefined;
      frames = message.frames;
      framesTold = true;
      reportCount();
      return undefined;
    },
  };
  const onMessage = dispatcher(own, handlers);
  browser.runtime.onMessage.addListener(onMessage);
  onAbort(signal, () => browser.runtime.onMessage.removeListener(onMessage));

  apply();
  // Frames that started before this page's script reported to the background meanwhile.
  if (isTop)
    void send(browser.runtime, { type: 'get-tab-frames' }).then((list) => {
      if (!list || framesTold || signal.aborted) return;
      frames = list;
      reportCount();
    });
}
