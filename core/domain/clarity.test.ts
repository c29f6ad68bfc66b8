import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JARGON,
  TASK_VERBS,
  checkClarity,
  type ClarityCode,
  type ClarityFinding,
  type ClarityKind,
  type ClarityLocale,
} from './clarity.ts';

/**
 * An expected finding. `at` is the written text of the first fault (default: the first word at fault);
 * its first occurrence in the example gives the expected start and end.
 */
interface Expected {
  code: ClarityCode;
  words?: string[];
  at?: string;
  params?: Record<string, string | number>;
}
type Row = [kind: ClarityKind, text: string, expected: Expected[]];

const TASK: Expected['code'] = 'task_verb';
const noNumber: Expected = { code: 'no_number' };
const noDate: Expected = { code: 'no_date' };
const task = (word: string): Expected => ({ code: TASK, words: [word] });
const unit = (...words: string[]): Expected => ({ code: 'no_unit', words });
const jargon = (...words: string[]): Expected => ({ code: 'jargon', words });
const long = (head: string, sentence: string, count: number): Expected => ({
  code: 'long_sentence',
  words: [head],
  at: sentence,
  params: { count },
});

function finding(text: string, e: Expected): ClarityFinding {
  if (e.code === 'no_number' || e.code === 'no_date') return { code: e.code, words: [] };
  const at = e.at ?? e.words![0]!;
  const start = text.indexOf(at);
  if (start < 0) throw new Error(`"${at}" is not in "${text}"`);
  const f: ClarityFinding = { code: e.code, words: e.words!, start, end: start + at.length };
  if (e.params) f.params = e.params;
  return f;
}

const LONG_FR =
  'Nous voulons une expérience client holistique et disruptive, fondée sur la synergie de nos équipes et une vraie proactivité, afin que chaque client trouve en moins de deux minutes la bonne réponse à sa question sans devoir rappeler plusieurs fois';
const LONG_EN =
  'Our team wants to deliver a truly seamless experience for every customer so that each person who calls us finds the right answer in under two minutes without having to call back several times';

const FRENCH: Row[] = [
  // objectives
  ['objective', 'Clients livrés sous 48 h d’ici fin mars', []],
  ['objective', 'Organiser un séminaire d’équipe', [task('Organiser'), noNumber]],
  [
    'objective',
    'Mettre en place un nouveau CRM d’ici la fin de l’année',
    [task('Mettre en place'), noNumber],
  ],
  ['objective', '90 % des devis envoyés sous 24 h avant fin juin', []],
  ['objective', 'Réduire le délai de réponse client d’ici l’été', [noNumber]],
  ['objective', 'Fidéliser nos clients avant l’échéance', [noNumber, noDate]],
  ['objective', 'Doubler les ventes en ligne d’ici décembre', []],
  ['objective', 'Lancer la V2 avant T3', [task('Lancer'), noNumber]],
  ['objective', 'Zéro réclamation client au 2e trimestre', []],
  [
    'objective',
    'Des clients servis plus vite grâce à une organisation holistique',
    [jargon('holistique'), noNumber],
  ],
  ['objective', 'Préparez le budget au plus vite', [task('Préparez'), noNumber, noDate]],
  ['objective', 'Mettre en avant nos 3 offres', []],
  ['objective', 'En fin de compte, 5 nouveaux clients signés', []],
  ['objective', 'Réduire de moitié les retards avant la fin du trimestre', []],
  ['objective', 'Améliorer la qualité de service bientôt', [noNumber, noDate]],
  ['objective', 'Un client ravi', [noNumber]],
  ['objective', 'Co‑construire l’offre avec 10 clients pilotes', [jargon('Co‑construire')]],
  ['objective', 'GÉRER les 3 comptes clés en direct d’ici le 15/09', [task('GÉRER')]],
  // key results
  ['key_result', 'Atteindre un NPS de 40', []],
  ['key_result', 'Taux de conversion à 12', [unit('12')]],
  ['key_result', 'Passer de 30 à 45', [unit('30', '45')]],
  ['key_result', '95 % des commandes livrées en 48h', []],
  ['key_result', 'Satisfaction client au top d’ici le 31 mars', [noNumber]],
  ['key_result', 'Atteindre 1 000 abonnés', []],
  ['key_result', 'Atteindre 1 000', [unit('1 000')]],
  ['key_result', 'Chiffre d’affaires ×2', []],
  ['key_result', 'Note de satisfaction 4,5/5', []],
  ['key_result', 'Rédiger 3 articles de blog', [task('Rédiger')]],
  ['key_result', 'Délai moyen de traitement ramené à 3', [unit('3')]],
  ['key_result', 'Deux nouveaux partenaires signés', []],
  ['key_result', 'Marge brute à 32 points', []],
  ['key_result', 'Coût d’acquisition sous 150 €', []],
  ['key_result', 'Stock ramené à 20 avant le 1er juin', [unit('20')]],
  // delegation briefs
  ['delegation_what', 'Rédiger le compte rendu avant vendredi', [task('Rédiger')]],
  ['delegation_what', 'Préparez la démo pour le client avant la réunion', [task('Préparez'), noDate]],
  ['delegation_what', 'Le compte rendu validé par le client, envoyé avant le 12/04', []],
  ['delegation_what', 'La proposition relue par un juriste, au plus tard lundi', []],
  ['delegation_what', 'Mettre à jour le CRM avant la réunion', [task('Mettre à jour'), noDate]],
  ['delegation_what', 'Les relances clients faites dès que possible', [noDate]],
  ['delegation_what', 'Le tableau de bord des ventes disponible chaque semaine', []],
  // pitches and benefits
  ['pitch', 'Nous aidons vos commerciaux à signer plus vite.', []],
  [
    'pitch',
    'Notre solution disruptive crée des synergies et un levier de croissance.',
    [jargon('disruptive', 'synergies', 'levier')],
  ],
  [
    'pitch',
    `${LONG_FR}.`,
    [
      long('Nous voulons une expérience client holistique…', LONG_FR, 40),
      jargon('holistique', 'disruptive', 'synergie', 'proactivité'),
    ],
  ],
  ['benefit', 'Vos clients reçoivent leur devis en 24 h, sans relance.', []],
  ['benefit', 'Une approche Holistique et SCALABLE, holistique partout', [jargon('Holistique', 'SCALABLE')]],
  ['benefit', 'Organiser vos tournées sans effort', []],
  ['pitch', 'Best practices et quick wins pour votre équipe', [jargon('Best practices', 'quick wins')]],
];

const ENGLISH: Row[] = [
  // objectives
  ['objective', 'Customers served within 48 h by the end of March', []],
  ['objective', 'Organize a team offsite', [task('Organize'), noNumber]],
  ['objective', 'Set up the new CRM by the end of Q2', [task('Set up'), noNumber]],
  ['objective', 'Reduce churn by 10% in May', []],
  ['objective', 'We may ship before launch', [noNumber, noDate]],
  ['objective', 'Double online sales before December', []],
  ['objective', 'Zero customer complaints in Q3', []],
  ['objective', 'To launch the offer before the summit', [task('launch'), noNumber, noDate]],
  ['objective', 'Happier customers through a holistic approach', [jargon('holistic'), noNumber]],
  ['objective', 'Ship it faster than before', [noNumber]],
  ['objective', 'Cut onboarding time in half as soon as possible', [noDate]],
  ['objective', '90% of quotes sent within 24 hours, before June 30', []],
  ['objective', 'Grow repeat orders by 20 percent by the end of the year', []],
  ['objective', 'Ten new enterprise customers signed before Christmas', []],
  ['objective', 'Improve retention soon', [noNumber, noDate]],
  ['objective', '  - implement SSO for 3 pilot customers by next week', [task('implement')]],
  ['objective', 'MANAGING the partner programme', [task('MANAGING'), noNumber]],
  // key results
  ['key_result', 'Hit an NPS of 45 by March 31, 2025', []],
  ['key_result', 'Increase revenue to 40', [unit('40')]],
  ['key_result', 'Go from 30 to 45', [unit('30', '45')]],
  ['key_result', 'Cut response time to 4 h', []],
  ['key_result', 'Write 3 blog posts', [task('Write')]],
  ['key_result', 'Conversion rate at 12', [unit('12')]],
  ['key_result', 'Customer satisfaction top notch by March 31', [noNumber]],
  ['key_result', 'Reach 1,000 subscribers', []],
  ['key_result', 'Revenue x2', []],
  ['key_result', 'Customer rating 4.5/5', []],
  ['key_result', '$150 cost per acquisition', []],
  ['key_result', 'Two new partners signed', []],
  ['key_result', 'A happy customer', [noNumber]],
  ['key_result', 'Increase NPS from 30 to 45', []],
  ['key_result', 'Gross margin at 32 points', []],
  // delegation briefs
  ['delegation_what', 'Write the minutes before Friday', [task('Write')]],
  ['delegation_what', 'Prepare the demo before the meeting', [task('Prepare'), noDate]],
  ['delegation_what', 'Minutes approved by the client, sent before 04/12/2025', []],
  ['delegation_what', 'Contract reviewed by legal, no later than Monday', []],
  ['delegation_what', 'Customer follow-ups done asap', [noDate]],
  ['delegation_what', 'Sales dashboard available every week', []],
  ['delegation_what', 'Running the weekly sync', [task('Running')]],
  ['delegation_what', 'Updated price list due by end of sprint', []],
  // pitches and benefits
  ['pitch', 'We help your sales team close faster.', []],
  [
    'pitch',
    'Our cutting-edge platform leverages synergies to move the needle.',
    [jargon('cutting-edge', 'leverages', 'synergies', 'move the needle')],
  ],
  ['pitch', `${LONG_EN}!`, [long('Our team wants to deliver a…', LONG_EN, 34), jargon('seamless')]],
  ['benefit', 'Your customers get a quote within 24 hours, no chasing.', []],
  ['benefit', 'A HOLISTIC, seamless experience', [jargon('HOLISTIC', 'seamless')]],
  ['benefit', 'Organize your routes effortlessly', []],
  ['pitch', 'Best practices and quick wins for your team', [jargon('Best practices', 'quick wins')]],
];

const table = (locale: ClarityLocale, rows: Row[]) =>
  rows.map(([kind, text, expected]) => ({ locale, kind, text, expected }));

describe('checkClarity examples', () => {
  it('has at least 40 examples in each language, good and bad', () => {
    for (const rows of [FRENCH, ENGLISH]) {
      expect(rows.length).toBeGreaterThanOrEqual(40);
      expect(rows.filter(([, , e]) => e.length === 0).length).toBeGreaterThanOrEqual(10);
      expect(rows.filter(([, , e]) => e.length > 0).length).toBeGreaterThanOrEqual(20);
    }
  });

  it.each([...table('fr', FRENCH), ...table('en', ENGLISH)])(
    '$locale $kind: $text',
    ({ locale, kind, text, expected }) => {
      expect(checkClarity(text, { locale, kind })).toEqual(expected.map((e) => finding(text, e)));
    },
  );
});

describe('checkClarity rules', () => {
  const wordsOf = (n: number, word = 'mot') => Array.from({ length: n }, () => word).join(' ');

  it('flags sentences over 25 words, one finding each, split on . ! ? ; and line breaks', () => {
    expect(checkClarity(`${wordsOf(25)}.`, { locale: 'fr', kind: 'pitch' })).toEqual([]);
    const second = `Court. ${wordsOf(26)}; ${wordsOf(12)}\n${wordsOf(30, 'word')}? Fin.`;
    const firstStart = second.indexOf('mot');
    const secondStart = second.indexOf('word');
    expect(checkClarity(second, { locale: 'en', kind: 'benefit' })).toEqual([
      {
        code: 'long_sentence',
        words: ['mot mot mot mot mot mot…'],
        start: firstStart,
        end: firstStart + wordsOf(26).length,
        params: { count: 26 },
      },
      {
        code: 'long_sentence',
        words: ['word word word word word word…'],
        start: secondStart,
        end: secondStart + wordsOf(30, 'word').length,
        params: { count: 30 },
      },
    ]);
  });

  it('does not split on decimal points, and counts elided and hyphenated words once', () => {
    const text = `${wordsOf(20)} 4.5 d’ici co-construire l’offre aujourd’hui`; // 25 words
    expect(checkClarity(text, { locale: 'fr', kind: 'pitch', jargon: [] })).toEqual([]);
    expect(checkClarity(`${text} encore`, { locale: 'fr', kind: 'pitch', jargon: [] })).toEqual([
      {
        code: 'long_sentence',
        words: ['mot mot mot mot mot mot…'],
        start: 0,
        end: text.length + ' encore'.length,
        params: { count: 26 },
      },
    ]);
  });

  it('lets the kind decide which rules run', () => {
    const noNumberText = 'Organiser une démarche holistique avant l’échéance';
    const withNumberText = 'Organiser la démarche holistique à 12 avant l’échéance';
    const codes = (text: string, kind: ClarityKind) =>
      checkClarity(text, { locale: 'fr', kind })
        .map((f) => f.code)
        .sort();
    expect(codes(noNumberText, 'objective')).toEqual(['jargon', 'no_date', 'no_number', 'task_verb']);
    expect(codes(noNumberText, 'key_result')).toEqual(['jargon', 'no_number', 'task_verb']);
    expect(codes(noNumberText, 'delegation_what')).toEqual(['jargon', 'no_date', 'task_verb']);
    expect(codes(noNumberText, 'pitch')).toEqual(['jargon']);
    expect(codes(noNumberText, 'benefit')).toEqual(['jargon']);
    expect(codes(withNumberText, 'objective')).toEqual(['jargon', 'no_date', 'task_verb']);
    expect(codes(withNumberText, 'key_result')).toEqual(['jargon', 'no_unit', 'task_verb']);
    expect(codes(withNumberText, 'delegation_what')).toEqual(['jargon', 'no_date', 'task_verb']);
    expect(codes(withNumberText, 'pitch')).toEqual(['jargon']);
    const long = `${wordsOf(30)}.`;
    for (const kind of ['objective', 'key_result', 'delegation_what', 'pitch', 'benefit'] as const) {
      expect(codes(long, kind), kind).toContain('long_sentence');
    }
  });

  it('uses the organisation’s jargon list instead of the default one', () => {
    const text = 'Une synergie rapide : un POC avec deux quick-wins';
    expect(checkClarity(text, { locale: 'fr', kind: 'pitch' })).toEqual([
      { code: 'jargon', words: ['synergie', 'quick-wins'], start: 4, end: 12 }, // 'Une synergie…'
    ]);
    expect(checkClarity(text, { locale: 'fr', kind: 'pitch', jargon: ['POC', 'Quick Win'] })).toEqual([
      {
        code: 'jargon',
        words: ['POC', 'quick-wins'],
        start: text.indexOf('POC'),
        end: text.indexOf('POC') + 3,
      },
    ]);
    // A copy of the same list (a new array each render) gives the same answer.
    expect(checkClarity(text, { locale: 'fr', kind: 'pitch', jargon: ['POC', 'Quick Win'] })).toHaveLength(1);
    expect(checkClarity(text, { locale: 'fr', kind: 'pitch', jargon: [] })).toEqual([]);
    expect(checkClarity(text, { locale: 'fr', kind: 'pitch', jargon: ['', '  ', '(?'] })).toEqual([]);
  });

  it('keeps its word lists at the promised size', () => {
    for (const locale of ['fr', 'en'] as const) {
      expect(DEFAULT_JARGON[locale].length, locale).toBeGreaterThanOrEqual(30);
      expect(TASK_VERBS[locale].length, locale).toBeGreaterThanOrEqual(25);
    }
  });

  it('flags every listed task verb at the start, in any case', () => {
    for (const locale of ['fr', 'en'] as const) {
      for (const verb of TASK_VERBS[locale]) {
        const written = verb.toUpperCase();
        const found = checkClarity(`${written} quelque chose`, { locale, kind: 'delegation_what' });
        expect(found[0], verb).toEqual({
          code: 'task_verb',
          words: [written],
          start: 0,
          end: written.length,
        });
      }
    }
  });

  it('never throws and returns nothing for empty text', () => {
    const odd = ['', '   ', '\n\n', '😀', '\uD83D', '...', '%%%', '€', '1/0', '—'];
    for (const text of odd) {
      for (const kind of ['objective', 'key_result', 'delegation_what', 'pitch', 'benefit'] as const) {
        expect(() => checkClarity(text, { locale: 'fr', kind })).not.toThrow();
      }
    }
    expect(checkClarity('', { locale: 'en', kind: 'objective' })).toEqual([]);
    expect(checkClarity('  \n ', { locale: 'fr', kind: 'key_result' })).toEqual([]);
    expect(checkClarity(null as unknown as string, { locale: 'fr', kind: 'objective' })).toEqual([]);
    expect(() =>
      checkClarity('Organiser', { locale: 'de' as ClarityLocale, kind: 'x' as ClarityKind }),
    ).not.toThrow();
  });

  it('checks a 300-character text 1,000 times (time measured, not asserted)', () => {
    const text =
      'Organiser d’ici fin mars une démarche holistique pour que 95 % des clients soient livrés sous 48 h, avec des synergies entre équipes et un levier de croissance clair. Nous voulons aussi que chaque commercial réponde en moins de deux minutes à toute question de prix sans devoir rappeler le client plus tard.'.slice(
        0,
        300,
      );
    expect(text).toHaveLength(300);
    const first = checkClarity(text, { locale: 'fr', kind: 'objective' });
    const startedAt = performance.now();
    let last: ClarityFinding[] = [];
    for (let i = 0; i < 1000; i++) last = checkClarity(text, { locale: 'fr', kind: 'objective' });
    const perCall = (performance.now() - startedAt) / 1000;
    expect(Number.isFinite(perCall)).toBe(true);
    expect(last).toEqual(first);
    expect(first.map((f) => f.code)).toEqual(['task_verb', 'long_sentence', 'jargon']);
  });
});
