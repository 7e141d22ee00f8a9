/**
 * The shape of everything MyoLens knows: guide tree, FAQ and glossary.
 * The build step validates the authored files against these schemas; the app only
 * imports the inferred types (valibot stays out of the shipped bundles).
 */
import * as v from 'valibot';
import { CATEGORIES } from './categories';

/** Kebab-case ids are what deep links (`guide.html#id`, `#term-id`) are made of. */
export const IdSchema = v.pipe(
  v.string('must be a string'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, (issue) => `must be kebab-case (got ${issue.received})`),
);

const NonEmptyString = v.pipe(
  v.string('must be a string'),
  v.trim(),
  v.nonEmpty('must not be empty'),
);

export const CategorySchema = v.picklist(
  CATEGORIES,
  (issue) => `must be one of ${CATEGORIES.join(', ')} (got ${issue.received})`,
);
export type Category = v.InferOutput<typeof CategorySchema>;
export { CATEGORIES };

// Inline and section types are recursive, which TypeScript cannot infer from a lazy
// schema; they are written out once and the schemas are checked against them.
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

const InlineChildren = v.array(v.lazy((): v.GenericSchema<Inline> => InlineSchema));

// Only web links and in-page fragments: a `javascript:` href would be code in content.
const HrefSchema = v.pipe(
  v.string(),
  v.regex(
    /^(?:https?:\/\/|#)/,
    (issue) => `link must be an http(s) URL or a #fragment (got ${issue.received})`,
  ),
);

export const InlineSchema: v.GenericSchema<Inline> = v.variant('type', [
  v.strictObject({ type: v.literal('text'), text: v.string() }),
  v.strictObject({ type: v.literal('strong'), children: InlineChildren }),
  v.strictObject({ type: v.literal('em'), children: InlineChildren }),
  v.strictObject({ type: v.literal('link'), href: HrefSchema, children: InlineChildren }),
]);

const TableSchema = v.pipe(
  v.strictObject({
    type: v.literal('table'),
    head: v.pipe(v.array(v.string()), v.minLength(1, 'a table needs a header row')),
    rows: v.array(v.array(v.string())),
  }),
  v.check(
    (table) => table.rows.every((row) => row.length === table.head.length),
    'every table row must have as many cells as the header',
  ),
);

export const BlockSchema = v.variant('type', [
  v.strictObject({ type: v.literal('paragraph'), children: v.array(InlineSchema) }),
  v.strictObject({
    type: v.literal('list'),
    ordered: v.boolean(),
    items: v.array(v.array(InlineSchema)),
  }),
  TableSchema,
]);
export type Block = v.InferOutput<typeof BlockSchema>;

export interface GuideSection {
  id: string;
  title: string;
  /** Heading level: 1 for the article's title section, 2 and 3 below it. */
  level: number;
  blocks: Block[];
  children: GuideSection[];
}

export const GuideSectionSchema: v.GenericSchema<GuideSection> = v.strictObject({
  id: IdSchema,
  title: NonEmptyString,
  level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6)),
  blocks: v.array(BlockSchema),
  children: v.array(v.lazy(() => GuideSectionSchema)),
});

export const GuideSchema = v.strictObject({
  title: NonEmptyString,
  readingTime: NonEmptyString,
  /** The title heading and the lead paragraph under it; its id anchors the top. */
  intro: GuideSectionSchema,
  sections: v.array(GuideSectionSchema),
  /** Kept apart from `sections` so every view can place it last, outside the outline. */
  disclaimer: GuideSectionSchema,
});
export type Guide = v.InferOutput<typeof GuideSchema>;

export const FaqEntrySchema = v.strictObject({
  id: IdSchema,
  question: v.pipe(NonEmptyString, v.endsWith('?', 'a question must end with "?"')),
  answer: v.pipe(v.array(BlockSchema), v.minLength(1, 'an answer needs at least one block')),
});
export type FaqEntry = v.InferOutput<typeof FaqEntrySchema>;

/** Longest search alias: a lay name, not a sentence. */
export const ALIAS_MAX = 60;

/** One search alias: a lay name readers type for a glossary term, and why it is the same thing. */
export const SearchAliasSchema = v.strictObject({
  alias: v.pipe(
    NonEmptyString,
    v.maxLength(ALIAS_MAX, `must be at most ${ALIAS_MAX} characters: a name, not a sentence`),
  ),
  /** For reviewers: in lay words, why the alias names the same thing (build-time only). */
  note: NonEmptyString,
});

/**
 * content/aliases.yaml: glossary term id → the lay names it is searched by. Aliases only
 * help search; they are never matched on pages (they are not forms).
 */
export const SearchAliasesSchema = v.record(
  IdSchema,
  v.pipe(
    v.array(SearchAliasSchema, 'must be a list of { alias, note }'),
    v.minLength(1, 'omit the term rather than leaving its list empty'),
  ),
  'must be a mapping of term id to a list of aliases',
);
export type SearchAliases = v.InferOutput<typeof SearchAliasesSchema>;

export const SUMMARY_MAX = 240;

export const GlossaryTermSchema = v.strictObject({
  id: IdSchema,
  label: NonEmptyString,
  /** Surface forms; the matcher adds hyphen/space variants, -s/-es plurals, possessives. */
  forms: v.pipe(
    v.array(NonEmptyString, 'must be a list'),
    v.minLength(1, 'needs at least one form'),
  ),
  /**
   * Why a form of several words that the guide and FAQ never use is listed anyway (a name
   * readers meet elsewhere): form → reason. The build requires one for every such form.
   * Build-time only: generatedModules leaves it out of the shipped glossary.
   */
  formNotes: v.optional(
    v.record(v.string(), NonEmptyString, 'must be a mapping of form to reason'),
  ),
  caseSensitive: v.boolean('must be true or false'),
  /**
   * Forms other fields use in their own sense (form, in any letter case → the fields and
   * senses, for reviewers): shown only on a page about the body (lib/topic.ts). The
   * other forms are the guide's own and shown anywhere. The shipped glossary keeps the
   * forms and drops the reasons (shippedGlossary in content/build/build.ts).
   */
  shared: v.optional(v.record(v.string(), v.string(), 'must be a mapping of form to reason')),
  /** Lowercase words, one of which must be on the page before an ambiguous term is marked. */
  context: v.optional(
    v.pipe(
      v.array(
        v.pipe(
          v.string(),
          v.regex(/^[\p{Ll}\p{N}-]+$/u, 'context words must be lowercase single words'),
        ),
        'must be a list',
      ),
      v.minLength(1, 'omit context rather than leaving it empty'),
    ),
  ),
  category: CategorySchema,
  summary: v.pipe(
    NonEmptyString,
    v.maxLength(
      SUMMARY_MAX,
      (issue) =>
        `must be at most ${SUMMARY_MAX} characters (has ${issue.received.replace(/\D/g, '')})`,
    ),
  ),
  /** Id of the guide section (or FAQ entry) the summary is drawn from. */
  section: IdSchema,
  /**
   * Further sections or FAQ entries the summary draws on besides `section` (which is where
   * "Read more" goes): the build holds the summary's key phrases to these together.
   * Build-time only, like formNotes.
   */
  alsoFrom: v.optional(
    v.pipe(v.array(IdSchema, 'must be a list'), v.maxLength(3, 'at most 3 further sources')),
  ),
  related: v.optional(
    v.pipe(v.array(IdSchema, 'must be a list'), v.maxLength(3, 'at most 3 related terms')),
    [],
  ),
});
export type GlossaryTerm = v.InferOutput<typeof GlossaryTermSchema>;
