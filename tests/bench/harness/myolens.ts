/**
 * MyoLens's highlighter exactly as the content script runs it (coordinator.ts: compile
 * the matcher, make a TabSession with the window as idle host, add the document as its
 * root), with its work timed from outside: the idle host (requestIdleCallback,
 * setTimeout, MessageChannel) and the MutationObserver constructor it is given are
 * wrapped, the product code is untouched. A host member the runner starts to use that is
 * not wrapped here would make "work" too small: keep timedHost in step with lib/idle.ts.
 */
import type { Occurrences } from '@/entrypoints/highlighter.content/occurrences';
import { TabSession, type ShowOptions } from '@/entrypoints/highlighter.content/tab';
import type { IdleHost } from '@/lib/idle';
import type { Matcher } from '@/lib/matcher';
import { now, type Interval } from './main-thread';

/** What the benchmark needs of a controller (the product one, or an experimental variant). */
export interface ControllerLike {
  start(): void;
  whenIdle(): Promise<void>;
  counts(): Map<string, number>;
  onMarksChanged: (() => void) | undefined;
  /** The document root's mentions, for the hit-test rows. */
  readonly occurrences?: Occurrences;
}

/** The product's session over `doc` as the content script makes it, seen as a ControllerLike. */
export function productController(
  doc: Document,
  host: IdleHost,
  matcher: Matcher,
  options: ShowOptions,
): ControllerLike {
  const win = doc.defaultView as Window & typeof globalThis;
  let occurrences: Occurrences | undefined;
  const controller: ControllerLike = {
    onMarksChanged: undefined,
    start: () => {
      occurrences = tab.addRoot(doc).occurrences;
    },
    whenIdle: () => tab.whenIdle(),
    counts: () => tab.counts(),
    get occurrences() {
      return occurrences;
    },
  };
  // The signal of a session that stays on for the page's life.
  const tab = new TabSession(
    win,
    matcher,
    options,
    new AbortController().signal,
    () => controller.onMarksChanged?.(),
    host,
  );
  return controller;
}

/** An experiment: a different idle host, or a different controller, measured like the real one. */
export interface Variant {
  name: string;
  about: string;
  host?: (base: IdleHost) => IdleHost;
  create?: (doc: Document, host: IdleHost, matcher: Matcher, o: ShowOptions) => ControllerLike;
}

/** The content script's defaults (lib/settings: density all, underline, nothing hidden). */
export const DEFAULT_OPTIONS: ShowOptions = {
  density: 'all',
  style: 'underline',
  hiddenTerms: new Set(),
  renderer: 'paint',
};

/** Where the time went, by kind: start(), idle slices, observer callbacks. */
export interface WorkLog {
  start: Interval[];
  slices: Interval[];
  observer: Interval[];
}

/** Runs `fn` and logs its time. */
function timed<A extends unknown[]>(fn: (...a: A) => void, log: Interval[]): (...a: A) => void {
  return (...a) => {
    const s = now();
    try {
      fn(...a);
    } finally {
      log.push([s, now()]);
    }
  };
}

/**
 * The window as index.ts hands it to PageController, with every way the idle runner can
 * call back timed: requestIdleCallback, setTimeout, and the MessageChannel it continues
 * through (a handler assigned to port1.onmessage).
 */
function timedHost(base: IdleHost, slices: Interval[]): IdleHost {
  const ric = base.requestIdleCallback;
  const host: IdleHost = {
    requestIdleCallback: ric ? (cb, o) => ric(timed(cb, slices), o) : undefined,
    setTimeout: (cb, ms) => base.setTimeout(timed(cb, slices), ms),
    performance: base.performance,
  };
  const Channel = base.MessageChannel;
  if (Channel) {
    const Real: NonNullable<IdleHost['MessageChannel']> = Channel;
    host.MessageChannel = class {
      readonly port2: InstanceType<typeof Real>['port2'];
      readonly port1: { onmessage: ((e: MessageEvent) => void) | null };
      constructor() {
        const real = new Real();
        this.port2 = real.port2;
        let handler: ((e: MessageEvent) => void) | null = null;
        this.port1 = {
          get onmessage() {
            return handler;
          },
          set onmessage(fn) {
            handler = fn;
            real.port1.onmessage = fn && timed(fn, slices);
          },
        };
      }
    };
  }
  return host;
}

/** The real window as an IdleHost (what index.ts passes: `window`). */
export function windowHost(): IdleHost {
  return {
    requestIdleCallback: window.requestIdleCallback.bind(window),
    setTimeout: window.setTimeout.bind(window),
    performance: window.performance,
    MessageChannel: window.MessageChannel,
  };
}

/**
 * Builds a controller with its work logged. PageObserver takes the document's
 * MutationObserver at construction, so a timed subclass is installed only for that moment.
 */
export function instrumentedController(
  matcher: Matcher,
  variant: Variant | undefined,
  log: WorkLog,
): ControllerLike {
  const base = windowHost();
  const host = timedHost(variant?.host ? variant.host(base) : base, log.slices);
  const Real = window.MutationObserver;
  class TimedObserver extends Real {
    constructor(cb: MutationCallback) {
      super((records, observer) => {
        const s = now();
        try {
          cb(records, observer);
        } finally {
          log.observer.push([s, now()]);
        }
      });
    }
  }
  window.MutationObserver = TimedObserver;
  try {
    return variant?.create
      ? variant.create(document, host, matcher, DEFAULT_OPTIONS)
      : productController(document, host, matcher, DEFAULT_OPTIONS);
  } finally {
    window.MutationObserver = Real;
  }
}
