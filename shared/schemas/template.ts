import { z } from 'zod';
import { Subject } from './subjects';

const Localised = z.object({ sv: z.string().min(1).max(500), en: z.string().min(1).max(500) });

export const SectionKind = z.enum(['omdomen', 'social', 'planning', 'pupil-voice', 'agreements']);
export type SectionKind = z.infer<typeof SectionKind>;

export const TemplateSection = z.object({
  kind: SectionKind,
  title: Localised,
  prompts: z.array(Localised).max(20),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

/**
 * The school's optional omdöme scale. Values follow PING PONG's Omdöme API encoding:
 * -1 omdöme saknas, 0 not yet acceptable, 1 acceptable, 2 more than acceptable.
 */
export const ScaleValue = z.union([z.literal(-1), z.literal(0), z.literal(1), z.literal(2)]);
export type ScaleValue = z.infer<typeof ScaleValue>;

export const Scale = z.object({
  labels: z.object({ '-1': Localised, '0': Localised, '1': Localised, '2': Localised }),
});

/** The rektor decides the IUP's form, so the template is per school with a good default. */
export const IupTemplate = z.object({
  subjects: z.array(Subject).min(1).max(40),
  scale: Scale.nullable(),
  sections: z.array(TemplateSection).min(1).max(10),
});
export type IupTemplate = z.infer<typeof IupTemplate>;
