/**
 * The 30-second pitch: how many words a text has and how long it takes to say.
 *
 * Spoken French or English runs at about 150 words a minute, i.e. 2.5 words a second: a 30-second pitch
 * holds about 75 words. Words are runs of letters and digits; "d'ici", "co-construire" and "4,5" count as
 * one, like the clarity check counts them.
 */

export const WORDS_PER_SECOND = 2.5;
export const PITCH_TARGET_SECONDS = 30;
export const DEFAULT_WORD_BUDGET = WORDS_PER_SECOND * PITCH_TARGET_SECONDS;
export const MIN_WORD_BUDGET = 15;
export const MAX_WORD_BUDGET = 300;

const WORD_RE = /[\p{L}\p{N}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;

/** Number of words in `text` (0 for an empty or blank text). */
export function countWords(text: string): number {
  if (typeof text !== 'string' || text.trim() === '') return 0;
  let n = 0;
  WORD_RE.lastIndex = 0;
  while (WORD_RE.exec(text) !== null) n++;
  return n;
}

/** Estimated seconds to say `words` words aloud, rounded to the second. */
export const spokenSeconds = (words: number): number => Math.round(Math.max(0, words) / WORDS_PER_SECOND);

export type BudgetState = 'empty' | 'within' | 'near' | 'over';

/** Where a word count stands against its budget: "near" from 90 % of the budget, "over" beyond it. */
export function budgetState(words: number, budget: number): BudgetState {
  if (words <= 0) return 'empty';
  if (words > budget) return 'over';
  if (words >= budget * 0.9) return 'near';
  return 'within';
}
