import type { IdleHost } from '@/lib/idle';
import type { Matcher } from '@/lib/matcher';
import type { Density, MarkStyle, RendererKind } from '@/lib/settings';
import { inComposedOrder } from './composed-order';
import type { Claims } from './density';
import type { Occurrence } from './occurrences';
import { PaintRenderer } from './paint';
import type { Renderer } from './render';
import { RootScanner, type ScanRoot } from './root-scanner';
import { ShadowRoots } from './shadow-roots';
import { WrapRenderer } from './wrap';

/** What the settings say to show, as the scanners and the renderer need it. */
export interface ShowOptions {
  density: Density;
  style: MarkStyle;
  hiddenTerms: ReadonlySet<string>;
  /** How mentions are shown; fixed for a session's life (a new kind is a new session). */
  renderer: RendererKind;
}

/**
 * One "on" period of MyoLens in a tab's frame: the renderer, a scanner per root, and the
 * counts across them. Everything it starts hangs on its signal: turning off (or the
 * extension going away) is one abort, after which the page is as it was.
 */
export class TabSession {
  readonly renderer: Renderer;
  private readonly scanners = new Map<ScanRoot, RootScanner>();
  private options: ShowOptions;
  /** The document's open shadow roots, each scanned as a root of its own. */
  private readonly shadows: ShadowRoots;
  /** Which terms are underlined where, across roots ('first' is the page's first). */
  private readonly claims: Claims;

  constructor(
    private readonly win: Window & typeof globalThis,
    private readonly matcher: Matcher,
    options: ShowOptions,
    private readonly signal: AbortSignal,
    /** Mentions were found or forgotten somewhere in the tab. */
    private readonly onChange: () => void,
    private readonly host: IdleHost = win,
  ) {
    this.options = options;
    this.claims = { shownIn: new WeakMap(), page: win.document };
    this.shadows = new ShadowRoots(
      { add: (root) => void this.addRoot(root), forget: (root) => this.forgetRoot(root) },
      host,
      signal,
    );
    this.renderer =
      options.renderer === 'paint'
        ? new PaintRenderer(win, options.style)
        : new WrapRenderer(win.document, options.style);
    // The scanners stop themselves on the same signal (registered after this, so they
    // have not yet: the renderer's writes are undone with every observer still quiet).
    signal.addEventListener('abort', () => this.quietAll(() => this.renderer.clear()), {
      once: true,
    });
  }

  /**
   * Starts scanning a root (a document, an open shadow root, a text layer): the one call.
   * A document's or shadow root's open shadow roots are found and scanned too, and so are
   * those the page adds later.
   */
  addRoot(root: ScanRoot): RootScanner {
    let scanner = this.scanners.get(root);
    if (scanner) return scanner;
    const doc = this.win.document;
    const shadow = root.nodeType === 11;
    const roots = root === doc || shadow;
    scanner = new RootScanner(root, {
      matcher: this.matcher,
      renderer: this.renderer,
      host: this.host,
      density: this.options.density,
      hiddenTerms: this.options.hiddenTerms,
      signal: this.signal,
      onChange: this.onChange,
      claims: this.claims,
      // The topic and context are the page's, wherever its text is (README).
      around: () => this.around(root),
      // A <mark> in a component's private tree: see README, "Shadow roots".
      underline: !(shadow && this.renderer.writes),
      added: roots ? (nodes) => this.shadows.added(nodes) : undefined,
      removed: roots ? () => this.shadows.removed() : undefined,
    });
    this.scanners.set(root, scanner);
    scanner.start();
    if (roots) this.shadows.lookIn(root as Document | ShadowRoot);
    return scanner;
  }

  /** A shadow root's host left the document: its scanner stops and forgets everything. */
  private forgetRoot(root: ShadowRoot): void {
    const scanner = this.scanners.get(root);
    if (!scanner) return;
    this.scanners.delete(root);
    scanner.stop();
    this.onChange();
  }

  /** The rest of the page's text for a root: the document's light text and the other roots'. */
  private around(root: ScanRoot): Node[] {
    const doc = this.win.document;
    const out: Node[] = [];
    if (root !== doc && doc.body) out.push(doc.body);
    for (const other of this.shadows.roots) if (other !== root) out.push(other);
    return out;
  }

  /**
   * A trusted pointer event's composed path passed through open shadow roots: any not yet
   * known (attached after its host was inserted) is scanned now. True if one was found.
   */
  discover(path: readonly EventTarget[]): boolean {
    return !this.signal.aborted && this.shadows.fromPath(path);
  }

  /** The open shadow roots being scanned (the hit-test looks into them). */
  get shadowRoots(): readonly ShadowRoot[] {
    return this.shadows.roots;
  }

  /** Applies new options: restyle in place, or read every root again when what is shown changes. */
  update(options: ShowOptions): void {
    const again =
      options.density !== this.options.density ||
      [...options.hiddenTerms].join() !== [...this.options.hiddenTerms].join();
    this.options = options;
    this.quietAll(() => this.renderer.setStyle(options.style));
    if (!again) return;
    this.quietAll(() => this.renderer.clear());
    for (const scanner of this.scanners.values())
      scanner.restart(options.density, options.hiddenTerms);
    this.onChange();
  }

  /** Resolves once every root's scan is idle. */
  async whenIdle(): Promise<void> {
    // A root's writes can bring news to another (a late context word): until all are idle.
    // The document's first look for shadow roots too: the roots it finds are scanned.
    for (;;) {
      await this.shadows.whenIdle();
      const all = [...this.scanners.values()];
      await Promise.all(all.map((s) => s.whenIdle()));
      if (all.length === this.scanners.size && !this.shadows.walking) return;
    }
  }

  /** Mentions per term across the tab's roots, underlined or not. */
  counts(): Map<string, number> {
    const out = new Map<string, number>();
    for (const scanner of this.scanners.values())
      for (const [id, n] of scanner.occurrences.counts()) out.set(id, (out.get(id) ?? 0) + n);
    return out;
  }

  /** Every mention still on the page, in composed tree order (a root's where its host is). */
  mentions(): Occurrence[] {
    const lists = new Map<Node, readonly Occurrence[]>();
    for (const [root, scanner] of this.scanners) lists.set(root, scanner.mentions());
    return inComposedOrder(this.win.document, lists);
  }

  /** The mentions in a text node, where they still hold (a read: nothing is swept). */
  at(node: Text): readonly Occurrence[] {
    return this.scannerOf(node)?.occurrences.at(node) ?? [];
  }

  /** Is this mention still the page's text? */
  valid(o: Occurrence): boolean {
    return this.scannerOf(o.node)?.occurrences.valid(o) ?? false;
  }

  /** Does any root hold a mention (worth hit-testing the pointer)? */
  get any(): boolean {
    for (const scanner of this.scanners.values()) if (scanner.occurrences.size) return true;
    return false;
  }

  /** The scanner whose root holds `node`. */
  private scannerOf(node: Node): RootScanner | undefined {
    const root = node.getRootNode() as ScanRoot;
    return this.scanners.get(root) ?? this.scanners.get(this.win.document);
  }

  /** Runs `fn` with every root's observer quiet (the renderer's writes are not news). */
  private quietAll(fn: () => void): void {
    let run = fn;
    for (const scanner of this.scanners.values()) {
      const inner = run;
      run = () => scanner.quiet(inner);
    }
    run();
  }
}
