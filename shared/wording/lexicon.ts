import {
  DISMISSIVE_VERBS,
  ENGAGEMENT_NOUNS,
  ENGAGEMENT_VERBS,
  FAMILY,
  FAMILY_ONLY_STATES,
  HEALTH_ADJECTIVES,
  HEALTH_COMPOUNDS,
  HEALTH_VERBS,
  NEGATION,
  PEER,
  PEER_DETERMINERS,
  SHOWING_VERBS,
  TRY_VERBS,
} from './families';
import { adjectiveForms, anyOf } from './morphology';

/**
 * Word lists behind the wording check. Swedish adjectives inflect by suffix (slarvig, slarvigt,
 * slarviga, slarvigare, slarvigast), so each list stores the forms that occur, generated from
 * the base where the pattern is regular.
 */

/** Regular adjective: base, -t, -a, -are, -ast, -aste. */
const adjective = (base: string): string[] => [base, `${base}t`, `${base}a`, `${base}are`, `${base}ast`, `${base}aste`];
/** Participle-like adjectives in -ad: -ad, -at, -ade. */
const participle = (stem: string): string[] => [`${stem}ad`, `${stem}at`, `${stem}ade`];

/**
 * Personality or character labels, flagged in any form and in any sentence (also negated:
 * "inte lat" still describes the person, not the work).
 */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  ...adjective('slarvig'),
  ...adjective('stökig'),
  ...adjective('bråkig'),
  ...adjective('duktig'),
  ...adjective('störig'),
  ...adjective('jobbig'),
  ...adjective('pratig'),
  ...adjective('flamsig'),
  ...adjective('virrig'),
  ...adjective('vimsig'),
  ...adjective('lättjefull'),
  ...adjective('kaxig'),
  ...adjective('uppkäftig'),
  ...adjective('envis'),
  ...adjective('besvärlig'),
  ...adjective('oartig'),
  ...adjective('respektlös'),
  ...adjective('ambitiös'),
  ...adjective('intelligent'),
  ...adjective('aggressiv'),
  ...adjective('oansvarig'),
  ...adjective('nonchalant'),
  ...adjective('barnslig'),
  ...adjective('lillgammal'),
  ...adjective('slö'),
  'lat',
  'lata',
  'latare',
  'latast',
  'elak',
  'elakt',
  'elaka',
  'omogen',
  'omoget',
  'omogna',
  'omognare',
  'dum',
  'dumt',
  'dumma',
  'korkad',
  'korkat',
  'korkade',
  'trög',
  'trögt',
  'tröga',
  'snäll',
  'snällt',
  'snälla',
  'oförskämd',
  'oförskämt',
  'oförskämda',
  'fräck',
  'fräckt',
  'fräcka',
  ...participle('okoncentrer'),
  ...participle('ofokuser'),
  ...participle('ointresser'),
  ...participle('omotiver'),
  ...participle('oengager'),
  ...participle('lättdistraher'),
  ...participle('ouppfostr'),
  'bortskämd',
  'bortskämt',
  'bortskämda',
  ...participle('begåv'),
  ...participle('ostrukturer'),
  ...participle('oorganiser'),
  'slarver',
  'slarvern',
  'latmask',
  'latmasken',
  'bråkstake',
  'bråkstaken',
  'pratkvarn',
  'pratkvarnen',
  'slarvfel',
  'slarvfelen',
  'slarvet',
  'slarv',
  'lathet',
  'latheten',
  'stjärnelev',
  'stjärneleven',
  'problemelev',
  'problemeleven',
  'värsting',
  'värstingen',
]);

/** Prefixes that intensify a label in a compound ("jätteduktig", "superslarvig"). */
export const LABEL_INTENSIFIERS = [
  'jätte',
  'super',
  'mega',
  'skit',
  'hyper',
  'ultra',
  'kanon',
  'toppen',
  'över',
  'sjukt',
  'as',
] as const;

/**
 * Traits that are only labels when said about the pupil: after a copula ("är tyst") or before a
 * person noun ("en svag elev"). "Arbetar lugnt" and "svaga resultat" describe work and stay.
 */
export const TRAIT_WORDS: ReadonlySet<string> = new Set([
  'svag',
  'svaga',
  'stark',
  'starka',
  'glad',
  'glada',
  'lugn',
  'lugna',
  'tyst',
  'tysta',
  'blyg',
  'blyga',
  'smart',
  'smarta',
  'klok',
  'kloka',
  'mogen',
  'mogna',
  'ljus',
  'ljusa',
  'positiv',
  'positiva',
  'negativ',
  'negativa',
  'trevlig',
  'trevliga',
  'noggrann',
  'noggranna',
  'ansvarsfull',
  'ansvarsfulla',
  'långsam',
  'långsamma',
  'snabb',
  'snabba',
  'dålig',
  'dåliga',
  'osäker',
  'osäkra',
  'orolig',
  'oroliga',
  'tystlåten',
  'tystlåtna',
  'inbunden',
  'inbundna',
  'pratsam',
  'pratsamma',
  'social',
  'sociala',
  'framåt',
  'go',
  'goa',
  'gullig',
  'gulliga',
  'söt',
  'söta',
  'rastlös',
  'rastlösa',
  'energisk',
  'energiska',
  'självständig',
  'självständiga',
  'hjälpsam',
  'hjälpsamma',
  'omtänksam',
  'omtänksamma',
  'ordentlig',
  'ordentliga',
]);

/** Words that say "the pupil is …" before a trait. */
export const COPULAS: ReadonlySet<string> = new Set([
  'är',
  'var',
  'verkar',
  'upplevs',
  'uppfattas',
  'framstår',
  'blir',
  'känns',
]);
/** Degree words that may stand between copula and trait ("är väldigt tyst"). */
export const DEGREE_WORDS: ReadonlySet<string> = new Set([
  'en',
  'ett',
  'väldigt',
  'mycket',
  'lite',
  'ganska',
  'så',
  'för',
  'jätte',
  'rätt',
  'otroligt',
  'oerhört',
  'alltför',
  'som',
  'vara',
  'mer',
  'mindre',
  'inte',
  'ofta',
  'ibland',
  'oftast',
  'och',
]);
/** Nouns for a person that turn a trait into a label ("svag elev", "glad tjej"). */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'elev',
  'eleven',
  'elever',
  'flicka',
  'flickan',
  'pojke',
  'pojken',
  'kille',
  'killen',
  'tjej',
  'tjejen',
  'unge',
  'ungen',
  'person',
  'personen',
  'individ',
  'individen',
  'barn',
  'barnet',
  'läsare',
  'räknare',
  'skribent',
]);

/** Absolutes as single words; multi-word ones are in ABSOLUTE_PHRASES. */
export const ABSOLUTE_WORDS: ReadonlyMap<string, { sv: string; en: string }> = new Map([
  ['alltid', { sv: 'ofta / oftast', en: 'often / mostly' }],
  ['aldrig', { sv: 'sällan / ännu inte', en: 'rarely / not yet' }],
  ['ständigt', { sv: 'ofta', en: 'often' }],
  ['jämt', { sv: 'ofta', en: 'often' }],
  ['överhuvudtaget', { sv: 'ännu inte', en: 'not yet' }],
  ['ingenting', { sv: 'ännu inte …', en: 'not yet …' }],
  ['konstant', { sv: 'ofta', en: 'often' }],
]);

/** Multi-word absolutes as regex sources over lower-cased text. */
export const ABSOLUTE_PHRASES: readonly { pattern: string; sv: string; en: string }[] = [
  { pattern: 'inte alls', sv: 'ännu inte', en: 'not yet' },
  { pattern: 'inget alls', sv: 'ännu inte', en: 'not yet' },
  { pattern: 'hela tiden', sv: 'ofta', en: 'often' },
  { pattern: 'varje gång', sv: 'oftast', en: 'mostly' },
  { pattern: 'vid varje tillfälle', sv: 'oftast', en: 'mostly' },
  { pattern: 'ingen gång', sv: 'sällan', en: 'rarely' },
  { pattern: 'över huvud taget', sv: 'ännu inte', en: 'not yet' },
  { pattern: 'helt och hållet', sv: 'till stor del', en: 'largely' },
  { pattern: 'inte en enda gång', sv: 'sällan', en: 'rarely' },
];

/**
 * Integrity-sensitive content as regex sources over lower-cased text: health, diagnoses and
 * family circumstances. "Diagnos" alone is a maths test in Swedish schools, so only a diagnosis
 * someone "has" or "got" counts.
 */
export const SENSITIVE_PATTERNS: readonly string[] = [
  'adhd',
  'autism\\p{L}*',
  'asperger\\p{L}*',
  'dyslexi\\p{L}*',
  'dyskalkyli\\p{L}*',
  'npf',
  'neuropsykiatrisk\\p{L}*',
  '(?:har|fått|fick|ställd|ställts|med|utan)\\s+(?:en\\s+)?diagnos\\p{L}*',
  'utredning\\p{L}*',
  'utreds',
  'utredd\\p{L}*',
  'depression\\p{L}*',
  'deprimerad\\p{L}*',
  '\\p{L}*ångest\\p{L}*',
  'ätstörning\\p{L}*',
  'epilepsi\\p{L}*',
  'diabetes',
  'allergi\\p{L}*',
  'astma\\p{L}*',
  'medicin(?:er|erna|en|erar|eras|ering\\p{L}*)?',
  '(?:skol)?psykolog\\p{L}*',
  '(?:skol)?kurator\\p{L}*',
  'bup',
  'sjukskriv\\p{L}*',
  'sjukdom\\p{L}*',
  'sjukhus\\p{L}*',
  'självskad\\p{L}*',
  'cancer\\p{L}*',
  'hörselnedsättning\\p{L}*',
  'mår dåligt',
  'mått dåligt',
  'mådde dåligt',
  'mår psykiskt',
  'psykisk ohälsa',
  'ohälsa',
  'skilsmässa\\p{L}*',
  'skild(?:a|es)?',
  'skiljer sig',
  'separera(?:t|de|r)',
  'missbruk\\p{L}*',
  'alkohol\\p{L}*',
  'droger',
  'socialtjänst\\p{L}*',
  'soc',
  'orosanmäl\\p{L}*',
  'familjehem\\p{L}*',
  'fosterhem\\p{L}*',
  'fosterföräld\\p{L}*',
  'fängelse\\p{L}*',
  'arbetslös\\p{L}*',
  'dålig ekonomi',
  'ekonomiska problem',
  'ont om pengar',
  'hemförhållande\\p{L}*',
  'hemsituation\\p{L}*',
  'familjesituation\\p{L}*',
  'bråk(?:ar)? hemma',
  'oroligt hemma',
  'våld i hemmet',
  'asyl\\p{L}*',
  'flyktingbakgrund\\p{L}*',
];

/**
 * Signs of a forward-looking step. An omdöme without any of them gets the no-next-step finding.
 * Broad on purpose: a missed nudge costs less than nagging a teacher who did write a next step.
 */
export const NEXT_STEP_PATTERNS: readonly string[] = [
  'nästa steg',
  'behöver',
  'bör',
  'ska',
  'skall',
  'kommer (?:att )?\\p{L}+',
  'fortsätt\\p{L}*',
  'fortsatt',
  'öva\\p{L}*',
  'träna\\p{L}*',
  'utveckla\\p{L}*',
  '(?:arbeta|jobba) (?:vidare|med)',
  'fokusera\\p{L}*',
  'framöver',
  'framåt',
  'under (?:våren|hösten|nästa termin|terminen)',
  'till (?:våren|hösten|nästa termin)',
  'målet',
  'mål framåt',
  'för att (?:bli|nå|kunna|utveckla)',
  'hemma kan',
  'vårdnadshavar\\p{L}* kan',
  'skolan (?:ger|erbjuder|kommer|ska|hjälper)',
  'vi (?:kommer|ska|fortsätter|hjälper)',
  'utmana\\p{L}*',
  'utmaning\\p{L}*',
  'lära sig',
  'lära dig',
  'prova',
  'pröva',
];

/** Verbs of position that make "före/efter" a ranking ("ligger efter de andra"), not a time. */
const POSITION_VERBS =
  '(?:ligger|låg|legat|halkar|halkat|halkade|hamnar|hamnat|hamnade|släpar|släpat|släpade|kommer|kommit|är|var|varit)';

/**
 * Comparisons with others, derived from the PEERS family (every word for other pupils and their
 * groups, in every form and compound) and the comparison words (see families.ts). Scale wording
 * such as "mer än godtagbara" never meets a peer word and so never matches.
 */
export const COMPARISON_PATTERNS: readonly string[] = [
  `(?:än|jämfört med|jämfört mot|i jämförelse med|i förhållande till|i relation till|till skillnad från|till skillnad mot|likt|i kapp|ikapp|i nivå med|i takt med)\\s+${PEER_DETERMINERS}${PEER}`,
  `(?:lika|samma|likadant|likadana|precis)\\s+(?:\\p{L}+\\s+){0,3}?som\\s+${PEER_DETERMINERS}${PEER}`,
  `${POSITION_VERBS}\\s+(?:\\p{L}+\\s+){0,2}?(?:före|efter|bakom|framför)\\s+${PEER_DETERMINERS}${PEER}`,
  `\\p{L}+(?:ast|aste|sta|ste)\\s+(?:i|av alla i|bland|av|utav)\\s+${PEER_DETERMINERS}${PEER}`,
  '(?:bäst|sämst)\\s+(?:i|bland|av)\\s+\\p{L}+',
  'en av (?:de|klassens|gruppens|skolans)\\s+\\p{L}+(?:aste|sta|ste)',
  '(?:klassens|gruppens|skolans|årskursens) \\p{L}+(?:aste|sta|ste)',
  '(?:över|under)\\s+(?:snittet|genomsnittet|medel)',
  'i topp i (?:klassen|gruppen)',
];

/**
 * Attitude judged instead of described (the label rule), derived from the attitude families:
 * dismissive verbs in any tense ("struntar i", "slappar"), engagement verbs and adjectives when
 * negated ("bryr sig inte", "anstränger han sig inte", "är inte intresserad"), lacking or
 * showing no engagement ("saknar motivation", "visar inget intresse", "brist på engagemang"),
 * and not taking school seriously or not doing one's best.
 */
export const ATTITUDE_PATTERNS: readonly string[] = [
  `(?:${DISMISSIVE_VERBS})`,
  `(?:${ENGAGEMENT_VERBS})\\s+(?:sig\\s+|\\p{L}+\\s+sig\\s+|\\p{L}+\\s+)?${NEGATION}`,
  `${NEGATION}\\s+(?:\\p{L}+\\s+)?(?:${ENGAGEMENT_VERBS})`,
  `${NEGATION}\\s+(?:\\p{L}+\\s+)?(?:${anyOf(['intresserad', 'motiverad', 'engagerad', 'ansträngd'].flatMap(adjectiveForms))})`,
  `(?:${TRY_VERBS})\\s+(?:\\p{L}+\\s+)?(?:inte|aldrig)\\s+ens|inte ens\\s+(?:\\p{L}+\\s+)?(?:${TRY_VERBS})`,
  `(?:${SHOWING_VERBS})\\s+(?:ner\\s+|\\p{L}+\\s+)?(?:inget|ingen|inga|noll|inte\\s+(?:något|någon|några|mycket|så mycket|särskilt mycket))\\s+(?:\\p{L}+\\s+)?(?:${ENGAGEMENT_NOUNS})`,
  `(?:saknar|saknade|saknat|tappat|tappar|tappade)\\s+(?:\\p{L}+\\s+)?(?:${ENGAGEMENT_NOUNS})`,
  `brist på\\s+(?:\\p{L}+\\s+)?(?:${ENGAGEMENT_NOUNS})`,
  `(?:ointresse|ointresset|omotivation|oengagemang)`,
  `${NEGATION}\\s+(?:\\p{L}+\\s+){0,3}?på allvar`,
  `(?:gör|gjorde|gjort)\\s+(?:\\p{L}+\\s+)?(?:inte|aldrig|sällan)\\s+sitt\\s+(?:bästa|yttersta)`,
];

/**
 * Health and family states from the HEALTH and FAMILY families: health adjectives, "sjuk" in any
 * compound, health verbs, states that are sensitive when a family member is named near them
 * ("pappa dog", "föräldrarna bråkar"), and not feeling well in any tense ("mådde sämre").
 */
export const HEALTH_FAMILY_PATTERNS: readonly string[] = [
  `(?:${HEALTH_ADJECTIVES})`,
  HEALTH_COMPOUNDS,
  `(?:${HEALTH_VERBS})`,
  `${FAMILY}(?:\\s+\\p{L}+){0,5}?\\s+(?:${FAMILY_ONLY_STATES})`,
  `(?:dog|dött|död|döda|avled|omkom|omkommit|gick bort|gått bort|förlorade|förlorat|miste|mist)(?:\\s+\\p{L}+){0,3}?\\s+${FAMILY}`,
  '(?:må|mår|mådde|mått)\\s+(?:\\p{L}+\\s+){0,2}?(?:dåligt|sämre|illa|inte bra|psykiskt|inget vidare)',
];
