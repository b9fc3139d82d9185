/**
 * 10,000 generated Swedish omdöme phrases and a labelled query set. Each phrase has a unique
 * (object, qualifier) pair, so a query built from them has exactly one right answer.
 */
const OPENERS = [
  '{namn} kan',
  '{namn} visar att {hen} kan',
  'Eleven kan',
  'Nästa steg är att',
  'Vi ser att {namn} kan',
  '{namn} övar på att',
  'I arbetet kan {namn}',
  'Under terminen har {namn} lärt sig att',
  'Skolan hjälper {namn} att',
  '{namn} behöver träna på att',
];
const VERBS = [
  'beskriva',
  'förklara',
  'använda',
  'jämföra',
  'resonera om',
  'redogöra för',
  'undersöka',
  'skriva om',
  'läsa om',
  'diskutera',
];
const OBJECTS = [
  'bråktal',
  'decimaltal',
  'procent',
  'geometriska figurer',
  'mätningar',
  'sannolikhet',
  'tabeller',
  'diagram',
  'ekvationer',
  'mönster',
  'skönlitteratur',
  'faktatexter',
  'berättelser',
  'dikter',
  'argumenterande texter',
  'stavning',
  'skiljetecken',
  'ordförråd',
  'högläsning',
  'läsförståelse',
  'växter',
  'djurens livscykler',
  'vädret',
  'årstiderna',
  'människokroppen',
  'ljus och ljud',
  'magnetism',
  'elektricitet',
  'materia',
  'kretslopp',
  'kartor',
  'världsdelar',
  'Sveriges landskap',
  'medeltiden',
  'vikingatiden',
  'demokrati',
  'barns rättigheter',
  'religioner',
  'högtider',
  'pengar',
  'färger',
  'former',
  'bildskapande',
  'rytm',
  'sång',
  'instrument',
  'bollspel',
  'simning',
  'friluftsliv',
  'dans',
  'trä',
  'textil',
  'verktyg',
  'konstruktioner',
  'programmering',
  'hävstänger',
  'mekanismer',
  'hållfasthet',
  'ritningar',
  'digitala verktyg',
  'engelska ord',
  'enkla samtal',
  'engelska texter',
  'uttal',
  'glosor',
  'hälsningsfraser',
  'veckodagar',
  'klockan',
  'kroppsdelar',
  'familjeord',
  'källor',
  'fakta',
  'slutsatser',
  'hypoteser',
  'experiment',
  'observationer',
  'jämförelser',
  'samband',
  'orsaker',
  'konsekvenser',
  'samarbete',
  'turtagning',
  'lyssnande',
  'instruktioner',
  'planering',
  'läxor',
  'arbetsro',
  'ansvar',
  'regler',
  'konflikter',
  'huvudräkning',
  'multiplikation',
  'division',
  'subtraktion',
  'addition',
  'taluppfattning',
  'positionssystemet',
  'överslag',
  'enheter',
  'skala',
];
const QUALIFIERS = [
  'översiktligt',
  'utförligt',
  'nyanserat',
  'säkert',
  'självständigt',
  'med stöd',
  'i grupp',
  'muntligt',
  'skriftligt',
  'med egna ord',
  'med exempel',
  'steg för steg',
  'noggrant',
  'kreativt',
  'tydligt',
  'med god säkerhet',
  'med viss säkerhet',
  'med relativt god säkerhet',
  'i vardagen',
  'i olika sammanhang',
  'på engelska',
  'med bilder',
  'med modeller',
  'med konkret material',
  'med digitala hjälpmedel',
  'inför klassen',
  'i par',
  'i helklass',
  'hemma',
  'i skolan',
  'på lektionerna',
  'under raster',
  'vid genomgångar',
  'i laborationer',
  'i projektarbete',
  'i samtal',
  'i texter',
  'i diagram',
  'i tabeller',
  'i beräkningar',
  'fungerande',
  'väl fungerande',
  'i huvudsak fungerande',
  'enkelt',
  'utvecklat',
  'välutvecklat',
  'grundläggande',
  'goda',
  'mycket goda',
  'relevant',
  'framgångsrikt',
  'engagerat',
  'uthålligt',
  'fokuserat',
  'snabbt',
  'lugnt',
  'varierat',
  'strukturerat',
  'logiskt',
  'kritiskt',
  'jämförande',
  'beskrivande',
  'förklarande',
  'argumenterande',
  'resonerande',
  'undersökande',
  'reflekterande',
  'praktiskt',
  'teoretiskt',
  'metodiskt',
  'med hjälp av mallar',
  'med stödord',
  'med tankekartor',
  'med ordlistor',
  'med lärplattan',
  'med dator',
  'med papper och penna',
  'med kamrater',
  'med läraren',
  'med fritidspersonalen',
  'inom ämnet',
  'över ämnesgränser',
  'i nya situationer',
  'i kända situationer',
  'i bekanta sammanhang',
  'i okända sammanhang',
  'vid prov',
  'vid redovisningar',
  'i portfolio',
  'i loggbok',
  'varje vecka',
  'varje dag',
  'ibland',
  'ofta',
  'under våren',
  'under hösten',
  'i början av terminen',
  'i slutet av terminen',
  'före jul',
  'efter lovet',
];

export interface CorpusPhrase {
  id: string;
  text: string;
  subject: string | null;
  aspect: string;
  level: string | null;
  tags: string[];
}
export interface LabelledQuery {
  query: string;
  kind: 'prefix' | 'no-diacritics' | 'typo' | 'words';
  targetId: string;
}

export function phraseCorpus(): CorpusPhrase[] {
  const out: CorpusPhrase[] = [];
  OBJECTS.forEach((object, o) =>
    QUALIFIERS.forEach((qualifier, q) => {
      const i = o * QUALIFIERS.length + q;
      out.push({
        id: `p${i}`,
        text: `${OPENERS[i % OPENERS.length]} ${VERBS[(i * 7) % VERBS.length]} ${object} ${qualifier}.`,
        subject: null,
        aspect: 'knowledge',
        level: null,
        tags: [],
      });
    }),
  );
  return out;
}

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o' };
const strip = (s: string) => s.replace(/[åäö]/g, (c) => FOLD[c]!);
/** A typo a teacher makes: two neighbouring letters swapped in the middle of a long word. */
const typo = (w: string) => (w.length < 5 ? w : w.slice(0, 2) + w[3] + w[2] + w.slice(4));

export function labelledQueries(corpus: CorpusPhrase[], n = 400): LabelledQuery[] {
  const out: LabelledQuery[] = [];
  const kinds: LabelledQuery['kind'][] = ['prefix', 'no-diacritics', 'typo', 'words'];
  for (let k = 0; k < n; k++) {
    const i = (k * 7919) % corpus.length;
    const o = Math.floor(i / QUALIFIERS.length);
    const q = i % QUALIFIERS.length;
    const object = OBJECTS[o]!.split(' ').sort((a, b) => b.length - a.length)[0]!;
    const qualifier = QUALIFIERS[q]!;
    const kind = kinds[k % kinds.length]!;
    const prefix = (w: string) => w.slice(0, Math.max(4, Math.ceil(w.length * 0.7)));
    const query =
      kind === 'prefix'
        ? `${prefix(object)} ${qualifier.split(' ').map(prefix).join(' ')}`
        : kind === 'no-diacritics'
          ? strip(`${object} ${qualifier}`)
          : kind === 'typo'
            ? `${typo(object)} ${qualifier}`
            : `${object} ${qualifier}`;
    out.push({ query, kind, targetId: corpus[i]!.id });
  }
  return out;
}
