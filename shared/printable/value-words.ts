import type { Bilingual } from '../wording/rules';

/**
 * The value words (värdeord) of Lgr22's criteria, which omdömen borrow and guardians rarely
 * know, with what they mean in plain words. `pattern` matches the lower-cased text at a word start.
 */
/**
 * What a criterion's value word grades: "enkla resonemang", "utvecklade beskrivningar". The same
 * adjective elsewhere is ordinary Swedish ("läser enkla texter" is about the texts), so the three
 * steps count as value words only before such a noun, or in "på ett enkelt sätt".
 */
const GRADED =
  '(?:\\s+(?:och\\s+\\p{L}+\\s+)?(?:resonemang\\p{L}*|beskrivning\\p{L}*|förklaring\\p{L}*|slutsats\\p{L}*|motivering\\p{L}*|samband|argument\\p{L}*|analys\\p{L}*|jämförelse\\p{L}*|tolkning\\p{L}*|kommentar\\p{L}*|sammanfattning\\p{L}*|omdömen|metod\\p{L}*|lösning\\p{L}*|frågeställning\\p{L}*|underbyggda\\p{L}*))';
const inGradedSense = (adjective: string, neuter: string) => `(?:${adjective})${GRADED}|på ett ${neuter} sätt`;

export interface ValueWord {
  term: string;
  pattern: string;
  explanation: Bilingual;
}

export const VALUE_WORDS: readonly ValueWord[] = [
  {
    term: 'enkla',
    pattern: inGradedSense('enkl(?:a|t)|enkel', 'enkelt'),
    explanation: {
      sv: 'grundläggande: eleven visar att hen kan det viktigaste, ofta med få detaljer',
      en: 'basic: the pupil shows the essentials, often with few details',
    },
  },
  {
    term: 'utvecklade',
    pattern: inGradedSense('utvecklad(?:e|t)?', 'utvecklat'),
    explanation: {
      sv: 'mer genomarbetade: fler detaljer och fler samband',
      en: 'more worked out: more details and connections',
    },
  },
  {
    term: 'välutvecklade',
    pattern: inGradedSense('välutvecklad(?:e|t)?', 'välutvecklat'),
    explanation: {
      sv: 'genomarbetade och nyanserade: många detaljer och samband',
      en: 'thorough and nuanced: many details and connections',
    },
  },
  {
    term: 'godtagbara',
    pattern: 'godtagbar(?:a|t)?',
    explanation: { sv: 'tillräckliga för det som krävs', en: 'enough for what is required' },
  },
  {
    term: 'goda / mycket goda',
    pattern: 'mycket goda|goda kunskaper',
    explanation: {
      sv: 'kunskaper över respektive långt över det som krävs',
      en: 'knowledge above / well above what is required',
    },
  },
  {
    term: 'i huvudsak fungerande',
    pattern: 'i huvudsak fungerande',
    explanation: { sv: 'fungerar för det mesta, med en del brister', en: 'works most of the time, with some gaps' },
  },
  {
    term: 'relativt väl fungerande',
    pattern: 'relativt väl fungerande',
    explanation: { sv: 'fungerar bra i de flesta fall', en: 'works well in most cases' },
  },
  {
    term: 'väl fungerande',
    pattern: 'väl fungerande',
    explanation: { sv: 'fungerar bra och säkert', en: 'works well and reliably' },
  },
  {
    term: 'med viss säkerhet',
    pattern: 'med viss säkerhet',
    explanation: { sv: 'lyckas ibland, behöver ofta stöd', en: 'succeeds at times, often needs support' },
  },
  {
    term: 'med relativt god säkerhet',
    pattern: 'med relativt god säkerhet',
    explanation: { sv: 'lyckas oftast på egen hand', en: 'usually succeeds unaided' },
  },
  {
    term: 'med god säkerhet',
    pattern: 'med god säkerhet',
    explanation: { sv: 'lyckas på egen hand, även i nya uppgifter', en: 'succeeds unaided, also in new tasks' },
  },
];
