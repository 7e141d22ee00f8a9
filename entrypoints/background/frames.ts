/**
 * The frames of each tab, as the background sees them: which site the top-level page is
 * on (a frame's settings follow it, and a frame cannot read its parent's address), and
 * each frame's terms, which the top-level page's content script adds to its own for
 * "This page", the badge and the side panel. Kept in memory only: a restarted service
 * worker learns the top's site again by asking it, and frames report at their next change.
 */
import type { FramesTerms } from '@/lib/messages';

type FrameEntry = Omit<FramesTerms[number], 'frameId'>;
type TermCounts = FrameEntry['terms'];

/** What the registry asks of the browser. */
export interface FramesDeps {
  /** The top-level page's hostname, asked of its content script; null if none answers. */
  askTop(tabId: number): Promise<string | null>;
  /** Tells the top-level page's content script its frames' terms (it may not run yet). */
  tellTop(tabId: number, frames: FramesTerms): void;
  setTimeout(callback: () => void, ms: number): unknown;
}

/** How long a frame waits for the top-level page's script to start before going by its own site. */
export const TOP_WAIT_MS = 10_000;
/** Most frames kept per tab (the message schema's bound too). */
const MAX_FRAMES_PER_TAB = 200;

/** Which site each tab's top-level page is on, and each frame's terms. */
export class TabFrames {
  private readonly sites = new Map<number, string>();
  private readonly waiting = new Map<number, ((hostname: string) => void)[]>();
  private readonly frames = new Map<number, Map<number, FrameEntry>>();

  constructor(private readonly deps: FramesDeps) {}

  /** The top-level page's script spoke (its `sender.url`): that is the tab's site now. */
  topSeen(tabId: number, url: string | undefined): void {
    const hostname = hostnameOf(url);
    if (hostname === null) return;
    this.sites.set(tabId, hostname);
    const waiting = this.waiting.get(tabId) ?? [];
    this.waiting.delete(tabId);
    for (const resolve of waiting) resolve(hostname);
  }

  /**
   * The tab's top-level hostname: known, or asked of its script, or awaited until that
   * script starts (frames often start first), for at most TOP_WAIT_MS; null after that.
   */
  async topSite(tabId: number): Promise<string | null> {
    const known = this.sites.get(tabId);
    if (known !== undefined) return known;
    const asked = await this.deps.askTop(tabId);
    if (asked !== null) {
      this.sites.set(tabId, asked);
      return asked;
    }
    return this.sites.get(tabId) ?? this.wait(tabId);
  }

  private wait(tabId: number): Promise<string | null> {
    return new Promise((resolve) => {
      const list = this.waiting.get(tabId) ?? [];
      list.push(resolve);
      this.waiting.set(tabId, list);
      this.deps.setTimeout(() => {
        const still = this.waiting.get(tabId);
        const at = still?.indexOf(resolve) ?? -1;
        if (at < 0) return;
        still!.splice(at, 1);
        resolve(null);
      }, TOP_WAIT_MS);
    });
  }

  /** A frame's terms now ([] when it ends); the top-level page is told the whole list. */
  setTerms(tabId: number, frameId: number, terms: TermCounts): void {
    if (frameId <= 0) return;
    const tab = this.frames.get(tabId) ?? new Map<number, FrameEntry>();
    const had = tab.has(frameId);
    if (terms.length) {
      if (!had && tab.size >= MAX_FRAMES_PER_TAB) return;
      tab.set(frameId, { terms });
    } else if (had) tab.delete(frameId);
    else return;
    if (tab.size) this.frames.set(tabId, tab);
    else this.frames.delete(tabId);
    this.deps.tellTop(tabId, this.list(tabId));
  }

  /** The tab's frames' terms, by frame id. */
  list(tabId: number): FramesTerms {
    const tab = this.frames.get(tabId);
    if (!tab) return [];
    return [...tab].sort(([a], [b]) => a - b).map(([frameId, entry]) => ({ frameId, ...entry }));
  }

  /** The top-level page is navigating: its site is not known until its script speaks. */
  navigating(tabId: number): void {
    this.sites.delete(tabId);
  }

  /** A tab closed. */
  forget(tabId: number): void {
    this.sites.delete(tabId);
    this.frames.delete(tabId);
  }
}

/** The hostname of a page's address ('' for about:blank and the like), or null if none. */
function hostnameOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
