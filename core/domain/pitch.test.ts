import { describe, expect, it } from 'vitest';
import { DEFAULT_WORD_BUDGET, budgetState, countWords, spokenSeconds } from './pitch.ts';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n ', 0],
    ['Bonjour', 1],
    ["Livrés d'ici vendredi", 3],
    ['Un outil co-construit avec vous', 5],
    ['Remise de 4,5 % sur 12 000 € ', 6],
    ['Your invoices, paid in 48 h.', 6],
    ['l’équipe répond', 2],
  ])('%j has %d words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });

  it('counts the same text twice in a row (no state kept between calls)', () => {
    expect(countWords('un deux trois')).toBe(3);
    expect(countWords('un deux trois')).toBe(3);
  });
});

describe('spokenSeconds and the budget', () => {
  it('says 75 words in 30 seconds', () => {
    expect(DEFAULT_WORD_BUDGET).toBe(75);
    expect(spokenSeconds(75)).toBe(30);
    expect(spokenSeconds(0)).toBe(0);
    expect(spokenSeconds(10)).toBe(4);
  });

  it.each([
    [0, 'empty'],
    [40, 'within'],
    [68, 'near'],
    [75, 'near'],
    [76, 'over'],
  ] as const)('%d words of 75 is %s', (words, state) => {
    expect(budgetState(words, 75)).toBe(state);
  });
});
