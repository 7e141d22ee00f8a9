/**
 * The settings shape: one schema per field, so a bad value costs only its own field.
 * Every entrypoint reads the same stored object through `parseSettings`.
 */
import * as v from 'valibot';
import { normalizeHostname } from '../hostname';

/** The shape version written with every save; bump it and add a step in migrate.ts. */
export const SETTINGS_VERSION = 2;

/** The values each choice field accepts, in the order the UI offers them. */
export const SITE_MODES = ['all-except', 'only-listed'] as const;
export const MARK_STYLES = ['underline', 'background', 'none'] as const;
export const DENSITIES = ['section', 'all', 'first'] as const;
export const RENDERERS = ['paint', 'wrap'] as const;
export const TRIGGERS = ['hover', 'alt-hover', 'click'] as const;
// Mirrors CATEGORIES in content/schema.ts; a unit test keeps the two equal.
export const CATEGORIES = ['condition', 'biology', 'nutrition', 'exercise', 'safety'] as const;

/** Most hostnames the site list holds. */
export const MAX_SITES = 500;
/** Most term ids the hidden list holds. */
export const MAX_HIDDEN_TERMS = 200;
/** Longest term id accepted; glossary ids are a few words of kebab-case. */
export const MAX_TERM_ID = 100;
// Leaves room for categories a newer version may add, while refusing junk arrays.
const MAX_HIDDEN_CATEGORIES = 50;

export type SiteMode = (typeof SITE_MODES)[number];
export type MarkStyle = (typeof MARK_STYLES)[number];
export type Density = (typeof DENSITIES)[number];
export type RendererKind = (typeof RENDERERS)[number];
export type Trigger = (typeof TRIGGERS)[number];
export type Category = (typeof CATEGORIES)[number];

/** Everything the user can set; immutable, replaced whole on every change. */
export interface Settings {
  /** Highlighting on or off everywhere. */
  readonly enabled: boolean;
  /** Whether `sites` lists where MyoLens is off ('all-except') or the only places it is on. */
  readonly siteMode: SiteMode;
  /** Normalised hostnames; each also covers its subdomains. */
  readonly sites: readonly string[];
  /** 'none' draws nothing but the terms still answer hover and click. */
  readonly markStyle: MarkStyle;
  /**
   * Which mentions are underlined: the first of each term in each section, every one, or
   * the first of each term on the page. Every mention explains itself on hover all the same.
   */
  readonly density: Density;
  /**
   * 'paint' leaves the page untouched (CSS Custom Highlight API) wherever the browser
   * paints highlights, else MyoLens wraps; 'wrap' always wraps terms in elements (for
   * user styles that target `mark[data-myolens-term]`).
   */
  readonly renderer: RendererKind;
  readonly trigger: Trigger;
  /** Term ids never marked. */
  readonly hiddenTerms: readonly string[];
  readonly hiddenCategories: readonly Category[];
  /** Count of terms on the page shown on the toolbar icon. */
  readonly badge: boolean;
  /** The open side panel shows the entry of each term whose tooltip opens on the page. */
  readonly followPage: boolean;
  /**
   * Double-clicking a word shows the MyoLens bubble for it (off by default: double-click
   * is how readers select a word, and a bubble each time would get in the way).
   */
  readonly lookupOnDoubleClick: boolean;
}

/** The object kept in storage: the settings plus the shape version they were written in. */
export type StoredSettings = Settings & { readonly version: number };

/** What a fresh install gets, and what any unreadable field falls back to. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enabled: true,
  siteMode: 'all-except',
  sites: Object.freeze([]) as readonly string[],
  markStyle: 'underline',
  density: 'section',
  renderer: 'paint',
  trigger: 'hover',
  hiddenTerms: Object.freeze([]) as readonly string[],
  hiddenCategories: Object.freeze([]) as readonly Category[],
  badge: true,
  followPage: true,
  lookupOnDoubleClick: false,
});

/** Kebab-case term ids, the form glossary ids and `#term-<id>` links use. */
export const TermIdSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_TERM_ID),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
);

/** A site-list entry: anything `normalizeHostname` accepts, output in its normal form. */
export const HostnameSchema = v.pipe(
  v.string(),
  v.transform((input: string) => normalizeHostname(input)),
  v.string(), // null (not a hostname) fails here
);

/** A scalar field: one schema that either accepts the stored value or not. */
export interface ScalarField {
  readonly kind: 'scalar';
  readonly schema: v.GenericSchema<unknown>;
}
/** A list field: an entry schema applied to each item, and a cap on the raw length. */
export interface ListField {
  readonly kind: 'list';
  readonly entry: v.GenericSchema<unknown, string>;
  readonly max: number;
}

/** How each field of `Settings` is read back from storage. */
export const FIELDS: { readonly [K in keyof Settings]: ScalarField | ListField } = {
  enabled: { kind: 'scalar', schema: v.boolean() },
  siteMode: { kind: 'scalar', schema: v.picklist(SITE_MODES) },
  sites: { kind: 'list', entry: HostnameSchema, max: MAX_SITES },
  markStyle: { kind: 'scalar', schema: v.picklist(MARK_STYLES) },
  density: { kind: 'scalar', schema: v.picklist(DENSITIES) },
  renderer: { kind: 'scalar', schema: v.picklist(RENDERERS) },
  trigger: { kind: 'scalar', schema: v.picklist(TRIGGERS) },
  hiddenTerms: { kind: 'list', entry: TermIdSchema, max: MAX_HIDDEN_TERMS },
  hiddenCategories: { kind: 'list', entry: v.picklist(CATEGORIES), max: MAX_HIDDEN_CATEGORIES },
  badge: { kind: 'scalar', schema: v.boolean() },
  // Added in version 2's lifetime without a bump: absent (stored by an earlier build) reads
  // as the default like any missing field, and no other field changes shape, so there is
  // nothing for a migration step to do.
  followPage: { kind: 'scalar', schema: v.boolean() },
  // Added after version 2 without a version bump: a field absent from storage reads as its
  // default (off), so shapes written before it need no migration step.
  lookupOnDoubleClick: { kind: 'scalar', schema: v.boolean() },
};

/** The version field itself: a positive whole number. */
export const VersionSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
