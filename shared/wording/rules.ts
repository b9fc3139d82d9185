/** The wording rules ("sakligt språk", see shared/README.md), with the explanation a teacher sees. */

export const WORDING_RULES = ['label', 'comparison', 'absolute', 'jargon', 'no-next-step', 'sensitive'] as const;
export type WordingRule = (typeof WORDING_RULES)[number];

export interface Bilingual {
  sv: string;
  en: string;
}

export const RULE_EXPLANATIONS: Record<WordingRule, Bilingual> = {
  label: {
    sv: 'Värderar elevens person i stället för vad eleven kan och gör.',
    en: "Judges the pupil's person instead of what the pupil knows and does.",
  },
  comparison: {
    sv: 'Jämför eleven med andra elever. Ett omdöme beskriver eleven i förhållande till målen.',
    en: 'Compares the pupil with other pupils. An omdöme describes the pupil relative to the goals.',
  },
  absolute: {
    sv: 'Ett absolut ord stämmer sällan och låter som en dom.',
    en: 'An absolute word is rarely true and reads as a verdict.',
  },
  jargon: {
    sv: 'Skolord som elev och vårdnadshavare kanske inte förstår.',
    en: 'A school term that pupils and guardians may not understand.',
  },
  'no-next-step': {
    sv: 'Omdömet saknar ett nästa steg: vad eleven ska öva på och hur skolan hjälper till.',
    en: 'The omdöme has no next step: what the pupil should practise and how the school helps.',
  },
  sensitive: {
    sv: 'Integritetskänsligt (hälsa, diagnos, familj). En IUP är en allmän handling – skriv det inte här.',
    en: 'Sensitive (health, diagnosis, family). An IUP is an official document – do not write it here.',
  },
};

export const RULE_SUGGESTIONS: Record<WordingRule, Bilingual> = {
  label: {
    sv: 'Beskriv vad eleven gör eller kan, t.ex. "lämnar in uppgifter med flera räknefel" och vad nästa steg är.',
    en: 'Describe what the pupil does or can do, e.g. "hands in work with several calculation errors", and the next step.',
  },
  comparison: {
    sv: 'Beskriv elevens kunnande i förhållande till målen för årskursen.',
    en: "Describe the pupil's knowledge relative to the goals for the year.",
  },
  absolute: {
    sv: 'Skriv "ofta", "oftast", "sällan" eller "ännu inte".',
    en: 'Write "often", "mostly", "rarely" or "not yet".',
  },
  jargon: { sv: 'Förklara ordet eller skriv med vardagliga ord.', en: 'Explain the term or use everyday words.' },
  'no-next-step': {
    sv: 'Lägg till vad nästa steg är, t.ex. "Nästa steg är att …" och vad skolan och hemmet kan göra.',
    en: 'Add the next step, e.g. "Nästa steg är att …", and what school and home can do.',
  },
  sensitive: {
    sv: 'Ta bort uppgiften. Beskriv i stället vilket stöd eleven får i undervisningen.',
    en: 'Remove it. Describe the support the pupil gets in teaching instead.',
  },
};
