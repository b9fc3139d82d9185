import { describe, expect, it } from 'vitest';
import { checkWording } from './check-wording';

const rules = (text: string, kind: 'omdome' | 'phrase' = 'phrase') => checkWording(text, { kind }).map((f) => f.rule);
const excerpts = (text: string) => checkWording(text, { kind: 'phrase' }).map((f) => f.excerpt);

describe('checkWording', () => {
  it('finds a label in every inflection, in compounds and when negated', () => {
    for (const form of ['slarvig', 'slarvigt', 'slarviga', 'slarvigare', 'jätteslarvig']) {
      expect(rules(`Texten är ${form} skriven.`), form).toEqual(['label']);
    }
    expect(excerpts('Han är inte lat.')).toEqual(['lat']);
  });

  it('does not mistake words that merely contain a label for one', () => {
    expect(rules('Kamraterna åt choklad och salat på utflykten.')).toEqual([]);
  });

  it('treats a trait as a label only when it is said about the pupil', () => {
    expect(rules('Alice är väldigt tyst på lektionerna.')).toEqual(['label']);
    expect(rules('Ella är en svag elev.')).toEqual(['label']);
    expect(rules('Eleven har svaga resultat på testet.')).toEqual([]);
    expect(rules('Hon arbetar lugnt och tyst med sin bok.')).toEqual([]);
  });

  it('reports offsets that point at the words in the original text', () => {
    const text = 'ÅSA GÖR SLARVFEL, hela tiden.';
    for (const f of checkWording(text, { kind: 'phrase' })) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
    expect(excerpts(text)).toEqual(['SLARVFEL', 'hela tiden']);
  });

  it('keeps the scale wording apart from comparisons with other pupils', () => {
    expect(rules('Hon har mer än godtagbara kunskaper.')).toEqual([]);
    expect(rules('Hon läser mer än sina klasskamrater.')).toEqual(['comparison']);
  });

  it('suggests a plain paraphrase for jargon, unless the text explains the term', () => {
    const [finding] = checkWording('Eleven når kunskapskraven.', { kind: 'phrase' });
    expect(finding?.rule).toBe('jargon');
    expect(finding?.suggestion.sv).toContain('det som krävs för ett visst betyg');
    expect(rules('Eleven når kunskapskraven (det som krävs för betyget E).')).toEqual([]);
    expect(rules('Vi tränar avkodning, det vill säga att ljuda ihop bokstäver.')).toEqual([]);
  });

  it('suggests a softer word for an absolute', () => {
    const [finding] = checkWording('Han glömmer alltid boken.', { kind: 'phrase' });
    expect(finding?.suggestion.sv).toContain('ofta');
    expect(rules('Han delar upp jämt tal i två lika delar.')).toEqual([]);
  });

  it('flags health, diagnoses and family circumstances, but not a maths diagnosis', () => {
    expect(rules('Han har ADHD.')).toEqual(['sensitive']);
    expect(rules('Föräldrarna har separerat.')).toEqual(['sensitive']);
    expect(rules('Diagnosen i matematik visar att hon kan de fyra räknesätten.')).toEqual([]);
  });

  it('asks a whole omdöme for a next step, but not a phrase or a text still being started', () => {
    const status = 'Tilde läser med flyt och förstår det hon läser. Hon skriver berättelser med början och slut.';
    expect(rules(status, 'omdome')).toEqual(['no-next-step']);
    expect(rules(status, 'phrase')).toEqual([]);
    expect(rules('Tilde läser med flyt.', 'omdome')).toEqual([]);
    expect(rules(`${status} Nästa steg är att skriva dialog.`, 'omdome')).toEqual([]);
  });

  it('returns findings in text order with explanations in both languages', () => {
    const found = checkWording('Han är alltid slarvig och sämst i klassen.', { kind: 'phrase' });
    expect(found.map((f) => f.rule)).toEqual(['absolute', 'label', 'comparison']);
    for (const f of found) expect(f.explanation.sv && f.explanation.en).toBeTruthy();
  });

  it('finds comparisons with peers named in everyday words, in any form or compound', () => {
    for (const text of [
      'Hon läser snabbare än sina kompisar.',
      'Jämfört med klasskompisarna skriver han kortare texter.',
      'Han ligger efter de andra barnen i läsningen.',
      'Hon räknar lika snabbt som de äldre eleverna.',
    ])
      expect(rules(text), text).toEqual(['comparison']);
    // Progress against the pupil's own earlier work, and the goals, are not comparisons.
    expect(rules('Jämfört med elevens tidigare texter är berättelsen längre.')).toEqual([]);
    expect(rules('Hon beskriver läget i förhållande till målen.')).toEqual([]);
    expect(rules('Han går ut efter de andra på rasten.')).toEqual([]);
  });

  it('finds attitude judged as not caring, in any tense, also with the subject between verb and negation', () => {
    for (const text of [
      'Han bryr sig inte om läxorna.',
      'Nu bryr han sig inte om läxorna.',
      'Han struntade i läxorna.',
      'Hon ansträngde sig inte under lektionerna.',
      'Hon visar inget intresse för matte.',
      'Han saknar motivation.',
      'Han tar inte skolarbetet på allvar.',
      'Han försöker inte ens.',
    ])
      expect(rules(text), text).toEqual(['label']);
    expect(rules('Han försöker inte gissa utan räknar efter.')).toEqual([]);
    expect(rules('Vi har studerat maskar och larver i komposten.')).toEqual([]);
  });

  it('finds health and family states as adjectives and verbs, not the same words about plants or as slang', () => {
    for (const text of [
      'Hans mamma är sjuk.',
      'Hennes morfar är långtidssjuk.',
      'Pappa dog i våras.',
      'Föräldrarna bråkar mycket.',
      'Hon mådde sämre under hösten.',
    ])
      expect(rules(text), text).toEqual(['sensitive']);
    expect(rules('Växten dog utan vatten.')).toEqual([]);
    expect(rules('Det var sjukt roligt på utflykten.')).toEqual([]);
  });

  it('does not ask for a next step in text that is only the team’s approved phrases, until the teacher writes her own', () => {
    const approved = [
      '{namn} läser med flyt och förstår det {hen} läser.',
      '{namn} skriver berättelser med tydlig början, handling och slut.',
    ];
    const inserted =
      'Tilde läser med flyt och förstår det hon läser. Tilde skriver berättelser med tydlig början, handling och slut.';
    expect(rules(inserted, 'omdome')).toEqual(['no-next-step']);
    expect(checkWording(inserted, { kind: 'omdome', approvedPhrases: approved }).map((f) => f.rule)).toEqual([]);
    const withOwn = `${inserted} Hon använder stor bokstav och punkt i sina texter.`;
    expect(checkWording(withOwn, { kind: 'omdome', approvedPhrases: approved }).map((f) => f.rule)).toEqual([
      'no-next-step',
    ]);
    expect(
      checkWording(
        '{namn} läser med flyt och förstår det {hen} läser. {namn} skriver berättelser med tydlig början, handling och slut.',
        { kind: 'omdome', approvedPhrases: approved },
      ),
    ).toEqual([]);
  });
});
