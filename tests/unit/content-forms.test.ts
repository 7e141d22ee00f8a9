import { describe, expect, test } from 'vitest';
import { findForm, formKey, formRegExp, formsCollide } from '../../content/build/forms';

describe('formKey', () => {
  test('unifies hyphens, Unicode hyphens, soft hyphens and spaces; folds case unless case-sensitive', () => {
    expect(formKey('Fast-twitch', false)).toBe('fast twitch');
    expect(formKey('fast\u2011twitch', false)).toBe('fast twitch');
    expect(formKey('fast\u00ADtwitch', false)).toBe('fast twitch');
    expect(formKey('IGF-1', true)).toBe('IGF 1');
  });
});

describe('formsCollide', () => {
  const ci = (form: string) => ({ form, caseSensitive: false });
  const cs = (form: string) => ({ form, caseSensitive: true });
  test.each([
    [ci('muscle fibre'), ci('Muscle-fibre'), true],
    [ci('fibre'), ci('fibres'), true],
    [ci('flash'), ci('flashes'), true],
    [ci('fibre'), ci('fiber'), false],
    [cs('ROS'), ci('ros'), true],
    [cs('ROS'), cs('Ros'), false],
    [ci('vitamin D'), ci('vitamin D receptor'), false],
  ])('%o vs %o → %s', (a, b, expected) => {
    expect(formsCollide(a, b)).toBe(expected);
    expect(formsCollide(b, a)).toBe(expected);
  });
});

describe('formRegExp', () => {
  test('matches whole words only, Unicode-aware', () => {
    expect(formRegExp('ROS', true).test('reactive oxygen species (ROS) cause')).toBe(true);
    expect(formRegExp('ROS', true).test('Rosemary and ROSé')).toBe(false);
    expect(formRegExp('Akt', true).test('Akten')).toBe(false);
    expect(formRegExp('Akt', true).test('AKT')).toBe(false);
  });

  test('adds plurals, possessives and separator variants', () => {
    const fibre = formRegExp('fast-twitch muscle fiber', false);
    expect(fibre.test('fast twitch muscle fibers')).toBe(true);
    expect(fibre.test('Fast\u2010twitch muscle fiber’s')).toBe(true);
    expect(formRegExp('VDR', true).test("the VDR's role")).toBe(true);
    expect(formRegExp('1,25(OH)2D', false).test('serum 1,25(OH)2D levels')).toBe(true);
  });

  test('findForm returns the first form present', () => {
    expect(
      findForm(
        'High levels can lead to hypercalcemia.',
        ['hypercalcaemia', 'hypercalcemia'],
        false,
      ),
    ).toBe('hypercalcemia');
    expect(findForm('nothing here', ['hypercalcemia'], false)).toBeUndefined();
  });
});
