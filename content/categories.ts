/**
 * Glossary categories and their display labels (singular: they name an entry's category and a group). Kept apart from schema.ts so the app can
 * use them without bundling valibot.
 */
export const CATEGORIES = ['condition', 'biology', 'nutrition', 'exercise', 'safety'] as const;

/** A glossary category. */
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  condition: 'Condition',
  biology: 'Biology',
  nutrition: 'Nutrition',
  exercise: 'Exercise',
  safety: 'Safety',
};
