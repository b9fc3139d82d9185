import { printableIup, type PrintableIup } from '../../../shared/printable/printable-iup';
import { agreementsOfRecord } from '../../../shared/samtal/agreements-of-record';
import { emptySections } from '../../../shared/schemas/iup';
import type { Language } from '../../sync/settings';
import { apiClient } from '../../sync/api-client';
import { draftKey, getDraftSync, getDraftText, hasUnsyncedChanges } from '../../sync/draft-store';
import { rosterItem, schoolSetupItem } from '../../sync/roster-cache';
import type { Settings } from '../../sync/settings';

export type PrintLoad = { kind: 'ok'; printable: PrintableIup; offline: boolean; empty: boolean } | { kind: 'nothing' };

/**
 * What to print: the teacher's local draft when it has changes the server has not seen (what she
 * sees in the panel is what she prints), else the server's IUP. Offline, the extension's caches
 * (roster, template) stand in for the API.
 */
export async function loadPrintable(
  settings: Settings,
  lang: Language,
  pupilId: string,
  schoolYear: string,
): Promise<PrintLoad> {
  const key = draftKey(pupilId, schoolYear);
  const [local, sync] = await Promise.all([getDraftText(key), getDraftSync(key)]);
  const api = apiClient(settings);
  try {
    const [pupil, school, doc, meetings] = await Promise.all([
      api.pupil(pupilId),
      api.school(),
      api.findIup(pupilId, schoolYear),
      api.pupilMeetings(pupilId),
    ]);
    const sections = local && (hasUnsyncedChanges(local, sync) || !doc) ? local.sections : (doc?.sections ?? null);
    if (!sections) return { kind: 'nothing' };
    const printable = printableIup({
      lang,
      schoolName: school.name,
      pupil,
      schoolYear,
      sections,
      template: school.template,
      samtalAgreements: agreementsOfRecord(meetings.meetings, doc?.agreedMeetingId ?? null, schoolYear),
    });
    return { kind: 'ok', printable, offline: false, empty: printable.sections.length === 0 };
  } catch {
    const [roster, setup] = await Promise.all([rosterItem.getValue(), schoolSetupItem.getValue()]);
    const pupil = roster.pupils.find((p) => p.id === pupilId);
    if (!local || !pupil || !setup.template) return { kind: 'nothing' };
    const printable = printableIup({
      lang,
      schoolName: '',
      pupil: { firstName: pupil.firstName, lastName: pupil.lastName, arskurs: null },
      schoolYear,
      sections: local.sections ?? emptySections(),
      template: setup.template,
    });
    return { kind: 'ok', printable, offline: true, empty: printable.sections.length === 0 };
  }
}
