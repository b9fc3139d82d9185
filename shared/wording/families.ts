/**
 * Word families behind the comparison, label and sensitive rules. Each family is a class of
 * expressions described in words first; the lists below are that class's members as base words,
 * and `morphology.ts` makes every inflection and compound of them. A new member belongs here when
 * it fits the class description — never because one sentence needed it.
 */
import { adjectiveForms, anyOf, compoundOf, nounForms, verbForms } from './morphology';

/**
 * PEERS — every word for other pupils, alone or as a group, that a comparison can be made
 * against: classmates and friends in school and everyday language (klasskamrat, kompis, polare),
 * children and pupils of the same age (jämnåriga, de andra barnen), and the groups they form
 * (klass, grupp, årskurs, lag, parallellklass). Compounds count by their head ("lagkamrat",
 * "bänkkompis", "klasskompisarna"), and so do siblings, whom a pupil is also compared with.
 */
const PEER_NOUNS = [
  ...nounForms('kamrat', 'er'),
  ...nounForms('kompis', 'ar'),
  ...nounForms('polare', '-'),
  ...nounForms('vän', 'er'),
  'vänner',
  'vännerna',
  // Not "eleven"/"barnet" (the pupil written about): "jämfört med elevens tidigare texter" is progress.
  ...nounForms('elev', 'er').filter((f) => !f.startsWith('eleven')),
  ...nounForms('barn', '-', true).filter((f) => !f.startsWith('barnet')),
  ...nounForms('unge', 'ar'),
  'ungar',
  'ungarna',
  'jämnåriga',
  'jämnårigas',
  ...nounForms('jämlike', 'ar'),
  ...nounForms('syskon', '-', true),
  ...nounForms('bror', '-'),
  'bröder',
  'brodern',
  'brorsan',
  ...nounForms('syster', '-'),
  'systrar',
  'systrarna',
  'systern',
  'syrran',
  ...nounForms('granne', 'ar'),
  ...nounForms('tjej', 'er'),
  ...nounForms('kille', 'ar'),
  ...nounForms('flicka', 'or'),
  ...nounForms('pojke', 'ar'),
];
const PEER_GROUPS = [
  ...nounForms('klass', 'er'),
  ...nounForms('grupp', 'er'),
  ...nounForms('årskurs', 'er'),
  ...nounForms('lag', '-', true),
  ...nounForms('årgång', 'ar'),
  ...nounForms('åldersgrupp', 'er'),
  ...nounForms('parallellklass', 'er'),
];
/** Pronoun-like words for "the others" (de andra, de flesta, resten, alla, övriga, snittet). */
const PEER_PRONOUNS = [
  'andra',
  'andras',
  'övriga',
  'övrigas',
  'resten',
  'flesta',
  'flertalet',
  'majoriteten',
  'alla',
  'allas',
  'snittet',
  'genomsnittet',
  'medel',
  'medelvärdet',
  'medeleleven',
  'normen',
];
/** A peer word in any inflection or compound, as a regex source. */
export const PEER = `(?:${compoundOf([...PEER_NOUNS, ...PEER_GROUPS])}|${anyOf(PEER_PRONOUNS)})`;

/**
 * What may stand between a comparison word and the peer word: articles, possessives, quantifiers
 * and the adjectives that pick out "the other ones" (de andra eleverna, sina jämnåriga kompisar,
 * resten av klassen, flera av de andra barnen, hela gruppen).
 */
export const PEER_DETERMINERS =
  '(?:(?:de|den|det|sina|sin|sitt|hans|hennes|hens|deras|vår|våra|min|mina|ens|övriga|flera|många|alla|allra|hela|samma|resten|av|de flesta|andra|jämnåriga|äldre|yngre|ett|en|par|några|\\p{L}+s)\\s+){0,4}';

/**
 * COMPARISON WORDS — what relates the pupil to others: the comparative "än", "som" after "lika"
 * or "samma", "jämfört med/mot", "i jämförelse med", "till skillnad från", "i förhållande till",
 * "likt", "medan", "bland", "i kapp", "efter/före" after a verb of position (ligga, halka, hamna,
 * vara), and "i nivå med". Scale wording ("mer än godtagbara") never meets a peer word and so
 * never matches.
 */
export const COMPARISON_WORDS =
  '(?:än|som|jämfört med|jämfört mot|jämförelsevis med|i jämförelse med|i förhållande till|i relation till|till skillnad från|till skillnad mot|likt|bland|i kapp|ikapp|i nivå med|på samma nivå som|i samma takt som|efter|före|framför|bakom|om)';

/**
 * DISMISSIVE ATTITUDE VERBS — verbs that in themselves say the pupil does not care, whatever the
 * tense: strunta i, skita i, slappa, maska, lata sig, ge blanka fan i, ge upp (direkt/lätt).
 * They judge the person's attitude, like a trait adjective does.
 */
export const DISMISSIVE_VERBS = anyOf([
  // Not "maska" or "larva": their forms are also the plurals of worms and larvae in science.
  ...verbForms('strunta', '1'),
  ...verbForms('skita', { present: 'skiter', past: 'sket', supine: 'skitit' }),
  ...verbForms('slappa', '1'),
  ...verbForms('lata', '1'),
  ...verbForms('fjanta', '1'),
  ...verbForms('tramsa', '1'),
  ...verbForms('mucka', '1'),
  ...verbForms('kaxa', '1'),
]);

/**
 * ENGAGEMENT VERBS — verbs and verb phrases of caring, trying and taking interest, which become
 * a judgement of attitude when negated (bryr sig inte, anstränger sig inte, försöker inte ens,
 * visar inget intresse, tar inte skolan på allvar, gör inte sitt bästa, lägger ner ingen energi).
 * Particle and reflexive verbs keep their particle apart ("bryr han sig inte om"), so the pattern
 * allows the subject and the negation between verb and particle.
 */
export const ENGAGEMENT_VERBS = anyOf([
  ...verbForms('bry', '3'),
  ...verbForms('anstränga', '2a'),
  ...verbForms('bemöda', '2a'),
  ...verbForms('intressera', '1'),
  ...verbForms('engagera', '1'),
  ...verbForms('orka', '1'),
  ...verbForms('kämpa', '1'),
  ...verbForms('satsa', '1'),
]);
/** "Försöka" says something about attitude only with "ens" ("försöker inte ens"): "försöker inte gissa" is a strategy. */
export const TRY_VERBS = anyOf(verbForms('försöka', '2b'));
/** Objects that make "ta … på allvar", "visa …", "sakna …" about attitude. */
export const ENGAGEMENT_NOUNS = anyOf([
  ...nounForms('intresse', 'n', true),
  ...nounForms('motivation', 'er'),
  ...nounForms('engagemang', '-', true),
  ...nounForms('vilja', 'or'),
  ...nounForms('ansträngning', 'ar'),
  ...nounForms('driv', '-', true),
  ...nounForms('lust', 'ar'),
  ...nounForms('ork', '-'),
  ...nounForms('energi', 'er'),
  ...nounForms('respekt', 'er'),
]);
/** Verbs that show or hold such a noun: visa, ha, lägga ner, sakna, tappa. */
export const SHOWING_VERBS = anyOf([
  ...verbForms('visa', '1'),
  ...verbForms('ha', { present: 'har', past: 'hade', supine: 'haft' }),
  ...verbForms('sakna', '1'),
  ...verbForms('tappa', '1'),
  ...verbForms('lägga', { present: 'lägger', past: 'lade', supine: 'lagt' }),
  'la',
]);
/** Negations, including the absolute and near-absolute ones. */
export const NEGATION = '(?:inte|ej|icke|aldrig|knappt|knappast|inte ens|inget|ingen|inga|noll)';

/**
 * FAMILY — the people whose circumstances do not belong in a pupil's IUP: parents and guardians
 * in every everyday form (mamma, morsan, pappa, farsan, förälder, vårdnadshavare, styv-, bonus-),
 * siblings, grandparents and the family or home as a whole.
 */
const FAMILY_NOUNS = [
  ...nounForms('mamma', 'or'),
  ...nounForms('pappa', 'or'),
  'mor',
  'modern',
  'mödrar',
  'far',
  'fadern',
  'fäder',
  'morsan',
  'farsan',
  'föräldern',
  'förälder',
  'föräldrar',
  'föräldrarna',
  'föräldrars',
  'föräldrarnas',
  ...nounForms('vårdnadshavare', '-'),
  ...nounForms('syskon', '-', true),
  'bror',
  'brodern',
  'brorsan',
  'bröder',
  'bröderna',
  'syster',
  'systern',
  'syrran',
  'systrar',
  'systrarna',
  ...nounForms('mormor', '-'),
  ...nounForms('morfar', '-'),
  ...nounForms('farmor', '-'),
  ...nounForms('farfar', '-'),
  'farföräldrar',
  'morföräldrar',
  ...nounForms('familj', 'er'),
];
export const FAMILY = `(?:${compoundOf(FAMILY_NOUNS)}|h(?:an|on|en)s (?:mamma|pappa|mor|far|bror|syster))`;

/**
 * HEALTH STATES — being ill, injured, dying or in care, said with a noun (sjukdom, olycka), an
 * adjective (sjuk, svårt sjuk, döende, inlagd, utbränd, gravid) or a verb (insjukna, opereras,
 * läggas in, avlida, gå bort, dö). About the pupil these are health data; about a family member
 * they are the family's circumstances. "Sjukt" as an intensifier ("sjukt bra") is everyday speech,
 * not health, and is left out by the checker.
 */
export const HEALTH_ADJECTIVES = anyOf([
  ...adjectiveForms('sjuk').filter((f) => f !== 'sjukt'),
  ...adjectiveForms('inlagd'),
  ...adjectiveForms('utbränd'),
  ...adjectiveForms('gravid'),
  ...adjectiveForms('handikappad'),
  ...adjectiveForms('funktionsnedsatt'),
  ...adjectiveForms('rörelsehindrad'),
  ...adjectiveForms('döende'),
  ...adjectiveForms('avliden'),
  ...adjectiveForms('alkoholiserad'),
  ...adjectiveForms('psykotisk'),
  ...adjectiveForms('suicidal'),
  ...adjectiveForms('skadad').filter((f) => f !== 'skadat'),
]);
/** Compounds with "sjuk" are always health ("långtidssjuk", "cancersjuka", "sjukskriven", "sjukdom"). */
export const HEALTH_COMPOUNDS = '\\p{L}{3,}sjuk\\p{L}*|sjuk\\p{L}{2,}';
export const HEALTH_VERBS = anyOf([
  ...verbForms('insjukna', '1'),
  ...verbForms('operera', '1').filter((f) => f.endsWith('s') || f.endsWith('ad') || f.endsWith('at')),
  'opererad',
  'opererade',
  ...verbForms('avlida', { present: 'avlider', past: 'avled', supine: 'avlidit' }),
  ...verbForms('vårda', '1').filter((f) => f.endsWith('s')),
  'lagts in',
  'lades in',
  'läggs in',
  'ligger på sjukhus',
]);
/**
 * Words that are health or family only when a family member is named near them: death ("dog",
 * "död" also of plants in science), injury, a move out, a job lost.
 */
export const FAMILY_ONLY_STATES = anyOf([
  ...verbForms('dö', { present: 'dör', past: 'dog', supine: 'dött' }),
  'död',
  'döda',
  ...adjectiveForms('skadad'),
  ...nounForms('olycka', 'or'),
  'gick bort',
  'gått bort',
  'går bort',
  'flyttat isär',
  'flyttade isär',
  'flyttat ut',
  'flyttade ut',
  'förlorade jobbet',
  'förlorat jobbet',
  'blev av med jobbet',
  'har blivit av med jobbet',
  'sitter inne',
  'satt inne',
  'är borta mycket',
  'bor inte hemma',
  'har det svårt',
  'har det tufft',
  'har problem',
  'bråkar',
  'grälar',
]);
