import type { IupSections } from '../schemas/iup';
import type { ScaleValue } from '../schemas/template';
import type { IupTemplate, SectionKind } from '../schemas/template';

/** One text the teacher writes: an omdöme per subject, social development, or one party's part. */
export interface SectionField {
  key: string;
  section: SectionKind;
  subject?: string;
  party?: 'school' | 'pupil' | 'guardians';
}

const PARTIES = ['school', 'pupil', 'guardians'] as const;

/** The fields of the school's template, in its order. Subjects come from the template. */
export function sectionFields(template: IupTemplate): SectionField[] {
  const out: SectionField[] = [];
  for (const s of template.sections) {
    if (s.kind === 'omdomen')
      for (const subject of template.subjects) out.push({ key: `omdome:${subject}`, section: s.kind, subject });
    else if (s.kind === 'social') out.push({ key: 'social', section: s.kind });
    else if (s.kind === 'pupil-voice') out.push({ key: 'pupilVoice', section: s.kind });
    else for (const party of PARTIES) out.push({ key: `${s.kind}.${party}`, section: s.kind, party });
  }
  return out;
}

export function fieldText(sections: IupSections, key: string): string {
  if (key.startsWith('omdome:')) return sections.omdomen.find((o) => o.subject === key.slice(7))?.text ?? '';
  if (key === 'social') return sections.social ?? '';
  if (key === 'pupilVoice') return sections.pupilVoice;
  const [section, party] = key.split('.') as ['planning' | 'agreements', (typeof PARTIES)[number]];
  return sections[section]?.[party] ?? '';
}

/** A copy of `sections` with one field's text replaced; an emptied omdöme is dropped. */
export function withFieldText(sections: IupSections, key: string, text: string): IupSections {
  if (key.startsWith('omdome:')) {
    const subject = key.slice(7);
    const existing = sections.omdomen.find((o) => o.subject === subject);
    const omdomen = existing
      ? sections.omdomen
          .map((o) => (o.subject === subject ? { ...o, text } : o))
          .filter((o) => o.text !== '' || o.scale !== null)
      : text === ''
        ? sections.omdomen
        : [...sections.omdomen, { subject, text, scale: null }];
    return { ...sections, omdomen };
  }
  if (key === 'social') return { ...sections, social: text === '' ? null : text };
  if (key === 'pupilVoice') return { ...sections, pupilVoice: text };
  const [section, party] = key.split('.') as ['planning' | 'agreements', (typeof PARTIES)[number]];
  return { ...sections, [section]: { ...sections[section], [party]: text } };
}

/** Fields whose text differs between two versions: what a conflict view shows side by side. */
export function differingFields(a: IupSections, b: IupSections, fields: readonly SectionField[]): SectionField[] {
  return fields.filter(
    (f) => fieldText(a, f.key) !== fieldText(b, f.key) || fieldScale(a, f.key) !== fieldScale(b, f.key),
  );
}

/** The optional scale value of a subject's omdöme (null: not set). */
export function fieldScale(sections: IupSections, key: string): ScaleValue | null {
  return key.startsWith('omdome:') ? (sections.omdomen.find((o) => o.subject === key.slice(7))?.scale ?? null) : null;
}

export function withFieldScale(sections: IupSections, key: string, scale: ScaleValue | null): IupSections {
  if (!key.startsWith('omdome:')) return sections;
  const subject = key.slice(7);
  const existing = sections.omdomen.find((o) => o.subject === subject);
  const omdomen = existing
    ? sections.omdomen
        .map((o) => (o.subject === subject ? { ...o, scale } : o))
        .filter((o) => o.text !== '' || o.scale !== null)
    : scale === null
      ? sections.omdomen
      : [...sections.omdomen, { subject, text: '', scale }];
  return { ...sections, omdomen };
}
