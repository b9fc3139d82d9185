import type { IupTemplate } from '../schemas/template';

/**
 * The template a new school starts with. Prompts follow the formative questions: where is the
 * pupil now relative to the goals, where is the pupil going, how do we get there — and what each
 * party contributes. The rektor can change every part of it.
 */
export const defaultTemplate = (): IupTemplate => ({
  subjects: ['SV', 'MA', 'EN', 'NO', 'SO', 'BL', 'MU', 'IDH', 'SL', 'TK'],
  scale: {
    labels: {
      '-1': { sv: 'Omdöme saknas', en: 'No assessment' },
      '0': { sv: 'Når ännu inte en godtagbar kunskapsnivå', en: 'Not yet at an acceptable level' },
      '1': { sv: 'Godtagbara kunskaper', en: 'Acceptable knowledge' },
      '2': { sv: 'Mer än godtagbara kunskaper', en: 'More than acceptable knowledge' },
    },
  },
  sections: [
    {
      kind: 'omdomen',
      title: { sv: 'Skriftliga omdömen', en: 'Written assessments' },
      prompts: [
        {
          // What Skolverket says an omdöme describes: how far the pupil has come in relation to the
          // teacher's or team's pedagogical planning and the national goals.
          sv: 'Hur långt har eleven kommit i förhållande till den pedagogiska planeringen och målen i ämnet – vad kan och gör eleven?',
          en: "How far has the pupil come in relation to the teaching plan and the subject's goals – what does the pupil know and do?",
        },
        { sv: 'Vad är nästa steg i lärandet?', en: 'What is the next step in the learning?' },
        {
          sv: 'Hur ska eleven ta sig dit, och vad gör skolan för att stödja det?',
          en: 'How will the pupil get there, and how will the school support it?',
        },
      ],
    },
    {
      kind: 'social',
      title: { sv: 'Social utveckling', en: 'Social development' },
      prompts: [
        {
          sv: 'Beskriv vad eleven gör i samarbete och samspel med andra, inte hur eleven är.',
          en: 'Describe what the pupil does when working with others, not what the pupil is like.',
        },
      ],
    },
    {
      kind: 'planning',
      title: { sv: 'Framåtsyftande planering', en: 'Forward-looking plan' },
      prompts: [
        {
          sv: 'Vad gör skolan? Konkreta insatser, vem och när.',
          en: 'What will the school do? Concrete measures, who and when.',
        },
        { sv: 'Vad kan eleven göra och ta ansvar för?', en: 'What can the pupil do and take responsibility for?' },
        { sv: 'Hur kan vårdnadshavarna stötta?', en: 'How can the guardians support?' },
      ],
    },
    {
      kind: 'pupil-voice',
      title: { sv: 'Elevens röst', en: "The pupil's voice" },
      prompts: [
        {
          sv: 'Vad tycker eleven att hen kan bra? Vad vill eleven bli bättre på?',
          en: 'What does the pupil think they do well? What do they want to improve?',
        },
      ],
    },
    {
      kind: 'agreements',
      title: { sv: 'Överenskommelser vid samtalet', en: 'Agreements at the samtal' },
      prompts: [
        {
          sv: 'Vem gör vad till nästa samtal: skolan, eleven, vårdnadshavarna?',
          en: 'Who does what before the next samtal: school, pupil, guardians?',
        },
      ],
    },
  ],
});
