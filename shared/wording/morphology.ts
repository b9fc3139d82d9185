/**
 * Swedish inflection for the wording check, in one place. The rules speak of word families
 * (every word for a classmate, every form of "bry sig"), and each family is written as base
 * words with their inflection class; the forms are generated here. Regular patterns only: an
 * irregular word lists its forms itself.
 */

/**
 * Adjective forms: positive (utrum, neutrum, plural/definite), comparative and superlative.
 * - `ig`/`lig`/`isk`/`ös` and most others: base, -t, -a, -are, -ast, -aste (slarvig → slarvigt);
 * - ending in a consonant + `t` (intelligent): -t is not doubled (intelligent, intelligenta);
 * - ending in `-en` (omogen): omogen, omoget, omogna, omognare;
 * - ending in `-ad` (participles: ointresserad): -ad, -at, -ade, no comparison;
 * - ending in `-d` after a consonant or long vowel (ledsen is -en; död, skild): död, dött/dödt → "dött", döda;
 * - ending in `m` after a short vowel (långsam): doubled before a vowel (långsamma).
 */
export function adjectiveForms(base: string): string[] {
  if (base.endsWith('ad')) {
    const stem = base.slice(0, -2);
    return [`${stem}ad`, `${stem}at`, `${stem}ade`];
  }
  if (base.endsWith('en') && base.length > 4) {
    const stem = base.slice(0, -2);
    return [base, `${stem}et`, `${stem}na`, `${stem}nare`, `${stem}nast`, `${stem}naste`];
  }
  if (/[^aeiouyåäö]d$/.test(base) || /(?:ö|å|ä)d$/.test(base)) {
    const stem = base.slice(0, -1);
    return [base, `${stem}tt`, `${stem}t`, `${base}a`, `${base}e`];
  }
  if (base.endsWith('t')) return [base, `${base}a`, `${base}are`, `${base}ast`, `${base}aste`];
  if (/sam$/.test(base)) return [base, `${base}t`, `${base}ma`, `${base}mare`, `${base}mast`, `${base}maste`];
  return [base, `${base}t`, `${base}a`, `${base}are`, `${base}ast`, `${base}aste`];
}

/**
 * Noun forms by declension: singular indefinite and definite, plural indefinite and definite,
 * and the genitive -s of each.
 * - `or` (1st: flicka → flickor), `ar` (2nd: kompis → kompisar, pojke → pojkar),
 * - `er` (3rd: kamrat → kamrater, förälder is irregular), `n` (4th: hjärta → hjärtan),
 * - `-` (5th: barn → barn, lärare → lärare), `ett` nouns take -et in the definite.
 */
export type Declension = 'or' | 'ar' | 'er' | 'n' | '-';
export function nounForms(base: string, declension: Declension, neuter = false): string[] {
  const dropE = base.endsWith('e') && declension === 'ar';
  const dropA = base.endsWith('a') && declension === 'or';
  const stem = dropE || dropA ? base.slice(0, -1) : base;
  const endsInVowel = /[aeiouyåäö]$/.test(base);
  const definite = neuter ? (endsInVowel ? `${base}t` : `${base}et`) : endsInVowel ? `${base}n` : `${base}en`;
  const plural =
    declension === 'or'
      ? `${stem}or`
      : declension === 'ar'
        ? `${stem}ar`
        : declension === 'er'
          ? `${stem}er`
          : declension === 'n'
            ? `${base}n`
            : base;
  const pluralDefinite =
    declension === '-'
      ? neuter
        ? endsInVowel
          ? `${base}na`
          : `${base}en`
        : `${base}na`
      : declension === 'n'
        ? `${base}na`
        : `${plural}na`;
  const forms = [base, definite, plural, pluralDefinite];
  return [...new Set([...forms, ...forms.map((f) => (f.endsWith('s') ? f : `${f}s`))])];
}

/**
 * Verb forms: infinitive, present, past, supine, present participle, and the passive/deponent
 * -s forms. Conjugation 1 (struntar), 2a (följer/följde), 2b (köper/köpte), 3 (bor/bodde);
 * strong verbs give their own forms.
 */
export type Conjugation = '1' | '2a' | '2b' | '3' | { present: string; past: string; supine: string };
export function verbForms(infinitive: string, conjugation: Conjugation): string[] {
  const stem = infinitive.endsWith('a') ? infinitive.slice(0, -1) : infinitive;
  let forms: string[];
  if (conjugation === '1')
    forms = [infinitive, `${infinitive}r`, `${infinitive}de`, `${infinitive}t`, `${infinitive}nde`];
  else if (conjugation === '2a')
    forms = [
      infinitive,
      `${stem}er`,
      `${stem}de`,
      stem.endsWith('d') ? `${stem.slice(0, -1)}tt` : `${stem}t`,
      `${stem}ande`,
    ];
  else if (conjugation === '2b') forms = [infinitive, `${stem}er`, `${stem}te`, `${stem}t`, `${stem}ande`];
  else if (conjugation === '3')
    forms = [infinitive, `${infinitive}r`, `${infinitive}dde`, `${infinitive}tt`, `${infinitive}ende`];
  else forms = [infinitive, conjugation.present, conjugation.past, conjugation.supine, `${stem}ande`];
  // -s forms: passive ("utreds") and deponent ("skäms"); the present drops its -r/-er first.
  const sForms = forms.map((f) =>
    f.endsWith('er') ? `${f.slice(0, -2)}s` : f.endsWith('r') ? `${f.slice(0, -1)}s` : `${f}s`,
  );
  return [...new Set([...forms, ...sForms])];
}

/** Regex source for any of the forms, longest first so an alternation never stops early. */
export const anyOf = (forms: Iterable<string>): string =>
  [...new Set(forms)]
    .sort((a, b) => b.length - a.length)
    .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

/**
 * Regex source for a word that is one of `forms` or a compound ending in one ("klasskompisarna",
 * "lagkamrat", "cancersjuk"): Swedish writes compounds as one word, with the head last. The
 * modifier must be at least three letters so that a short word that merely ends like the head
 * ("sak" in "orsak") is not taken for a compound.
 */
export const compoundOf = (forms: Iterable<string>): string => `(?:\\p{L}{3,})?(?:${anyOf(forms)})`;
