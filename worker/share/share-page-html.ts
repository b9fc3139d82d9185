import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
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
  expiresAt: string;
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

export function shareGonePage(lang: ShareLang, kind: 'notFound' | 'expired' | 'revoked' | 'tooManyTries') {
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
