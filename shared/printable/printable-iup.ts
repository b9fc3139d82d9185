import type { IupSections } from '../schemas/iup';
import type { Agreement } from '../schemas/meeting';
import type { IupTemplate, SectionKind } from '../schemas/template';
import { subjectName } from '../schemas/subjects';
import { withoutRefusedCharacters } from '../schemas/text-rules';
import { GLOSSARY } from '../wording/glossary';
import { VALUE_WORDS } from './value-words';

type Lang = 'sv' | 'en';

export interface PrintableItem {
  /** A subject, a party ("Skolan", "Eleven") or null for running text. */
  label: string | null;
  /** The omdöme scale value in words, when the school uses a scale. */
  scale: string | null;
  text: string;
}

export interface PrintableSection {
  kind: SectionKind;
  heading: string;
  items: PrintableItem[];
}

export interface PrintableIup {
  lang: Lang;
  title: string;
  /** "Saga Lind, årskurs 3, läsår 2026/27" */
  subtitle: string;
  schoolName: string;
  sections: PrintableSection[];
  glossary: { term: string; explanation: string }[];
}

export interface PrintableInput {
  lang: Lang;
  schoolName: string;
  /** `arskurs` is null when printed offline from the extension's cache, which keeps no årskurs. */
  pupil: { firstName: string; lastName: string; arskurs: number | null };
  schoolYear: string;
  sections: IupSections;
  template: IupTemplate;
  /** The agreements of the samtal of record (`agreementsOfRecord`); null: the IUP's own old text. */
  samtalAgreements?: readonly Agreement[] | null;
}

const PARTIES = {
  school: { sv: 'Skolan', en: 'The school' },
  pupil: { sv: 'Eleven', en: 'The pupil' },
  guardians: { sv: 'Vårdnadshavarna', en: 'The guardians' },
} as const;

/** Subject names are lower case in running Swedish; as a heading they start with a capital. */
const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
const wordAt = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})`, 'u');

function items(
  kind: SectionKind,
  s: IupSections,
  t: IupTemplate,
  lang: Lang,
  samtalAgreements: readonly Agreement[] | null,
): PrintableItem[] {
  const parties = (o: Record<keyof typeof PARTIES, string>) =>
    (Object.keys(PARTIES) as (keyof typeof PARTIES)[])
      .filter((k) => o[k].trim())
      .map((k) => ({ label: PARTIES[k][lang], scale: null, text: o[k].trim() }));
  switch (kind) {
    case 'omdomen': {
      // In the template's subject order, so every pupil's paper reads the same way.
      const order = new Map(t.subjects.map((code, i) => [code, i]));
      return s.omdomen
        .filter((o) => o.text.trim() || (o.scale !== null && o.scale !== undefined))
        .sort((a, b) => (order.get(a.subject) ?? 99) - (order.get(b.subject) ?? 99))
        .map((o) => ({
          label: capitalise(subjectName(o.subject, lang)),
          scale:
            t.scale && o.scale !== null && o.scale !== undefined
              ? t.scale.labels[String(o.scale) as '-1' | '0' | '1' | '2'][lang]
              : null,
          text: o.text.trim(),
        }));
    }
    case 'social':
      return s.social?.trim() ? [{ label: null, scale: null, text: s.social.trim() }] : [];
    case 'pupil-voice':
      return s.pupilVoice.trim() ? [{ label: null, scale: null, text: s.pupilVoice.trim() }] : [];
    case 'planning':
      return parties(s.planning);
    case 'agreements':
      // One agreement per line, by party, as they were made at the samtal.
      return samtalAgreements
        ? (Object.keys(PARTIES) as (keyof typeof PARTIES)[]).flatMap((party) =>
            samtalAgreements
              .filter((a) => a.party === party)
              .map((a) => ({ label: PARTIES[party][lang], scale: null, text: a.text.trim() })),
          )
        : parties(s.agreements);
  }
}

/**
 * The IUP as pupils and guardians read it: the school's template order and headings, only what
 * has been written, and a short glossary of the school words that appear (the criteria's value
 * words only where the plan uses them as value words). Pure, so the share page (server) and the print page (extension) show the same.
 */
export function printableIup(input: PrintableInput): PrintableIup {
  const { lang, template } = input;
  const sections = template.sections
    // Text stored before today's input rules may hold a direction override; it never reaches paper.
    .map((sec) => ({
      kind: sec.kind,
      heading: sec.title[lang],
      items: items(sec.kind, input.sections, template, lang, input.samtalAgreements ?? null).map((i) => ({
        ...i,
        text: withoutRefusedCharacters(i.text),
      })),
    }))
    .filter((sec) => sec.items.length > 0);
  const text = sections
    .flatMap((s) => s.items.map((i) => i.text))
    .join('\n')
    .toLowerCase();
  const glossary = [
    // Only the words the plan uses, in their sense as value words; a word it does not use is noise.
    ...VALUE_WORDS.filter((w) => wordAt(w.pattern).test(text)).map((w) => ({
      term: w.term,
      explanation: w.explanation[lang],
    })),
    ...GLOSSARY.filter((g) => wordAt(g.pattern).test(text)).map((g) => ({
      term: g.term,
      explanation: g.paraphrase[lang],
    })),
  ];
  const p = input.pupil;
  const year =
    p.arskurs === null
      ? null
      : lang === 'sv'
        ? p.arskurs === 0
          ? 'förskoleklass'
          : `årskurs ${p.arskurs}`
        : p.arskurs === 0
          ? 'preschool class'
          : `year ${p.arskurs}`;
  return {
    lang,
    title: lang === 'sv' ? 'Individuell utvecklingsplan' : 'Individual development plan',
    subtitle: [
      withoutRefusedCharacters(`${p.firstName} ${p.lastName}`),
      year,
      `${lang === 'sv' ? 'läsår' : 'school year'} ${input.schoolYear}`,
    ]
      .filter(Boolean)
      .join(', '),
    schoolName: input.schoolName,
    sections,
    glossary,
  };
}
