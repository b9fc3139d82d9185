import type { Bilingual } from './rules';

/**
 * School terms a guardian may not understand, with a plain-Swedish paraphrase.
 * `pattern` matches the lower-cased text at a word start; inflections are part of the pattern
 * because Swedish adds them as suffixes ("kunskapskraven", "ändamålsenliga").
 */
export interface GlossaryEntry {
  term: string;
  pattern: string;
  paraphrase: Bilingual;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: 'ändamålsenlig',
    pattern: 'ändamålsenlig(?:t|a|are|ast)?',
    paraphrase: { sv: 'som passar syftet', en: 'fit for the purpose' },
  },
  {
    term: 'centralt innehåll',
    pattern: 'central(?:t|a) innehåll(?:et)?',
    paraphrase: { sv: 'det som undervisningen ska ta upp', en: 'what teaching must cover' },
  },
  {
    term: 'kunskapskrav',
    pattern: 'kunskapskrav(?:en|et)?',
    paraphrase: { sv: 'det som krävs för ett visst betyg', en: 'what a given grade requires' },
  },
  {
    term: 'betygskriterier',
    pattern: 'betygskriteri(?:er|erna|et|um)',
    paraphrase: { sv: 'beskrivningen av vad som krävs för ett betyg', en: 'the description of what a grade requires' },
  },
  {
    term: 'formativ bedömning',
    pattern: 'formativ(?:t|a)? bedömning(?:en|ar)?',
    paraphrase: { sv: 'återkoppling under arbetets gång', en: 'feedback while the work goes on' },
  },
  {
    term: 'summativ bedömning',
    pattern: 'summativ(?:t|a)? bedömning(?:en|ar)?',
    paraphrase: { sv: 'samlad bedömning i slutet av ett arbetsområde', en: 'overall assessment at the end of a unit' },
  },
  {
    term: 'bedömning för lärande',
    pattern: 'bedömning för lärande|bfl',
    paraphrase: { sv: 'återkoppling som hjälper eleven framåt', en: 'feedback that helps the pupil move on' },
  },
  {
    term: 'metakognition',
    pattern: 'metakogniti(?:on|onen|v|vt|va)',
    paraphrase: { sv: 'att tänka om hur man själv lär sig', en: 'thinking about how one learns' },
  },
  {
    term: 'progression',
    pattern: 'progression(?:en)?',
    paraphrase: { sv: 'utveckling steg för steg', en: 'step-by-step development' },
  },
  {
    term: 'abstraktionsnivå',
    pattern: 'abstraktionsnivå(?:n|er)?',
    paraphrase: {
      sv: 'hur mycket eleven kan tänka utan konkreta exempel',
      en: 'how far the pupil can reason without concrete examples',
    },
  },
  {
    term: 'stödstrukturer',
    pattern: 'stödstruktur(?:er|erna|en)?|scaffolding',
    paraphrase: {
      sv: 'hjälp som visar hur uppgiften kan göras, t.ex. en mall',
      en: 'help that shows how to do the task, e.g. a template',
    },
  },
  {
    term: 'genrepedagogik',
    pattern: 'genrepedagogik(?:en)?|cirkelmodellen',
    paraphrase: {
      sv: 'undervisning där klassen först skriver en text tillsammans',
      en: 'teaching where the class first writes a text together',
    },
  },
  {
    term: 'explicit undervisning',
    pattern: 'explicit undervisning(?:en)?',
    paraphrase: {
      sv: 'undervisning där läraren visar steg för steg',
      en: 'teaching where the teacher shows step by step',
    },
  },
  {
    term: 'kamratrespons',
    pattern: 'kamratrespons(?:en)?|kamratbedömning(?:en|ar)?',
    paraphrase: {
      sv: 'att eleverna ger varandra tips på sina arbeten',
      en: 'pupils giving each other tips on their work',
    },
  },
  {
    term: 'extra anpassningar',
    pattern: 'extra anpassning(?:ar|arna)?',
    paraphrase: {
      sv: 'stöd i den vanliga undervisningen, t.ex. bildstöd eller kortare uppgifter',
      en: 'support within ordinary teaching, e.g. picture support or shorter tasks',
    },
  },
  {
    term: 'åtgärdsprogram',
    pattern: 'åtgärdsprogram(?:met|men)?',
    paraphrase: { sv: 'en skriftlig plan för särskilt stöd', en: 'a written plan for special support' },
  },
  {
    term: 'entreprenöriellt lärande',
    pattern: 'entreprenöriell(?:t|a)?',
    paraphrase: { sv: 'att ta egna initiativ och pröva idéer', en: 'taking initiative and trying ideas' },
  },
  {
    term: 'taluppfattning',
    pattern: 'taluppfattning(?:en)?',
    paraphrase: { sv: 'förståelse för tal och hur de hänger ihop', en: 'understanding numbers and how they relate' },
  },
  {
    term: 'avkodning',
    pattern: 'avkodning(?:en)?|avkoda(?:r)?',
    paraphrase: { sv: 'att ljuda ihop bokstäver till ord', en: 'sounding out letters into words' },
  },
  {
    term: 'fonologisk medvetenhet',
    pattern: 'fonologisk(?:a)? medvetenhet(?:en)?',
    paraphrase: { sv: 'att höra och leka med språkets ljud', en: 'hearing and playing with the sounds of language' },
  },
  {
    term: 'begreppsförmåga',
    pattern: '(?:begrepps|procedur|metod|resonemangs|kommunikations)förmåga(?:n)?',
    paraphrase: {
      sv: 'förmågan att förstå och använda ämnets ord och metoder',
      en: "the ability to understand and use the subject's words and methods",
    },
  },
  {
    term: 'måluppfyllelse',
    pattern: 'måluppfyllelse(?:n)?',
    paraphrase: { sv: 'hur väl eleven når målen', en: 'how well the pupil reaches the goals' },
  },
  {
    term: 'lärmiljö',
    pattern: 'lärmiljö(?:n|er)?|lärandemiljö(?:n|er)?',
    paraphrase: {
      sv: 'hur klassrummet och undervisningen är ordnade',
      en: 'how the classroom and teaching are arranged',
    },
  },
];
