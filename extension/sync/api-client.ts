import { type z } from 'zod';
import {
  DeadlineReport,
  ErrorBody,
  IupDocument,
  Me,
  Phrase,
  PhraseImportReport,
  PhraseList,
  PhraseStats,
  PhraseVersionList,
  Pupil,
  PupilList,
  RevisionList,
  RosterImportResult,
  School,
  ShareCommentList,
  Deleted,
  MeetingList,
  ShareLinkCreated,
  ShareLinkList,
  ShareLinkRevoked,
  SimilarPhrases,
  UsageApplied,
  AcknowledgementList,
  ClassView,
  PreparationView,
  Invitation,
  InvitationList,
  Letters,
  Meeting,
  SamtalClasses,
  SamtalTime,
  SamtalTimeList,
  type InvitationMethod,
  type IupSections,
  type IupStatus,
  type Me as MeT,
  type PhraseCreate,
  type PhraseImportRequest,
  type PhrasePatch,
  type RosterImportRequest,
  type MeetingPatch,
  type SamtalPublish,
  type SamtalTimePatch,
  type TeacherBooking,
} from '../../shared/index';

/** A failure talking to the API, with what the teacher should be told. */
export class ApiClientError extends Error {
  constructor(
    readonly kind: 'not-configured' | 'network' | 'unauthorized' | 'http' | 'invalid-response',
    readonly status: number | null,
    message: string,
    /** The API's `error.details`, e.g. the per-row report of a rejected import. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}

export interface ApiClientOptions {
  apiUrl: string;
  token: string;
  fetch?: typeof fetch;
}

/** The extension's view of the API. Responses are parsed with the same zod schemas the API validates with. */
export function apiClient({ apiUrl, token, fetch: fetchImpl = fetch }: ApiClientOptions) {
  async function send(path: string, init: RequestInit): Promise<Response> {
    // Without a server address the path would be fetched from the extension's own origin.
    if (apiUrl === '' || token === '')
      throw new ApiClientError('not-configured', null, 'No server address or key yet.');
    let res: Response;
    try {
      res = await fetchImpl(`${apiUrl}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
      });
    } catch {
      throw new ApiClientError('network', null, 'The server did not answer.');
    }
    // 304 answers a conditional request (If-None-Match): the caller's copy is current.
    if (!res.ok && res.status !== 304) {
      const parsed = ErrorBody.safeParse(await res.json().catch(() => null));
      const message = parsed.success ? parsed.data.error.message : `HTTP ${res.status}`;
      throw new ApiClientError(
        res.status === 401 ? 'unauthorized' : 'http',
        res.status,
        message,
        parsed.success ? parsed.data.error.details : undefined,
      );
    }
    return res;
  }

  async function request<S extends z.ZodType>(path: string, schema: S, init: RequestInit = {}): Promise<z.infer<S>> {
    const res = await send(path, init);
    const body: unknown = await res.json().catch(() => null);
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new ApiClientError('invalid-response', res.status, 'The server answered with something unexpected.');
    return parsed.data;
  }

  return {
    me: (): Promise<MeT> => request('/v1/me', Me),
    school: () => request('/v1/school', School),
    phrases: (since: string | null) =>
      request(`/v1/phrases?limit=1000${since ? `&since=${encodeURIComponent(since)}` : ''}`, PhraseList),
    pupils: () => request('/v1/pupils?limit=1000', PupilList),
    reportUsage: (uses: { id: string; count: number }[]) =>
      request('/v1/phrases/usage', UsageApplied, { method: 'POST', body: JSON.stringify({ uses }) }),
    proposals: () => request('/v1/phrases?status=proposed&limit=1000', PhraseList),
    createPhrase: (phrase: PhraseCreate) =>
      request('/v1/phrases', Phrase, { method: 'POST', body: JSON.stringify(phrase) }),
    updatePhrase: (id: string, patch: PhrasePatch) =>
      request(`/v1/phrases/${id}`, Phrase, { method: 'PATCH', body: JSON.stringify(patch) }),
    similarPhrases: (text: string, excludeId?: string) =>
      request('/v1/phrases/similar', SimilarPhrases, {
        method: 'POST',
        body: JSON.stringify({ text, ...(excludeId ? { excludeId } : {}) }),
      }),
    phraseVersions: (id: string) => request(`/v1/phrases/${id}/versions`, PhraseVersionList),
    phraseStats: (teamId?: string) => request(`/v1/phrases/stats${teamId ? `?teamId=${teamId}` : ''}`, PhraseStats),
    importPhrases: (body: PhraseImportRequest) =>
      request('/v1/phrases/import', PhraseImportReport, { method: 'POST', body: JSON.stringify(body) }),
    importStarterBank: (body: { scope?: 'team' | 'school'; teamId: string | null; dryRun?: boolean }) =>
      request('/v1/phrases/starter-bank', PhraseImportReport, { method: 'POST', body: JSON.stringify(body) }),
    /** The pupil's IUP for a läsår, or null when none exists yet. */
    findIup: async (pupilId: string, schoolYear: string) => {
      try {
        return await request(`/v1/iups?pupilId=${pupilId}&schoolYear=${encodeURIComponent(schoolYear)}`, IupDocument);
      } catch (err) {
        if (err instanceof ApiClientError && err.status === 404) return null;
        throw err;
      }
    },
    createIup: (pupilId: string, schoolYear: string, sections: IupSections) =>
      request('/v1/iups', IupDocument, { method: 'POST', body: JSON.stringify({ pupilId, schoolYear, sections }) }),
    saveIup: (id: string, version: number, change: { sections?: IupSections; status?: IupStatus }) =>
      request(`/v1/iups/${id}`, IupDocument, { method: 'PUT', body: JSON.stringify({ version, ...change }) }),
    iupRevisions: (id: string) => request(`/v1/iups/${id}/revisions`, RevisionList),
    restoreIupRevision: (id: string, version: number, baseVersion: number) =>
      request(`/v1/iups/${id}/revisions/${version}/restore`, IupDocument, {
        method: 'POST',
        body: JSON.stringify({ version: baseVersion }),
      }),
    deadlines: (scope: 'me' | 'team' | 'school', view: 'full' | 'summary') =>
      request(`/v1/deadlines?scope=${scope}&view=${view}`, DeadlineReport),
    /** The report, or `report: null` when the one with `etag` is still current (304). */
    deadlinesIfChanged: async (scope: 'me' | 'team' | 'school', view: 'full' | 'summary', etag: string | null) => {
      const res = await send(`/v1/deadlines?scope=${scope}&view=${view}`, {
        cache: 'no-store',
        headers: etag ? { 'if-none-match': etag } : {},
      });
      if (res.status === 304) return { report: null, etag };
      const parsed = DeadlineReport.safeParse(await res.json().catch(() => null));
      if (!parsed.success)
        throw new ApiClientError('invalid-response', res.status, 'The server answered with something unexpected.');
      return { report: parsed.data, etag: res.headers.get('etag') };
    },
    importRoster: (body: Omit<RosterImportRequest, 'format'>) =>
      request('/v1/roster/import', RosterImportResult, {
        method: 'POST',
        body: JSON.stringify({ format: 'csv', ...body }),
      }),
    shareLinks: (pupilId: string) => request(`/v1/pupils/${pupilId}/share-links`, ShareLinkList),
    createShareLink: (pupilId: string, schoolYear: string, label?: string) =>
      request(`/v1/pupils/${pupilId}/share-links`, ShareLinkCreated, {
        method: 'POST',
        body: JSON.stringify({ schoolYear, ...(label ? { label } : {}) }),
      }),
    revokeShareLink: (id: string) => request(`/v1/share-links/${id}`, ShareLinkRevoked, { method: 'DELETE' }),
    shareComments: (pupilId: string, schoolYear: string) =>
      request(`/v1/pupils/${pupilId}/share-comments?schoolYear=${encodeURIComponent(schoolYear)}`, ShareCommentList),
    pupil: (id: string) => request(`/v1/pupils/${id}`, Pupil),
    samtalClasses: () => request('/v1/samtal/classes', SamtalClasses),
    samtalClass: (groupId: string) => request(`/v1/samtal/classes/${groupId}`, ClassView),
    samtalTimes: (q: { groupId?: string; pupilId?: string } = {}) =>
      request(`/v1/samtal/times?${new URLSearchParams(q)}`, SamtalTimeList),
    publishTimes: (body: SamtalPublish) =>
      request('/v1/samtal/times', SamtalTimeList, { method: 'POST', body: JSON.stringify(body) }),
    updateTime: (id: string, patch: SamtalTimePatch) =>
      request(`/v1/samtal/times/${id}`, SamtalTime, { method: 'PATCH', body: JSON.stringify(patch) }),
    withdrawTime: (id: string) => request(`/v1/samtal/times/${id}`, Deleted, { method: 'DELETE' }),
    book: (body: TeacherBooking) =>
      request('/v1/samtal/bookings', Meeting, { method: 'POST', body: JSON.stringify(body) }),
    moveBooking: (meetingId: string, timeId: string) =>
      request(`/v1/samtal/bookings/${meetingId}/time`, Meeting, { method: 'PUT', body: JSON.stringify({ timeId }) }),
    cancelBooking: (meetingId: string) => request(`/v1/samtal/bookings/${meetingId}`, Meeting, { method: 'DELETE' }),
    invite: (pupilIds: string[], method: InvitationMethod) =>
      request('/v1/samtal/invitations', InvitationList, { method: 'POST', body: JSON.stringify({ pupilIds, method }) }),
    invitations: (pupilId: string) => request(`/v1/samtal/invitations?pupilId=${pupilId}`, InvitationList),
    setDeclined: (id: string, declined: boolean) =>
      request(`/v1/samtal/invitations/${id}`, Invitation, { method: 'PATCH', body: JSON.stringify({ declined }) }),
    letters: (pupilIds: string[]) =>
      request('/v1/samtal/letters', Letters, { method: 'POST', body: JSON.stringify({ pupilIds }) }),
    updateMeeting: (id: string, patch: MeetingPatch) =>
      request(`/v1/meetings/${id}`, Meeting, { method: 'PATCH', body: JSON.stringify(patch) }),
    meetingAcknowledgements: (id: string) => request(`/v1/meetings/${id}/acknowledgements`, AcknowledgementList),
    preparation: (pupilId: string, schoolYear: string) =>
      request(`/v1/pupils/${pupilId}/preparation?schoolYear=${encodeURIComponent(schoolYear)}`, PreparationView),
    pupilMeetings: (pupilId: string) => request(`/v1/meetings?pupilId=${pupilId}`, MeetingList),
    exportPhrases: async (format: 'csv' | 'json', teamId?: string) =>
      (await send(`/v1/phrases/export?format=${format}${teamId ? `&teamId=${teamId}` : ''}`, {})).text(),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;
