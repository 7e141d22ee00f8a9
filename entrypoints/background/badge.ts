/** The part of `browser.action` the badge uses. */
export interface BadgeAction {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

/**
 * The toolbar badge: how many distinct terms the tab's page has, when the reader wants
 * it. Counts are kept so turning the badge back on shows them at once.
 */
export class BadgeCounts {
  private readonly counts = new Map<number, number>();
  private enabled = true;

  constructor(private readonly action: BadgeAction) {
    // Dark teal on white text: 4.5:1 or better in light and dark toolbars.
    void action.setBadgeBackgroundColor({ color: '#0b5a61' }).catch(() => undefined);
  }

  /** Records a tab's count and shows it. */
  set(tabId: number, count: number): void {
    if (count > 0) this.counts.set(tabId, count);
    else this.counts.delete(tabId);
    this.show(tabId);
  }

  /** Forgets a closed tab. */
  forget(tabId: number): void {
    this.counts.delete(tabId);
  }

  /** Turns the badge on or off for every tab. */
  enable(on: boolean): void {
    if (on === this.enabled) return;
    const shown = [...this.counts.keys()];
    this.enabled = on;
    for (const tabId of shown) this.show(tabId);
  }

  /** The text shown for a tab now. */
  text(tabId: number): string {
    const count = this.counts.get(tabId) ?? 0;
    return this.enabled && count > 0 ? String(count) : '';
  }

  private show(tabId: number): void {
    // A tab can close between the count and the call: nothing to do then.
    this.action.setBadgeText({ tabId, text: this.text(tabId) }).catch(() => undefined);
  }
}
