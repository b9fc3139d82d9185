import { detectPupil, type Detection } from '../../shared/iup/pupil-detection';
import { rosterItem, schoolSetupItem, type RosterPupil } from '../sync/roster-cache';

/** Whether the school's detection rules apply to this page at all (cheap: no DOM reads). */
export async function detectionApplies(): Promise<boolean> {
  const { pupilDetection } = await schoolSetupItem.getValue();
  return pupilDetection.some((r) => {
    try {
      return new RegExp(r.urlPattern).test(location.href);
    } catch {
      return false;
    }
  });
}

/** The pupil (or pupils) this page is about, by the school's detection rules and the cached roster. */
export async function detectPagePupil(): Promise<{ roster: RosterPupil[]; detection: Detection<RosterPupil> }> {
  const [{ pupils }, setup] = await Promise.all([rosterItem.getValue(), schoolSetupItem.getValue()]);
  const detection = detectPupil(
    setup.pupilDetection,
    {
      url: location.href,
      values: (selector, attribute) => {
        try {
          return [...document.querySelectorAll(selector)].map((e) =>
            attribute ? (e.getAttribute(attribute) ?? '') : (e.textContent ?? ''),
          );
        } catch {
          return [];
        }
      },
    },
    pupils,
  );
  return { roster: pupils, detection };
}
