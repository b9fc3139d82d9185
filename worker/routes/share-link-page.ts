import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { InterpreterLanguage } from '../../shared/schemas/samtal';
import { familyBookingCalendar } from '../calendar/ics';
import type { Tx } from '../db/client';
import { familyBook, familyCancel, FamilyBookingError, TimeTakenError } from '../repositories/samtal/bookings';
import { acknowledge } from '../repositories/samtal/acknowledgements';
import { bookingCutoffHours, familyCalendarEntry } from '../repositories/samtal/family';
import { answersFromForm, familyPreparation, savePreparation } from '../repositories/samtal/preparation';
import { bodyLimit } from 'hono/body-limit';
import { withoutRefusedCharacters } from '../../shared/schemas/text-rules';
import { SHARE_COMMENT_MAX, ShareCommentAuthor } from '../../shared/schemas/share';
import type { AppEnv, Deps } from '../context';
import { RateLimitedError } from '../errors';
import type { GuessGuard } from '../middleware/guessing';
import {
  countLinkWrite,
  resolveShareToken,
  viewSharedIup,
  writeShareComment,
  type ResolvedShare,
} from '../repositories/share-links';
import { shareGonePage, sharePage, type PageState } from '../share/share-page-html';
import { READ_ALOUD_HASH } from '../share/read-aloud';
import { SHARE_STRINGS, shareLang, type ShareLang } from '../share/strings';

/**
 * The page behind a share link, for pupils and guardians without an account. The token is the
 * credential, so nothing here is cached, indexed, framed or sent on as a referrer, and the page
 * runs no script at all.
 */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  // The one script allowed is the read-aloud helper, by its hash (worker/share/read-aloud.ts).
  'content-security-policy': `default-src 'none'; script-src 'sha256-${READ_ALOUD_HASH}'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
};

const FORM_FIELDS = new Set(['section', 'text']);

export function sharePageRoutes({ db, clock }: Deps, guesses: GuessGuard) {
  const app = new Hono<AppEnv>();

  const page = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 404 | 409 | 410 | 413 | 429,
    body: Promise<string> | string,
  ): Promise<Response> => c.body(await body, status, PAGE_HEADERS);

  // An unknown address counts as a guess (a link that existed, expired or closed, does not); past
  // the limit the answer is a readable 429 page. A live link always opens.
  const gone = async (c: Context<AppEnv>, lang: ShareLang, r: ResolvedShare) => {
    if (r.state !== 'unknown') return page(c, 410, shareGonePage(lang, r.state === 'expired' ? 'expired' : 'revoked'));
    const now = clock().getTime();
    const token = c.req.param('token') ?? '';
    const wait = await guesses.failed(c, token, now);
    if (wait === 0) return page(c, 404, shareGonePage(lang, 'notFound'));
    c.header('Retry-After', String(wait));
    return page(c, 429, shareGonePage(lang, 'tooManyTries'));
  };

  const show = async (
    c: Context<AppEnv>,
    lang: ShareLang,
    r: Extract<ResolvedShare, { link: unknown }>,
    status: 200 | 400 | 409 | 413 | 429,
    state: Omit<PageState, 'expiresAt' | 'token'>,
  ) =>
    page(
      c,
      status,
      sharePage(lang, await viewSharedIup(db, r.link, clock().toISOString()), {
        ...state,
        expiresAt: r.link.expiresAt,
        token: c.req.param('token') ?? '',
      }),
    );

  app.get('/:token', async (c) => {
    const lang = shareLang(c.req.query('lang'));
    const r = await resolveShareToken(db, c.req.param('token'), clock().toISOString());
    if (r.state !== 'active') return gone(c, lang, r);
    const saved = ShareCommentAuthor.safeParse(c.req.query('saved'));
    const booking = c.req.query('booking');
    const prepared = ShareCommentAuthor.safeParse(c.req.query('prepared'));
    return show(c, lang, r, 200, {
      ...(c.req.query('acknowledged') === '1' ? { acknowledgement: { notice: true as const } } : {}),
      ...(prepared.success ? { preparation: { saved: prepared.data } } : {}),
      ...(saved.success ? { saved: saved.data } : {}),
      ...(booking === 'booked' || booking === 'cancelled' ? { booking: { notice: booking } } : {}),
    });
  });

  // The booked samtal as a calendar file for the family's phone.
  app.get('/:token/samtal.ics', async (c) => {
    const lang = shareLang(c.req.query('lang'));
    const at = clock().toISOString();
    const r = await resolveShareToken(db, c.req.param('token'), at);
    if (r.state !== 'active') return gone(c, lang, r);
    const entry = await familyCalendarEntry(db, r.link, at);
    if (!entry) return page(c, 404, shareGonePage(lang, 'noBooking'));
    return c.body(familyBookingCalendar(entry.booking, entry.schoolName, lang, clock()), 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="utvecklingssamtal.ics"',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
    });
  });

  app.post(
    '/:token',
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text('Texten är för lång. / The text is too long.', 413) }),
    async (c) => {
      const lang = shareLang(c.req.query('lang'));
      const s = SHARE_STRINGS[lang];
      const at = clock().toISOString();
      const r = await resolveShareToken(db, c.req.param('token'), at);
      if (r.state !== 'active') return gone(c, lang, r);
      const form: Record<string, unknown> = await c.req.parseBody().catch(() => ({}));
      if (form.action === 'acknowledge') return acknowledgePost(c, lang, r, form, at);
      if (form.action === 'prepare') return preparePost(c, lang, r, form, at);
      if ('action' in form) return bookingPost(c, lang, r, form, at);
      const section = ShareCommentAuthor.safeParse(form.section);
      const text = typeof form.text === 'string' ? familyText(form.text) : null;
      // Only the two comment sections: any other field (an omdöme, a status, another pupil) is refused whole.
      if (!section.success || text === null || Object.keys(form).some((k) => !FORM_FIELDS.has(k))) {
        return show(c, lang, r, 400, { error: { section: null, message: s.onlyComments } });
      }
      if (text.length > SHARE_COMMENT_MAX) {
        return show(c, lang, r, 413, { error: { section: section.data, message: s.tooLong(SHARE_COMMENT_MAX), text } });
      }
      try {
        await writeShareComment(db, r.link, section.data, text, at);
      } catch (err) {
        if (err instanceof RateLimitedError)
          return show(c, lang, r, 429, { error: { section: section.data, message: s.rateLimited, text } });
        throw err;
      }
      // Post/redirect/get: a reload does not send the text again.
      const params = new URLSearchParams({ saved: section.data, ...(lang === 'en' ? { lang } : {}) });
      return c.redirect(`${c.req.path}?${params}#comment-${section.data}`, 303);
    },
  );

  /**
   * Run a family's write; past the link's write limit the page says so (429) with nothing saved,
   * otherwise post/redirect/get to the part of the page that changed, so a reload sends nothing again.
   */
  const written = async (
    c: Context<AppEnv>,
    lang: ShareLang,
    r: Extract<ResolvedShare, { link: unknown }>,
    part: 'preparation' | 'acknowledgement',
    write: () => Promise<void>,
    done: Record<string, string>,
    anchor: string,
  ): Promise<Response> => {
    try {
      await write();
    } catch (err) {
      if (err instanceof RateLimitedError)
        return show(c, lang, r, 429, { [part]: { error: SHARE_STRINGS[lang].rateLimited } });
      throw err;
    }
    const params = new URLSearchParams({ ...done, ...(lang === 'en' ? { lang } : {}) });
    return c.redirect(`${c.req.path}?${params}#${anchor}`, 303);
  };

  /** One person's preparation answers: only the questions the page asks of that person. */
  const preparePost = async (
    c: Context<AppEnv>,
    lang: ShareLang,
    r: Extract<ResolvedShare, { link: unknown }>,
    form: Record<string, unknown>,
    at: string,
  ): Promise<Response> => {
    const s = SHARE_STRINGS[lang];
    const author = ShareCommentAuthor.safeParse(form.author);
    const { questions } = await familyPreparation(db, r.link);
    const answers = author.success ? answersFromForm(form, questions, author.data) : null;
    if (!author.success || !answers) return show(c, lang, r, 400, { preparation: { error: s.prepareInvalid } });
    for (const a of Object.values(answers)) a.text = familyText(a.text);
    return written(
      c,
      lang,
      r,
      'preparation',
      () => savePreparation(db, r.link, author.data, answers, at, (tx) => countLinkWrite(tx, r.link, at)),
      { prepared: author.data },
      'sec-preparation',
    );
  };

  /** "Vi har tagit del av överenskommelserna": who confirms, and an optional comment for the teacher. */
  const acknowledgePost = async (
    c: Context<AppEnv>,
    lang: ShareLang,
    r: Extract<ResolvedShare, { link: unknown }>,
    form: Record<string, unknown>,
    at: string,
  ): Promise<Response> => {
    const s = SHARE_STRINGS[lang];
    const parsed = AckForm.safeParse(form);
    if (!parsed.success) return show(c, lang, r, 400, { acknowledgement: { error: s.ackChooseWho } });
    const comment = familyText(parsed.data.comment ?? '');
    return written(
      c,
      lang,
      r,
      'acknowledgement',
      () => acknowledge(db, r.link, parsed.data.who, comment, at, (tx) => countLinkWrite(tx, r.link, at)),
      { acknowledged: '1' },
      'sec-samtal-agreements',
    );
  };

  /** The booking form: book or rebook a free time, or cancel, each through the link's own pupil only. */
  const bookingPost = async (
    c: Context<AppEnv>,
    lang: ShareLang,
    r: Extract<ResolvedShare, { link: unknown }>,
    form: Record<string, unknown>,
    at: string,
  ): Promise<Response> => {
    const s = SHARE_STRINGS[lang];
    const parsed = BookingForm.safeParse(form);
    if (!parsed.success) return show(c, lang, r, 400, { booking: { error: s.bookingOnly } });
    const f = parsed.data;
    // Only the cut-off is needed here; the free times are read again inside the booking's transaction.
    const cutoffHours = await bookingCutoffHours(db, r.link);
    const count = (tx: Tx) => countLinkWrite(tx, r.link, at);
    try {
      if (f.action === 'cancel') await familyCancel(db, r.link, at, cutoffHours, count);
      else {
        if (!f.timeId) return show(c, lang, r, 400, { booking: { error: s.chooseTime } });
        const language = f.interpreter === 'yes' ? withoutRefusedCharacters(f.language ?? '').trim() : '';
        if (f.interpreter === 'yes' && !InterpreterLanguage.safeParse(language).success)
          return show(c, lang, r, 400, { booking: { error: s.languageMissing } });
        await familyBook(db, r.link, f.timeId, language || null, at, cutoffHours, count);
      }
    } catch (err) {
      if (err instanceof TimeTakenError) return show(c, lang, r, 409, { booking: { error: s.taken } });
      if (err instanceof FamilyBookingError) {
        const message =
          err.refusal === 'too-late'
            ? s.tooLate(cutoffHours)
            : err.refusal === 'fixed-by-teacher'
              ? s.fixedByTeacher
              : s.notOffered;
        return show(c, lang, r, 409, { booking: { error: message } });
      }
      if (err instanceof RateLimitedError) return show(c, lang, r, 429, { booking: { error: s.rateLimited } });
      throw err;
    }
    const params = new URLSearchParams({
      booking: f.action === 'cancel' ? 'cancelled' : 'booked',
      ...(lang === 'en' ? { lang } : {}),
    });
    return c.redirect(`${c.req.path}?${params}#sec-samtal`, 303);
  };
  return app;
}

/** What a family typed, as it is stored: browser line ends (CRLF) as \n, no refused characters, trimmed. */
const familyText = (text: string) => withoutRefusedCharacters(text.replace(/\r\n/g, '\n')).trim();

/** Exactly the acknowledgement form's fields. */
const AckForm = z
  .object({
    action: z.literal('acknowledge'),
    who: z.enum(['pupil', 'guardian']),
    comment: z.string().max(1000).optional(),
  })
  .strict();

/** Exactly the booking form's fields; anything else is refused whole. */
const BookingForm = z
  .object({
    action: z.enum(['book', 'cancel']),
    timeId: z.uuid().optional(),
    interpreter: z.literal('yes').optional(),
    language: z.string().max(200).optional(),
  })
  .strict();
