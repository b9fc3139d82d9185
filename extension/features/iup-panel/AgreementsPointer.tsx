import type { IupSections } from '../../../shared/schemas/iup';
import { t, type MessageKey } from '../../i18n';

const PARTIES: { party: keyof IupSections['agreements']; label: MessageKey }[] = [
  { party: 'school', label: 'heldAgreementsSchool' },
  { party: 'pupil', label: 'heldAgreementsPupil' },
  { party: 'guardians', label: 'heldAgreementsGuardians' },
];

/**
 * The IUP's agreements are those of the samtal: written when the samtal is marked held, shown in
 * the samtal part and printed from there. Text an IUP held before that stays visible, unchanged.
 */
export function AgreementsPointer({ legacy }: { legacy: IupSections['agreements'] }) {
  const written = PARTIES.filter(({ party }) => legacy[party].trim() !== '');
  return (
    <div class="agreements-pointer">
      <p class="hint">{t('panelAgreementsOnSamtal')}</p>
      {written.length > 0 && (
        <>
          <p class="hint">{t('panelAgreementsLegacy')}</p>
          <ul>
            {written.map(({ party, label }) => (
              <li key={party}>
                <strong>{t(label)}:</strong> {legacy[party]}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
