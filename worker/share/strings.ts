/** The share page's words. Guardians read it without the extension, so it carries its own. */
export const SHARE_STRINGS = {
  sv: {
    otherLanguage: 'In English',
    otherLang: 'en',
    notFoundTitle: 'Länken finns inte',
    notFound: 'Den här länken finns inte. Kontrollera att hela adressen kom med, eller be läraren om en ny länk.',
    expiredTitle: 'Länken har gått ut',
    expired: 'Länken gäller inte längre. Be läraren om en ny länk om ni vill läsa planen igen.',
    revokedTitle: 'Länken är stängd',
    revoked: 'Skolan har stängt den här länken. Be läraren om en ny länk om ni behöver den.',
    tooManyTriesTitle: 'För många försök',
    tooManyTries:
      'Många adresser som inte finns har prövats härifrån. Vänta en kvart och försök igen, eller be läraren om länken på nytt.',
    nothingYet: 'Läraren har inte skrivit något i planen ännu.',
    glossary: 'Ord som används i planen',
    prepare: 'Inför samtalet',
    prepareHint:
      'Skriv gärna vad ni vill prata om på utvecklingssamtalet. Bara elevens lärare ser det. Ni kan ändra texten fram till samtalet.',
    pupilLabel: 'Det här vill jag prata om (eleven)',
    guardiansLabel: 'Det här vill vi prata om (vårdnadshavare)',
    limitHint: (max: number) => `Högst ${max} tecken.`,
    save: 'Spara',
    saved: 'Sparat. Läraren ser texten inför samtalet.',
    tooLong: (max: number) => `Texten är för lång: högst ${max} tecken. Inget sparades, och texten finns kvar i rutan.`,
    onlyComments: 'Det går bara att skriva i rutorna under "Inför samtalet". Inget sparades.',
    rateLimited:
      'Texten har sparats många gånger den senaste timmen. Vänta en stund och försök igen; texten finns kvar i rutan.',
    printHint: 'Skriv ut eller spara som PDF med webbläsarens utskriftsfunktion (Ctrl+P eller ⌘P).',
    validUntil: (date: string) => `Länken gäller till och med ${date}.`,
  },
  en: {
    otherLanguage: 'På svenska',
    otherLang: 'sv',
    notFoundTitle: 'This link does not exist',
    notFound: 'This link does not exist. Check that the whole address was copied, or ask the teacher for a new link.',
    expiredTitle: 'This link has expired',
    expired: 'The link is no longer valid. Ask the teacher for a new link if you want to read the plan again.',
    revokedTitle: 'This link has been closed',
    revoked: 'The school has closed this link. Ask the teacher for a new one if you need it.',
    tooManyTriesTitle: 'Too many tries',
    tooManyTries:
      'Many addresses that do not exist have been tried from here. Wait a quarter of an hour and try again, or ask the teacher for the link again.',
    nothingYet: 'The teacher has not written anything in the plan yet.',
    glossary: 'Words used in the plan',
    prepare: 'Before the meeting',
    prepareHint:
      'Write what you would like to talk about at the development meeting. Only the pupil’s teachers see it. You can change the text until the meeting.',
    pupilLabel: 'What I want to talk about (pupil)',
    guardiansLabel: 'What we want to talk about (guardians)',
    limitHint: (max: number) => `At most ${max} characters.`,
    save: 'Save',
    saved: 'Saved. The teacher sees the text before the meeting.',
    tooLong: (max: number) =>
      `The text is too long: at most ${max} characters. Nothing was saved, and your text is still in the box.`,
    onlyComments: 'Only the boxes under "Before the meeting" can be written. Nothing was saved.',
    rateLimited:
      'The text has been saved many times in the last hour. Wait a while and try again; your text is still in the box.',
    printHint: 'Print or save as PDF with the browser’s print function (Ctrl+P or ⌘P).',
    validUntil: (date: string) => `The link is valid until ${date}.`,
  },
} as const;

export type ShareLang = keyof typeof SHARE_STRINGS;
export const shareLang = (q: string | undefined): ShareLang => (q === 'en' ? 'en' : 'sv');
