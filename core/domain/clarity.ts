/**
 * Clarté — the clarity check on objectives, key results, delegation briefs, pitches and benefits.
 *
 * An expert writes for experts: tasks instead of results, no number, no date, jargon, long sentences.
 * This check points at those habits while the text is typed; it advises and never blocks.
 *
 * How it reads a text (French or English):
 * - Matching ignores case and accents: the text is folded character by character (lower case, accent
 *   stripped, typographic apostrophes, non-breaking spaces and hyphens made plain) so that every position
 *   in the folded text is the same position in the text as written — the words reported are sliced from
 *   the original.
 * - Rules by kind:
 *     task_verb      objective, key_result, delegation_what
 *     no_number      objective, key_result
 *     no_unit        key_result
 *     no_date        objective, delegation_what
 *     jargon         every kind
 *     long_sentence  every kind
 * - task_verb: the first word(s) (after bullets, digits or punctuation; in English after an optional "to")
 *   are a task verb of TASK_VERBS: infinitive, or imperative (French -er verbs: -ez / -e / -ons; a few
 *   irregular verbs listed below; English: base form or -ing form). Multiword verbs match as a whole.
 * - Numbers: a run of digits not glued to a preceding letter ("Q1", "B2B", "V2" are not numbers; "x2" is),
 *   with decimals (1,5 / 1.5) and thousands groups (12 000). Digits that belong to a date (31/03/2025,
 *   31 mars, March 31, 2025 after "en / in / d'ici / by / fin…", T1 / Q3 / S2 / H1, 1er trimestre,
 *   "avant 18 h", 17:00, 5 pm) are not measurable numbers.
 * - no_number: no measurable number and no number word. Number words: French deux … soixante, cent, mille,
 *   million, dizaine, moitié, double… but not "un / une", which are far more often articles than
 *   numbers; English zero … ninety, hundred, thousand, dozen, half, double, twice…
 * - no_unit: the key result has numbers, and none of them carries a unit: a unit is a sign right after
 *   (%, ‰, €, $, £, "/5") or right before (€, $, £, ×, x), or a word right after that is not a small
 *   linking word (à, et, de, to, and, by…): "48 h", "12 clients", "4 sur 5". A unit word anywhere (NPS,
 *   CSAT, euros, percent…) also counts. The finding lists the bare numbers.
 * - no_date: the text uses a word that calls for a date — French "d'ici", "avant" (not "avant tout",
 *   "en avant", "qu'avant"), "fin de/du/des" (not "en fin de compte"), "échéance", "deadline",
 *   "date limite", "au plus tard", "dès que possible", "au plus vite", "bientôt", "prochainement", "asap";
 *   English "before" (not "than before"), "deadline", "due date", "due by", "end of", "by the end",
 *   "by end", "no later than", "asap", "as soon as possible", "soon" — and nothing gives a date: no date
 *   as above, month, weekday, and no period word (semaine, mois, trimestre, semestre, an, année, jour,
 *   quinzaine, aujourd'hui, demain, soir, sprint, seasons, Noël, rentrée; week, month, quarter, year, day,
 *   fortnight, today, tomorrow, tonight, sprint, seasons, Christmas, EOD…). "may" is a month only as "May".
 * - jargon: every whole-word occurrence of an entry of the list (the organisation's list when given,
 *   else DEFAULT_JARGON of the language); multiword entries match across spaces or hyphens, and the last
 *   word takes the usual endings (synergie → synergies, leverage → leveraging, synergy → synergies).
 *   One finding names each distinct word once, as first written.
 * - long_sentence: sentences are split on . (followed by a space or the end), !, ?, ;, … and line breaks;
 *   words are runs of letters and digits ("d'ici", "co-construire" and "4,5" count as one). Over 25 words: one
 *   finding each, with its first six words followed by "…" and params { count }.
 * - Order: findings with a position by position (ties in the order of the codes above), then no_number,
 *   then no_date, which have none.
 *
 * Everything is compiled once at module load (the organisation's jargon list once per list): a 300-character
 * text is checked well under a millisecond.
 */

export type ClarityLocale = 'fr' | 'en';
export type ClarityKind = 'objective' | 'key_result' | 'delegation_what' | 'pitch' | 'benefit';
export type ClarityCode = 'task_verb' | 'no_number' | 'no_unit' | 'no_date' | 'jargon' | 'long_sentence';

export interface ClarityFinding {
  code: ClarityCode;
  /** The words at fault as written (for long_sentence: its first six words and "…"). Empty for no_number / no_date. */
  words: string[];
  /** Character range in the text of the first fault (for highlighting), when there is one. */
  start?: number;
  end?: number;
  /** Data for the translated suggestion: { count } for long_sentence. */
  params?: Record<string, string | number>;
}

export interface ClarityOptions {
  locale: ClarityLocale;
  kind: ClarityKind;
  /** The organisation's list: replaces DEFAULT_JARGON of the language when given. */
  jargon?: readonly string[];
}

export const CLARITY_CODES: readonly ClarityCode[] = [
  'task_verb',
  'no_number',
  'no_unit',
  'no_date',
  'jargon',
  'long_sentence',
];

/** Sentences longer than this many words are flagged. */
export const MAX_SENTENCE_WORDS = 25;

const RULES_BY_KIND: Record<ClarityKind, ReadonlySet<ClarityCode>> = {
  objective: new Set(['task_verb', 'no_number', 'no_date', 'jargon', 'long_sentence']),
  key_result: new Set(['task_verb', 'no_number', 'no_unit', 'jargon', 'long_sentence']),
  delegation_what: new Set(['task_verb', 'no_date', 'jargon', 'long_sentence']),
  pitch: new Set(['jargon', 'long_sentence']),
  benefit: new Set(['jargon', 'long_sentence']),
};

export const DEFAULT_JARGON: Record<ClarityLocale, readonly string[]> = {
  fr: [
    'synergie',
    'levier',
    'holistique',
    'disruptif',
    'disruptive',
    'disruption',
    'scalable',
    'scalabilité',
    'best practice',
    'écosystème',
    'paradigme',
    'agilité',
    'transversalité',
    'proactif',
    'proactive',
    'proactivité',
    'impactant',
    'impactante',
    'mindset',
    'empowerment',
    'quick win',
    'deep dive',
    'game changer',
    'roadmap',
    'benchmark',
    'challenger',
    'driver',
    'core business',
    'cœur de métier',
    'valeur ajoutée',
    'time to market',
    'go-to-market',
    'business model',
    'use case',
    'pain point',
    'customer centric',
    'data-driven',
    'omnicanal',
    'omnicanalité',
    'phygital',
    'growth hacking',
    'intelligence collective',
    'co-construire',
    'co-construction',
    'ubériser',
    'gagnant-gagnant',
    'win-win',
    'bottom-up',
    'top-down',
    'out of the box',
    'alignement stratégique',
    'capitaliser sur',
    'transformation digitale',
  ],
  en: [
    'synergy',
    'synergize',
    'synergise',
    'leverage',
    'holistic',
    'paradigm',
    'paradigm shift',
    'disruptive',
    'disrupt',
    'scalable',
    'best practice',
    'best-in-class',
    'world-class',
    'cutting-edge',
    'bleeding-edge',
    'game changer',
    'game-changing',
    'move the needle',
    'low-hanging fruit',
    'circle back',
    'deep dive',
    'bandwidth',
    'touch base',
    'take it offline',
    'going forward',
    'value-add',
    'value-added',
    'mission-critical',
    'empower',
    'empowerment',
    'ideate',
    'ideation',
    'actionable',
    'core competency',
    'thought leadership',
    'win-win',
    'boil the ocean',
    'blue-sky thinking',
    'next-generation',
    'seamless',
    'ecosystem',
    'omnichannel',
    'customer-centric',
    'data-driven',
    'growth hacking',
    'north star',
    'quick win',
    'pivot',
    'agility',
    'mindset',
    'drill down',
    'wheelhouse',
  ],
};

export const TASK_VERBS: Record<ClarityLocale, readonly string[]> = {
  fr: [
    'organiser',
    'mettre en place',
    'mettre en œuvre',
    'mettre à jour',
    'faire',
    'refaire',
    'préparer',
    'lancer',
    'réaliser',
    'rédiger',
    'créer',
    'développer',
    'gérer',
    'assurer',
    'effectuer',
    'mener',
    'piloter',
    'planifier',
    'programmer',
    'animer',
    'coordonner',
    'déployer',
    'installer',
    'implémenter',
    'construire',
    'concevoir',
    'produire',
    'écrire',
    'envoyer',
    'finaliser',
    'traiter',
    'suivre',
    'établir',
    'définir',
    'tenir',
    'revoir',
    'contacter',
    'appeler',
    'former',
    'travailler sur',
    'participer à',
    "s'occuper de",
    'prendre en charge',
  ],
  en: [
    'organise',
    'organize',
    'set up',
    'do',
    'prepare',
    'launch',
    'create',
    'write',
    'implement',
    'manage',
    'run',
    'build',
    'develop',
    'plan',
    'coordinate',
    'deploy',
    'install',
    'conduct',
    'carry out',
    'perform',
    'handle',
    'hold',
    'draft',
    'produce',
    'send',
    'work on',
    'complete',
    'finalise',
    'finalize',
    'update',
    'design',
    'roll out',
    'follow up',
    'facilitate',
    'ensure',
    'schedule',
    'arrange',
    'host',
    'review',
    'contact',
    'call',
    'start',
    'put in place',
    'take care of',
    'look into',
  ],
};

// ---------------------------------------------------------------------------------------------------------
// Folding: one character in, one character out, so positions survive.

const FOLD_SPECIAL: Readonly<Record<string, string>> = {
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2007': ' ',
  '\u2010': '-',
  '\u2011': '-',
};
const foldCache = new Map<string, string>();

function foldChar(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let folded = FOLD_SPECIAL[ch];
  if (folded === undefined) {
    folded = ch.toLowerCase().normalize('NFD').charAt(0) || ch;
    if (folded.length !== 1) folded = ch;
  }
  foldCache.set(ch, folded);
  return folded;
}

function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text.charAt(i);
    else out += foldChar(text.charAt(i));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Building the patterns (module load only).

const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';
const D = '\\p{Nd}';
const YEAR = `(?:19|20)${D}{2}`;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Longest first, so that "mettre en place" wins over "mettre". */
const byLength = (a: string, b: string) => b.length - a.length;
/** A folded phrase as a pattern: any run of spaces (or hyphens when `hyphens`) between its words. */
const phrase = (folded: string, hyphens = false) =>
  folded
    .trim()
    .split(hyphens ? /[\s-]+/ : /\s+/)
    .map(escapeRe)
    .join(hyphens ? '[\\s-]+' : '\\s+');
/** Both spellings of words with œ. */
const withOe = (folded: string) => (folded.includes('œ') ? [folded, folded.replaceAll('œ', 'oe')] : [folded]);
const alternation = (forms: Iterable<string>, hyphens = false) =>
  [...new Set(forms)]
    .sort(byLength)
    .map((f) => phrase(f, hyphens))
    .join('|');
const words = (list: string) => list.split(/\s*,\s*/);

/** French imperatives of the irregular first words (folded). */
const FR_IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  faire: ['faites', 'fais', 'faisons'],
  refaire: ['refaites', 'refais', 'refaisons'],
  mettre: ['mettez', 'mets', 'mettons'],
  construire: ['construisez', 'construis', 'construisons'],
  produire: ['produisez', 'produis', 'produisons'],
  concevoir: ['concevez', 'concois', 'concevons'],
  ecrire: ['ecrivez', 'ecris', 'ecrivons'],
  suivre: ['suivez', 'suivons'],
  etablir: ['etablissez', 'etablis', 'etablissons'],
  definir: ['definissez', 'definis', 'definissons'],
  tenir: ['tenez', 'tiens', 'tenons'],
  revoir: ['revoyez', 'revois', 'revoyons'],
  prendre: ['prenez', 'prends', 'prenons'],
  appeler: ['appelez', 'appelle', 'appelons'],
  "s'occuper": ['occupez-vous', 'occupe-toi', 'occupons-nous'],
};

function frVerbForms(verb: string): string[] {
  const [first = '', ...rest] = fold(verb).split(/\s+/);
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  const firsts = [first];
  const irregular = FR_IRREGULAR[first];
  if (irregular) firsts.push(...irregular);
  else if (first.endsWith('er')) {
    const stem = first.slice(0, -2);
    firsts.push(`${stem}ez`, `${stem}e`, `${stem}ons`);
    if (stem.endsWith('g')) firsts.push(`${stem}eons`);
  }
  return firsts.flatMap((f) => withOe(f + tail));
}

function enVerbForms(verb: string): string[] {
  const [first = '', ...rest] = fold(verb).split(/\s+/);
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  const firsts = [first];
  if (first.endsWith('e') && !first.endsWith('ee')) firsts.push(`${first.slice(0, -1)}ing`);
  else firsts.push(`${first}ing`);
  // run → running, plan → planning, set → setting
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(first)) firsts.push(`${first}${first.at(-1)}ing`);
  return firsts.map((f) => f + tail);
}

/** A jargon entry as a pattern: folded, multiword across spaces or hyphens, usual endings on the last word. */
function jargonPattern(entry: string): string | null {
  const parts = fold(entry)
    .trim()
    .split(/[\s-]+/)
    .filter((p) => p !== '');
  const last = parts.pop();
  if (last === undefined) return null;
  let lastPattern: string;
  if (/[^aeiou]y$/.test(last)) lastPattern = `${escapeRe(last.slice(0, -1))}(?:y|ies|ied|ying)`;
  else if (last.endsWith('e') && last.length > 2)
    lastPattern = `${escapeRe(last.slice(0, -1))}(?:e[sd]?|ing)`;
  else lastPattern = `${escapeRe(last)}(?:s|es|x|ed|ing)?`;
  return [...parts.map(escapeRe), lastPattern].join('[\\s-]+');
}

function compileJargon(list: readonly string[]): RegExp | null {
  const patterns = [...new Set(list.filter((e) => typeof e === 'string').flatMap((e) => withOe(fold(e))))]
    .sort(byLength)
    .map(jargonPattern)
    .filter((p): p is string => p !== null);
  if (patterns.length === 0) return null;
  return new RegExp(`${NOT_AFTER_WORD}(?:${patterns.join('|')})${NOT_BEFORE_WORD}`, 'gu');
}

interface LocaleRules {
  task: RegExp;
  numberWord: RegExp;
  dateSpan: RegExp;
  dateWord: RegExp;
  trigger: RegExp;
  unitWord: RegExp;
  linkingWords: ReadonlySet<string>;
  jargon: RegExp | null;
}

// Words before a short "31/03" date, a year, or a time of day (folded).
const DATE_PREP = "le|du|au|avant|ici|jusqu'au|on|by|before|until|due";
const YEAR_PREP =
  "en|in|fin|end\\s+of|ici|by|avant|before|depuis|since|pour|for|annee|year|jusqu'en|until|printemps|automne|hiver|rentree|noel|summer|spring|autumn|winter|christmas";
const TIME_PREP = "avant|ici|vers|jusqu'a|before|by|at|around|until";

const COMMON_DATES = [
  `${NOT_AFTER_WORD}${D}{4}-${D}{1,2}(?:-${D}{1,2})?${NOT_BEFORE_WORD}`,
  `${NOT_AFTER_WORD}${D}{1,2}[/.-]${D}{1,2}[/.-](?:${D}{4}|${D}{2})${NOT_BEFORE_WORD}`,
  `(?=${D})(?<=(?:^|[^\\p{L}])(?:${DATE_PREP})\\s+)${D}{1,2}/${D}{1,2}${NOT_BEFORE_WORD}`,
  `${NOT_AFTER_WORD}(?:[tq][1-4]|h[12]|[sw]${D}{1,2}|fy${D}{2}(?:${D}{2})?)(?:[\\s-]+${YEAR})?${NOT_BEFORE_WORD}`,
  `${NOT_AFTER_WORD}${D}{1,2}(?:er|ere|e|eme|st|nd|rd|th)\\s+(?:trimestre|semestre|semaine|quarter|half|week)${NOT_BEFORE_WORD}`,
  `(?=${D})(?<=(?:^|[^\\p{L}])(?:${YEAR_PREP})\\s+)${YEAR}${NOT_BEFORE_WORD}`,
  `(?=${D})(?<=(?:^|[^\\p{L}])(?:${TIME_PREP})\\s+)${D}{1,2}\\s?h(?:\\s?${D}{2})?${NOT_BEFORE_WORD}`,
  `${NOT_AFTER_WORD}${D}{1,2}(?::${D}{2})?\\s?(?:am|pm)${NOT_BEFORE_WORD}`,
  `${NOT_AFTER_WORD}${D}{1,2}:${D}{2}${NOT_BEFORE_WORD}`,
];

const FR_MONTHS = words(
  'janvier, fevrier, mars, avril, mai, juin, juillet, aout, septembre, octobre, novembre, decembre, janv, fevr, avr, juil, oct, nov, dec',
);
const EN_MONTHS = words(
  'january, february, march, april, june, july, august, september, october, november, december, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec',
);

function dateSpanRe(locale: ClarityLocale): RegExp {
  const month =
    locale === 'fr'
      ? `${NOT_AFTER_WORD}(?:(?:${D}{1,2}|1er|premier)\\s+)?(?:${alternation(FR_MONTHS)})${NOT_BEFORE_WORD}\\.?(?:\\s+${YEAR}${NOT_BEFORE_WORD})?`
      : `${NOT_AFTER_WORD}(?:${D}{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?(?:(?<may>may)|${alternation(EN_MONTHS)})${NOT_BEFORE_WORD}\\.?(?:\\s+${D}{1,2}(?:st|nd|rd|th)?${NOT_BEFORE_WORD})?(?:,?\\s+${YEAR}${NOT_BEFORE_WORD})?`;
  return new RegExp([...COMMON_DATES, month].join('|'), 'dgu');
}

const wordsRe = (forms: readonly string[], suffix = '') =>
  new RegExp(`${NOT_AFTER_WORD}(?:${alternation(forms)})${suffix}${NOT_BEFORE_WORD}`, 'u');

function buildRules(locale: ClarityLocale): LocaleRules {
  const fr = locale === 'fr';
  const verbForms = TASK_VERBS[locale].flatMap(fr ? frVerbForms : enVerbForms);
  return {
    task: new RegExp(
      `^[^\\p{L}]*${fr ? '' : '(?:to\\s+)?'}(${alternation(verbForms)})${NOT_BEFORE_WORD}`,
      'u',
    ),
    numberWord: wordsRe(
      words(
        fr
          ? 'zero, deux, trois, quatre, cinq, six, sept, huit, neuf, dix, onze, douze, treize, quatorze, quinze, seize, vingt, trente, quarante, cinquante, soixante, cent, mille, million, milliard, dizaine, douzaine, quinzaine, vingtaine, trentaine, centaine, moitie, quart, double, doubler, triple, tripler'
          : 'zero, one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, fifteen, twenty, thirty, forty, fifty, sixty, seventy, eighty, ninety, hundred, thousand, million, billion, dozen, half, halve, double, triple, twice',
      ),
      's?',
    ),
    dateSpan: dateSpanRe(locale),
    dateWord: fr
      ? new RegExp(
          `${NOT_AFTER_WORD}(?:(?=jour)(?<!(?<![\\p{L}])a\\s+)jour|${alternation(words("lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, semaine, mois, trimestre, semestre, an, annee, journee, quinzaine, l'ete, cet ete, aujourd'hui, demain, soir, sprint, printemps, automne, hiver, noel, rentree"))})s?${NOT_BEFORE_WORD}`,
          'u',
        )
      : wordsRe(
          words(
            'monday, tuesday, wednesday, thursday, friday, saturday, sunday, week, weekend, fortnight, month, quarter, year, day, today, tomorrow, tonight, sprint, summer, autumn, winter, spring, christmas, eod, eow, eom, eoq, eoy, noon, midnight',
          ),
          's?',
        ),
    trigger: fr
      ? new RegExp(
          [
            `${NOT_AFTER_WORD}d'ici${NOT_BEFORE_WORD}`,
            `(?=avant)(?<![\\p{L}\\p{N}'])(?<!(?<![\\p{L}])en\\s+)avant(?![\\p{L}\\p{N}-])(?!\\s+tout${NOT_BEFORE_WORD})`,
            `(?<![\\p{L}\\p{N}'])fin\\s+(?:d'|(?:du|des)${NOT_BEFORE_WORD}|de(?!\\s+compte)${NOT_BEFORE_WORD})`,
            `${NOT_AFTER_WORD}(?:${alternation(words('echeance, echeances, deadline, deadlines, date limite, au plus tard, des que possible, au plus vite, bientot, prochainement, asap'))})${NOT_BEFORE_WORD}`,
          ].join('|'),
          'u',
        )
      : new RegExp(
          [
            `(?=before)${NOT_AFTER_WORD}(?<!(?:than|ever|never)\\s+)before${NOT_BEFORE_WORD}`,
            `${NOT_AFTER_WORD}(?:${alternation(words('deadline, deadlines, due date, due by, end of, by the end, by end, no later than, asap, as soon as possible, soon'))})${NOT_BEFORE_WORD}`,
          ].join('|'),
          'u',
        ),
    unitWord: wordsRe(
      words(
        'nps, enps, csat, euro, euros, dollar, dollars, pourcent, pour cent, percent, per cent, net promoter score',
      ),
    ),
    linkingWords: new Set(
      words(
        fr
          ? 'a, au, aux, et, ou, en, de, du, des, d, l, le, la, les, par, pour, avant, apres, dans, contre, vs, puis, fin, ici, avec, sans, entre, jusqu, qu, que, mais, donc, ni'
          : 'to, and, or, in, by, from, of, the, a, an, before, after, for, at, on, vs, versus, then, with, than, end, until, per, into',
      ),
    ),
    jargon: compileJargon(DEFAULT_JARGON[locale]),
  };
}

const RULES: Record<ClarityLocale, LocaleRules> = { fr: buildRules('fr'), en: buildRules('en') };

// The organisation's lists: compiled once per list (by identity, then by content for copies).
const customByIdentity = new WeakMap<readonly string[], RegExp | null>();
const customByContent = new Map<string, RegExp | null>();
const CUSTOM_CACHE_SIZE = 16;

function jargonRe(list: readonly string[] | undefined, locale: ClarityLocale): RegExp | null {
  if (list === undefined) return RULES[locale].jargon;
  const known = customByIdentity.get(list);
  if (known !== undefined) return known;
  const key = list.join('\u0001');
  let re = customByContent.get(key);
  if (re === undefined) {
    re = compileJargon(list);
    if (customByContent.size >= CUSTOM_CACHE_SIZE) customByContent.clear();
    customByContent.set(key, re);
  }
  customByIdentity.set(list, re);
  return re;
}

// ---------------------------------------------------------------------------------------------------------
// The check.

const NUMBER_RE = new RegExp(
  `(?:${NOT_AFTER_WORD}|(?<=(?<![\\p{L}])x))${D}+(?:[.,]${D}+)*(?: ${D}{3}(?!${D}))*`,
  'gu',
);
const WORD_RE = /[\p{L}\p{N}]+(?:(?:['-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;
const LETTERS_RE = /\p{L}+/uy;
const SENTENCE_END_RE = /[!?;…\n\r]|\.(?=\s|$)/g;
const SIGN_AFTER = new Set(['%', '‰', '€', '$', '£', '¥']);
const SIGN_BEFORE = new Set(['€', '$', '£', '¥', '×', 'x']);
const SENTENCE_HEAD_WORDS = 6;

type Span = readonly [number, number];

const inSpans = (spans: readonly Span[], at: number) => spans.some(([s, e]) => at >= s && at < e);

function dateSpans(folded: string, original: string, rules: LocaleRules): Span[] {
  const spans: Span[] = [];
  const re = rules.dateSpan;
  re.lastIndex = 0;
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) {
    const may = m.indices?.groups?.['may'];
    // "may" is the month only when written "May".
    if (may && original[may[0]] !== 'M') continue;
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** Whether the number at [start, end) carries a unit (see the rules at the top). */
function hasUnit(folded: string, start: number, end: number, rules: LocaleRules): boolean {
  let before = start - 1;
  while (before >= 0 && folded[before] === ' ') before--;
  if (before >= 0 && SIGN_BEFORE.has(folded[before]!)) return true;
  let after = end;
  while (after < folded.length && (folded[after] === ' ' || folded[after] === '\t')) after++;
  const next = folded[after];
  if (next === undefined) return false;
  if (SIGN_AFTER.has(next)) return true;
  if (next === '/' && /\p{Nd}/u.test(folded[after + 1] ?? '')) return true;
  LETTERS_RE.lastIndex = after;
  const word = LETTERS_RE.exec(folded);
  return word !== null && !rules.linkingWords.has(word[0]);
}

interface Located extends ClarityFinding {
  start: number;
  end: number;
}

function check(text: string, opts: ClarityOptions): ClarityFinding[] {
  const locale: ClarityLocale = opts.locale === 'en' ? 'en' : 'fr';
  const rules = RULES[locale];
  const active = RULES_BY_KIND[opts.kind] ?? RULES_BY_KIND.pitch;
  const folded = fold(text);
  const located: Located[] = [];
  const global: ClarityFinding[] = [];

  if (active.has('task_verb')) {
    const m = rules.task.exec(folded);
    if (m?.[1]) {
      const end = m.index + m[0].length;
      const start = end - m[1].length;
      located.push({ code: 'task_verb', words: [text.slice(start, end)], start, end });
    }
  }

  const needsNumbers = active.has('no_number') || active.has('no_unit');
  const needsDates = needsNumbers || active.has('no_date');
  const spans = needsDates ? dateSpans(folded, text, rules) : [];

  if (needsNumbers) {
    const bare: Span[] = [];
    let numbers = 0;
    let unit = false;
    NUMBER_RE.lastIndex = 0;
    for (let m = NUMBER_RE.exec(folded); m !== null; m = NUMBER_RE.exec(folded)) {
      if (inSpans(spans, m.index)) continue;
      numbers++;
      const end = m.index + m[0].length;
      if (hasUnit(folded, m.index, end, rules)) unit = true;
      else bare.push([m.index, end]);
    }
    if (numbers === 0 && active.has('no_number') && !rules.numberWord.test(folded)) {
      global.push({ code: 'no_number', words: [] });
    }
    if (numbers > 0 && !unit && active.has('no_unit') && !rules.unitWord.test(folded)) {
      const [first] = bare as [Span];
      const written = [...new Set(bare.map(([s, e]) => text.slice(s, e)))];
      located.push({ code: 'no_unit', words: written, start: first[0], end: first[1] });
    }
  }

  if (
    active.has('no_date') &&
    rules.trigger.test(folded) &&
    spans.length === 0 &&
    !rules.dateWord.test(folded)
  ) {
    global.push({ code: 'no_date', words: [] });
  }

  const jargon = jargonRe(opts.jargon, locale);
  if (jargon) {
    const seen = new Set<string>();
    const found: string[] = [];
    let first: Span | null = null;
    jargon.lastIndex = 0;
    for (let m = jargon.exec(folded); m !== null; m = jargon.exec(folded)) {
      first ??= [m.index, m.index + m[0].length];
      if (seen.has(m[0])) continue;
      seen.add(m[0]);
      found.push(text.slice(m.index, m.index + m[0].length));
    }
    if (first) located.push({ code: 'jargon', words: found, start: first[0], end: first[1] });
  }

  let from = 0;
  const sentence = (to: number) => {
    WORD_RE.lastIndex = from;
    let count = 0;
    let start = -1;
    let headEnd = -1;
    let end = -1;
    for (let m = WORD_RE.exec(folded); m !== null && m.index < to; m = WORD_RE.exec(folded)) {
      const wordEnd = Math.min(m.index + m[0].length, to);
      count++;
      if (count === 1) start = m.index;
      if (count === SENTENCE_HEAD_WORDS) headEnd = wordEnd;
      end = wordEnd;
    }
    if (count > MAX_SENTENCE_WORDS) {
      located.push({
        code: 'long_sentence',
        words: [`${text.slice(start, headEnd)}…`],
        start,
        end,
        params: { count },
      });
    }
  };
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(folded); m !== null; m = SENTENCE_END_RE.exec(folded)) {
    sentence(m.index);
    from = m.index + m[0].length;
  }
  sentence(folded.length);

  const rank = (c: ClarityCode) => CLARITY_CODES.indexOf(c);
  located.sort((a, b) => a.start - b.start || rank(a.code) - rank(b.code));
  return [...located, ...global];
}

/** The clarity findings of `text` (see the rules at the top of this file). Never throws; empty text → []. */
export function checkClarity(text: string, opts: ClarityOptions): ClarityFinding[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  try {
    return check(text, opts);
  } catch {
    return [];
  }
}
