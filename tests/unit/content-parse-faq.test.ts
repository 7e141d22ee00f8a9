import { describe, expect, test } from 'vitest';
import { parseFaq } from '../../content/build/parse-faq';

const valid = `<!-- note -->

## Is it safe? {#faq-safe}

Yes, mostly.

## How much? {#faq-dose}

Ask a professional.

Second paragraph.
`;

describe('parseFaq', () => {
  test('reads questions, ids and answers', () => {
    const { faq, errors } = parseFaq(valid);
    expect(errors).toEqual([]);
    expect(faq?.map((entry) => [entry.id, entry.question, entry.answer.length])).toEqual([
      ['faq-safe', 'Is it safe?', 1],
      ['faq-dose', 'How much?', 2],
    ]);
  });

  test('rejects a duplicate FAQ id', () => {
    expect(parseFaq(valid.replace('{#faq-dose}', '{#faq-safe}')).errors).toEqual([
      'content/faq.md:7: duplicate FAQ id "faq-safe" (first used on line 3)',
    ]);
  });

  test('rejects a question without "?", an entry without answer, and a wrong heading level', () => {
    const errors = parseFaq(
      valid
        .replace('How much?', 'How much')
        .replace('Yes, mostly.\n', '')
        .replace('## Is', '### Is'),
    ).errors;
    expect(errors).toEqual([
      'content/faq.md:3: question "Is it safe?" must be a "##" heading',
      'content/faq.md:3: entry "faq-safe": field "answer": an answer needs at least one block',
      'content/faq.md:6: entry "faq-dose": field "question": a question must end with "?"',
    ]);
  });

  test('rejects text before the first question and a missing id', () => {
    const errors = parseFaq(`Intro.\n\n${valid.replace(' {#faq-safe}', '')}`).errors;
    expect(errors).toEqual([
      'content/faq.md:1: text before the first "##" question',
      'content/faq.md:5: heading "Is it safe?" needs an explicit id, e.g. "Is it safe? {#some-id}"',
      'content/faq.md:5: entry "": field "id": must be kebab-case (got "")',
    ]);
  });
});
