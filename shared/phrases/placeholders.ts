import type { Pronoun } from '../schemas/pupil';

/** The placeholders a phrase may contain. `{hen}` subject, `{honom}` object, `{hens}` possessive. */
export const PLACEHOLDERS = ['namn', 'hen', 'honom', 'hens'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const FORMS: Record<Exclude<Pronoun, 'none'>, Record<Exclude<Placeholder, 'namn'>, string>> = {
  han: { hen: 'han', honom: 'honom', hens: 'hans' },
  hon: { hen: 'hon', honom: 'henne', hens: 'hennes' },
  hen: { hen: 'hen', honom: 'hen', hens: 'hens' },
};

export interface PlaceholderPupil {
  firstName: string;
  /** Stored per pupil; never guessed from the name. */
  pronoun: Pronoun;
}

/**
 * Fill `{namn}`, `{hen}`, `{honom}`, `{hens}` from the chosen pupil. Without a pupil, or without a
 * stored pronoun, the placeholder stays in the text, visibly, for the teacher to fill in.
 * A placeholder at the start of a sentence keeps its capital ("{Hen}" → "Hon").
 *
 * @example fillPlaceholders('{namn} läser med {hens} klass.', { firstName: 'Saga', pronoun: 'hon' })
 *          // 'Saga läser med hennes klass.'
 */
export function fillPlaceholders(text: string, pupil: PlaceholderPupil | null): string {
  return text.replace(/\{(namn|hen|honom|hens)\}/gi, (whole, raw: string) => {
    const key = raw.toLowerCase() as Placeholder;
    let value: string | undefined;
    if (key === 'namn') value = pupil?.firstName;
    else if (pupil && pupil.pronoun !== 'none') value = FORMS[pupil.pronoun][key];
    if (value === undefined) return whole;
    const capital = raw[0] !== raw[0]!.toLowerCase();
    return capital ? value[0]!.toUpperCase() + value.slice(1) : value;
  });
}

/** Placeholders still left in a text, so the UI can point them out. */
export function remainingPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{(namn|hen|honom|hens)\}/gi)].map((m) => m[0]);
}
