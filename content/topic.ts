/**
 * What tells MyoLens that a page is about the body (health, medicine, physiology,
 * nutrition, exercise or ageing): the cue words of the page-topic gate (lib/topic.ts).
 * A glossary form that other fields share (its `shared` list in glossary.yaml) is shown
 * only on a page these cues call on topic; the guide's specific forms always are.
 *
 * Cues are lowercase words or phrases, matched like case-insensitive glossary forms
 * (whole words, hyphen and space equal, plural -s/-es added). They are words that
 * other fields do not use in passing, so one stray "health" or "muscle" on a page about
 * software, meat or whales decides nothing:
 * - `strong` cues are about people's bodies and their care ("patient", "older adults",
 *   "workout"); each distinct one weighs 2 (each distinct specific guide term, used in no
 *   other sense, weighs 3);
 * - `weak` cues are common in health writing but also met elsewhere ("muscle" in meat
 *   science, "strength" of materials, "body" of work); each distinct one weighs 1.
 * Deliberately absent: words the biology of plants, microbes or food shares ("cell",
 * "hormone", "metabolism", "physiology", "protein", "nutrient", "immune", "disease",
 * "infection", "deficiency"), sense-shifting words ("treatment", "therapy", "ageing" of
 * wine and meat, "falls", "heart", "joint", "tissue") and the guide's shared forms.
 *
 * The thresholds were chosen on tests/fixtures/off-topic (48 pages, 17 fields),
 * tests/fixtures/on-topic (20 pages) and the real pages in ../shared/pages; the table
 * `npx tsx tests/support/topic-table.ts` prints is in README ("What is matched").
 */
export const TOPIC_CUES = {
  strong: [
    'patient',
    'clinical',
    'clinician',
    'physician',
    'doctor',
    'nurse',
    'hospital',
    'symptom',
    'diagnosis',
    'diagnosed',
    'medication',
    'older adult',
    'older people',
    'older person',
    'older women',
    'older men',
    'elderly',
    'workout',
    'athlete',
    'physical activity',
    'body weight',
    'weight loss',
    'obesity',
    'obese',
    'diabetes',
    'osteoporosis',
    'fracture',
    'muscle mass',
    'muscle building',
    'build muscle',
    'lean mass',
    'dietary supplement',
    'heart disease',
    'blood pressure',
    'cholesterol',
    'vitamin',
    'nutritionist',
    'dietitian',
    'exercise physiology',
    'bone density',
    'bone health',
    'muscle health',
    'muscle function',
    'physical function',
    'health outcome',
    'fall prevention',
    'falls prevention',
    'preventing falls',
    'gym',
    'physiotherapy',
    'physiotherapist',
    'rehabilitation',
    'menopause',
    'bodybuilding',
    'physical exercise',
    'endurance training',
    'exercise-induced',
    'exercise science',
    'sports medicine',
    'sports nutrition',
    'sports science',
    'human performance',
    'vo2max',
    'muscle damage',
    'muscle soreness',
    'muscle growth',
    'muscle weakness',
    'heart muscle',
    'antioxidant supplement',
  ],
  weak: [
    'muscle',
    'muscular',
    'bone',
    'blood',
    'supplement',
    'diet',
    'dietary',
    'nutrition',
    'nutritional',
    'exercise',
    'fitness',
    'health',
    'healthy',
    'medical',
    'medicine',
    'chronic',
    'pain',
    'injury',
    'injuries',
    'cancer',
    'mortality',
    'strength',
    'body',
    'age-related',
    'calorie',
    'sedentary',
    'wellbeing',
    'well-being',
    'sport',
    'sports',
    'longevity',
  ],
} as const;

/**
 * A page is on topic when both hold over its first TOPIC_WINDOW characters of text:
 * - its score (3 per distinct specific guide term, 2 per distinct strong cue, 1 per
 *   distinct weak cue) is at least `minScore`: the page speaks of the body in several ways;
 * - its cue hits per 10,000 characters are at least `minDensity`: it does so throughout,
 *   not once in a 20,000-word article about a country or a whale stranding.
 */
export const TOPIC_THRESHOLD = { minScore: 6, minDensity: 5 } as const;

/** How much of a root's text the decision reads: enough for any article's body. */
export const TOPIC_WINDOW = 50_000;
