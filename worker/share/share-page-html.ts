import { html } from 'hono/html';
import { readAloudTag } from './read-aloud';
import type { HtmlEscapedString } from 'hono/utils/html';
import { formatSamtalTime } from '../../shared/samtal/format-time';
import { printableIup } from '../../shared/printable/printable-iup';
import { PRINT_CSS } from '../../shared/printable/print-css';
import { withoutRefusedCharacters } from '../../shared/schemas/text-rules';
import { SHARE_COMMENT_MAX, type ShareCommentAuthor } from '../../shared/schemas/share';
import type { SharedIup } from '../repositories/share-links';
import { SHARE_STRINGS, type ShareLang } from './strings';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageState {
  /** Which section was just saved, or the problem with what was sent (the typed text is kept). */
  saved?: ShareCommentAuthor;
  error?: { section: ShareCommentAuthor | null; message: string; text?: string };
  /** The outcome of a booking form: done, or why not (the time list is fresh either way). */
  booking?: { notice: 'booked' | 'cancelled' } | { error: string };
  /** Whose preparation answers were just saved, or why not. */
  preparation?: { saved: 'pupil' | 'guardians' } | { error: string };
  /** The outcome of the acknowledgement form. */
  acknowledgement?: { notice: true } | { error: string };
  expiresAt: string;
  /** The link's own token, for the calendar file's address. */
  token: string;
}

const longDate = (lang: ShareLang, iso: string) =>
  new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Stockholm',
  }).format(Date.parse(iso));

/** A face for a step of the three-step scale: drawn here, so it needs no image or script. */
const face = (step: number) => {
  const mouth = step === 0 ? 'M8 15 Q12 19 16 15' : step === 1 ? 'M8 16 L16 16' : 'M8 17 Q12 13 16 17';
  const fill = step === 0 ? '#b2f2bb' : step === 1 ? '#ffec99' : '#ffc9c9';
  return html`<svg class="face" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <circle cx="12" cy="12" r="11" fill="${fill}" stroke="#1a1a1a" stroke-width="1.2" />
    <circle cx="8.5" cy="9.5" r="1.3" fill="#1a1a1a" />
    <circle cx="15.5" cy="9.5" r="1.3" fill="#1a1a1a" />
    <path d="${mouth}" fill="none" stroke="#1a1a1a" stroke-width="1.5" stroke-linecap="round" />
  </svg>`;
};

/** The preparation questions, one form for the pupil and one for the guardians, with earlier answers. */
function preparationSection(lang: ShareLang, data: SharedIup, state: PageState) {
  const s = SHARE_STRINGS[lang];
  const { questions, answers } = data.preparation;
  const outcome = state.preparation;
  const form = (author: 'pupil' | 'guardians') => {
    const asked = questions.filter((q) => q.audience === author);
    if (asked.length === 0) return '';
    const given = answers.find((a) => a.author === author)?.answers ?? {};
    return html`<form method="post" action="" class="prepare-form">
      <input type="hidden" name="action" value="prepare" />
      <input type="hidden" name="author" value="${author}" />
      <h3>${author === 'pupil' ? s.preparePupil : s.prepareGuardians}</h3>
      ${
        outcome && 'saved' in outcome && outcome.saved === author
          ? html`<p class="notice" role="status">${s.prepared}</p>`
          : ''
      }
      ${asked.map((q) => {
        const id = `${author}-${q.id}`;
        const a = given[q.id];
        // The youngest answer with an adult: each question can be read aloud by the browser.
        const speak =
          data.preparation.variant === 'childFriendly'
            ? html`<button type="button" class="speak" data-speak="${q.text[lang]}" hidden>
                ${s.readAloud}<span class="visually-hidden">: ${q.text[lang]}</span>
              </button>`
            : '';
        return q.kind === 'scale'
          ? html`<fieldset class="scale">
              <legend>${q.text[lang]}</legend>
              ${speak}
              ${[0, 1, 2].map(
                (step) =>
                  html`<label for="${id}-${step}"
                    ><input
                      type="radio"
                      id="${id}-${step}"
                      name="scale:${q.id}"
                      value="${step}"
                      ${a?.scale === step ? 'checked' : ''}
                    />${face(step)} ${s.scaleWords[step]}</label
                  >`,
              )}
            </fieldset>`
          : html`<label for="${id}">${q.text[lang]}</label>
              ${speak}
              <textarea id="${id}" name="text:${q.id}" maxlength="1000">${a?.text ?? ''}</textarea>`;
      })}
      <button type="submit">${s.prepareSave}</button>
    </form>`;
  };
  return html`<section class="preparation no-print" aria-labelledby="sec-preparation">
    <h2 id="sec-preparation">${s.prepareHeading}</h2>
    <p>${s.prepareIntro}</p>
    ${outcome && 'error' in outcome ? html`<p class="error" role="alert">${outcome.error}</p>` : ''} ${form('pupil')}
    ${form('guardians')} ${data.preparation.variant === 'childFriendly' ? readAloudTag() : ''}
  </section>`;
}

/** The latest samtal's agreements per party, who has confirmed, and the confirmation form. */
function agreementsSection(lang: ShareLang, data: SharedIup, state: PageState) {
  const s = SHARE_STRINGS[lang];
  const a = data.agreements;
  if (!a) return '';
  const outcome = state.acknowledgement;
  const parties = [
    ['school', s.partySchool],
    ['pupil', s.partyPupil],
    ['guardians', s.partyGuardians],
  ] as const;
  return html`<section class="agreements no-print" aria-labelledby="sec-samtal-agreements">
    <h2 id="sec-samtal-agreements">${s.agreementsHeading(longDate(lang, a.startsAt))}</h2>
    ${outcome && 'error' in outcome ? html`<p class="error" role="alert">${outcome.error}</p>` : ''}
    ${outcome && 'notice' in outcome ? html`<p class="notice" role="status">${s.acknowledged}</p>` : ''}
    ${parties.map(([party, label]) => {
      const items = a.agreements.filter((x) => x.party === party);
      return items.length
        ? html`<h3>${label}</h3>
            <ul>
              ${items.map((x) => html`<li>${x.text}</li>`)}
            </ul>`
        : '';
    })}
    ${a.confirmed.map((c) => html`<p class="hint">${s.confirmedBy(c.who, longDate(lang, c.at))}</p>`)}
    <form method="post" action="">
      <input type="hidden" name="action" value="acknowledge" />
      <fieldset class="times">
        <legend>${s.ackWho}</legend>
        <label for="ack-pupil"><input type="radio" id="ack-pupil" name="who" value="pupil" /> ${s.ackPupil}</label>
        <label for="ack-guardian"
          ><input type="radio" id="ack-guardian" name="who" value="guardian" /> ${s.ackGuardian}</label
        >
      </fieldset>
      <label for="ack-comment">${s.ackComment}</label>
      <textarea id="ack-comment" name="comment" maxlength="1000" aria-describedby="ack-hint"></textarea>
      <p class="hint" id="ack-hint">${s.ackNotSignature}</p>
      <button type="submit">${s.ackButton}</button>
    </form>
  </section>`;
}

function samtalSection(lang: ShareLang, data: SharedIup, state: PageState) {
  const s = SHARE_STRINGS[lang];
  const { booking, freeTimes, cutoffHours } = data.samtal;
  const outcome = state.booking;
  const canChoose = booking === null || booking.changeable;
  const interpreterOffered = freeTimes.some((t) => t.interpreterAvailable);
  return html`<section class="samtal no-print" aria-labelledby="sec-samtal">
    <h2 id="sec-samtal">${s.samtalHeading}</h2>
    ${outcome && 'error' in outcome ? html`<p class="error" role="alert">${outcome.error}</p>` : ''}
    ${outcome && 'notice' in outcome ? html`<p class="notice" role="status">${s[outcome.notice]}</p>` : ''}
    ${
      booking
        ? html`<h3>${s.yourTime}</h3>
            <p class="booked-time">
              <strong>${formatSamtalTime(lang, booking.startsAt, booking.durationMinutes)}</strong>
            </p>
            ${booking.place ? html`<p>${s.place}: ${booking.place}</p>` : ''}
            ${booking.interpreterLanguage ? html`<p>${s.interpreterBooked(booking.interpreterLanguage)}</p>` : ''}
            <p>
              <a class="button" href="${state.token}/samtal.ics${lang === 'en' ? '?lang=en' : ''}"
                >${s.addToCalendar}</a
              >
            </p>
            ${
              booking.changeable
                ? html`<p class="hint">${s.changeHint(cutoffHours)}</p>
                    <form method="post" action="">
                      <input type="hidden" name="action" value="cancel" />
                      <button type="submit">${s.cancel}</button>
                    </form>`
                : html`<p class="hint">${s.cannotChange}</p>`
            }`
        : ''
    }
    ${
      canChoose
        ? freeTimes.length
          ? html`<form method="post" action="">
              <input type="hidden" name="action" value="book" />
              <fieldset class="times">
                <legend>${s.freeTimes}</legend>
                ${booking ? '' : html`<p class="hint">${s.chooseHint(cutoffHours)}</p>`}
                ${freeTimes.map(
                  (t, i) =>
                    html`<label for="time-${i}"
                      ><input type="radio" id="time-${i}" name="timeId" value="${t.id}" />
                      <span>${formatSamtalTime(lang, t.startsAt, t.durationMinutes)} · ${t.place}</span></label
                    >`,
                )}
              </fieldset>
              ${
                interpreterOffered
                  ? html`<label class="check" for="interpreter"
                        ><input type="checkbox" id="interpreter" name="interpreter" value="yes" />
                        ${s.interpreterNeeded}</label
                      >
                      <label for="language">${s.interpreterLanguage}</label>
                      <input
                        type="text"
                        id="language"
                        name="language"
                        maxlength="60"
                        autocomplete="off"
                        aria-describedby="language-hint"
                      />
                      <p class="hint" id="language-hint">${s.interpreterHint}</p>`
                  : ''
              }
              <button type="submit">${booking ? s.rebook : s.book}</button>
            </form>`
          : booking
            ? ''
            : html`<p>${s.noTimes}</p>`
        : ''
    }
  </section>`;
}

// Every interpolation below goes through hono/html's escaping: pupil, teacher and guardian text
// is only ever text on this page.
const shell = (lang: ShareLang, title: string, body: Html) =>
  html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${title}</title>
        <style>
          ${PRINT_CSS}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;

export function shareGonePage(
  lang: ShareLang,
  kind: 'notFound' | 'expired' | 'revoked' | 'tooManyTries' | 'noBooking',
) {
  const s = SHARE_STRINGS[lang];
  const title = s[`${kind}Title`];
  return shell(
    lang,
    title,
    html`<nav class="lang" aria-label="Språk / Language">
        <a href="?lang=${s.otherLang}" lang="${s.otherLang}">${s.otherLanguage}</a>
      </nav>
      <h1>${title}</h1>
      <p>${s[kind]}</p>`,
  );
}

export function sharePage(lang: ShareLang, data: SharedIup, state: PageState) {
  const s = SHARE_STRINGS[lang];
  const doc = data.sections
    ? printableIup({
        lang,
        schoolName: data.schoolName,
        pupil: data.pupil,
        schoolYear: data.schoolYear,
        sections: data.sections,
        template: data.template,
        samtalAgreements: data.samtalAgreements,
      })
    : null;
  const title = lang === 'sv' ? 'Individuell utvecklingsplan' : 'Individual development plan';
  const subtitle = doc?.subtitle ?? `${data.pupil.firstName} ${data.pupil.lastName}, ${data.schoolYear}`;
  const until = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Stockholm',
  }).format(new Date(Date.parse(state.expiresAt) - 1));
  const comment = (author: ShareCommentAuthor) => {
    const id = `comment-${author}`;
    const err = state.error?.section === author ? state.error : null;
    const value = withoutRefusedCharacters(err?.text ?? data.comments.find((c) => c.author === author)?.text ?? '');
    return html`<form method="post" action="">
      <input type="hidden" name="section" value="${author}" />
      <label for="${id}">${author === 'pupil' ? s.pupilLabel : s.guardiansLabel}</label>
      ${err ? html`<p class="error" id="${id}-error" role="alert">${err.message}</p>` : ''}
      ${state.saved === author ? html`<p class="notice" role="status">${s.saved}</p>` : ''}
      <textarea
        id="${id}"
        name="text"
        maxlength="${SHARE_COMMENT_MAX}"
        aria-describedby="${id}-hint${err ? ` ${id}-error` : ''}"
      >
${value}</textarea>
      <p class="hint" id="${id}-hint">${s.limitHint(SHARE_COMMENT_MAX)}</p>
      <button type="submit">${s.save}</button>
    </form>`;
  };
  return shell(
    lang,
    `${title} – ${data.pupil.firstName} ${data.pupil.lastName}`,
    html` <nav class="lang" aria-label="Språk / Language">
        <a href="?lang=${s.otherLang}" lang="${s.otherLang}">${s.otherLanguage}</a>
      </nav>
      <header class="iup-head">
        <h1>${title}</h1>
        <p class="meta">${subtitle} · ${data.schoolName}</p>
      </header>
      ${state.error && state.error.section === null ? html`<p class="error" role="alert">${state.error.message}</p>` : ''}
      ${samtalSection(lang, data, state)} ${agreementsSection(lang, data, state)}
      ${preparationSection(lang, data, state)}
      ${
        doc && doc.sections.length
          ? doc.sections.map(
              (sec) =>
                html`<section aria-labelledby="sec-${sec.kind}">
                  <h2 id="sec-${sec.kind}">${sec.heading}</h2>
                  ${sec.items.map(
                    (item) =>
                      html`<div class="item">
                        ${item.label ? html`<h3>${item.label}</h3>` : ''}${item.scale ? html`<p class="scale">${item.scale}</p>` : ''}
                        <p>${item.text}</p>
                      </div>`,
                  )}
                </section>`,
            )
          : html`<p>${s.nothingYet}</p>`
      }
      ${
        doc
          ? html`<section aria-labelledby="sec-glossary">
              <h2 id="sec-glossary">${s.glossary}</h2>
              <dl class="glossary">
                ${doc.glossary.map(
                  (g) =>
                    html`<dt>${g.term}</dt>
                      <dd>${g.explanation}</dd>`,
                )}
              </dl>
            </section>`
          : ''
      }
      <section class="prepare no-print" aria-labelledby="sec-prepare">
        <h2 id="sec-prepare">${s.prepare}</h2>
        <p>${s.prepareHint}</p>
        ${comment('pupil')} ${comment('guardians')}
      </section>
      <p class="hint no-print">${s.printHint} ${s.validUntil(until)}</p>`,
  );
}
