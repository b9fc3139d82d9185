import { useState } from 'preact/hooks';
import { formatSamtalTime } from '../../../shared/samtal/format-time';
import type { Agreement, FollowUp, Party } from '../../../shared/schemas/meeting';
import { currentLanguage, t, type MessageKey } from '../../i18n';
import type { PupilSamtal } from '../../messaging/protocol';
import type { Phrase } from '../../../shared/schemas/phrase';
import type { RosterPupil } from '../../sync/roster-cache';
import { FieldEditor } from './FieldEditor';

const PARTIES: { party: Party; label: MessageKey }[] = [
  { party: 'school', label: 'heldAgreementsSchool' },
  { party: 'pupil', label: 'heldAgreementsPupil' },
  { party: 'guardians', label: 'heldAgreementsGuardians' },
];
const OUTCOMES: { value: FollowUp['outcome']; label: MessageKey }[] = [
  { value: 'done', label: 'followUpDone' },
  { value: 'partly', label: 'followUpPartly' },
  { value: 'not', label: 'followUpNot' },
];

export interface HeldRecord {
  participants: { pupil: boolean; guardians: number; interpreterLanguage: string | null; others: string };
  agreements: Agreement[];
  followUp: FollowUp[];
}

/**
 * At the samtal: who took part, how the previous samtal's agreements went ("varje samtal utgår
 * från det förra"), the new agreements per party — then *Markera samtalet som genomfört*.
 */
export function HeldForm({
  toHold,
  previous,
  onHeld,
  phrases,
  pupil,
  onSendToPage,
}: {
  toHold: NonNullable<PupilSamtal['toHold']>;
  previous: Agreement[];
  onHeld: (record: HeldRecord) => Promise<void>;
  phrases: Phrase[];
  pupil: RosterPupil | null;
  onSendToPage: (text: string) => void;
}) {
  const [pupilPresent, setPupilPresent] = useState(true);
  const [guardians, setGuardians] = useState(1);
  const [interpreter, setInterpreter] = useState('');
  const [others, setOthers] = useState('');
  const [outcomes, setOutcomes] = useState<FollowUp['outcome'][]>(previous.map(() => 'done'));
  const [notes, setNotes] = useState<string[]>(previous.map(() => ''));
  const [agreed, setAgreed] = useState<Record<Party, string>>({ school: '', pupil: '', guardians: '' });
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    // One agreement per line, so "who does what" stays countable and can be followed up next time.
    const agreements = PARTIES.flatMap(({ party }) =>
      agreed[party]
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((text) => ({ party, text })),
    );
    await onHeld({
      participants: {
        pupil: pupilPresent,
        guardians,
        interpreterLanguage: interpreter.trim() || null,
        others: others.trim(),
      },
      agreements,
      followUp: previous.map((a, i) => ({
        party: a.party,
        text: a.text,
        outcome: outcomes[i]!,
        note: notes[i]!.trim(),
      })),
    });
    setBusy(false);
  };
  return (
    <form class="held-form" onSubmit={(e) => void submit(e)}>
      <h4>{t('heldTitle', formatSamtalTime(currentLanguage(), toHold.startsAt, toHold.durationMinutes))}</h4>
      <fieldset>
        <legend>{t('heldWho')}</legend>
        <label class="check">
          <input type="checkbox" checked={pupilPresent} onChange={(e) => setPupilPresent(e.currentTarget.checked)} />
          {t('heldPupil')}
        </label>
        <label for="held-guardians">{t('heldGuardians')}</label>
        <input
          id="held-guardians"
          type="number"
          min={0}
          max={6}
          value={guardians}
          onInput={(e) => setGuardians(Number(e.currentTarget.value))}
        />
        <label for="held-interpreter">{t('heldInterpreter')}</label>
        <input
          id="held-interpreter"
          maxLength={60}
          value={interpreter}
          onInput={(e) => setInterpreter(e.currentTarget.value)}
        />
        <label for="held-others">{t('heldOthers')}</label>
        <input id="held-others" maxLength={300} value={others} onInput={(e) => setOthers(e.currentTarget.value)} />
      </fieldset>
      {previous.length > 0 && (
        <fieldset>
          <legend>{t('heldFollowUp')}</legend>
          {previous.map((a, i) => (
            <div key={i} class="follow-up">
              <p>
                <strong>{t(PARTIES.find((p) => p.party === a.party)!.label)}:</strong> {a.text}
              </p>
              <label for={`follow-${i}`} class="visually-hidden">
                {t('heldOutcome', a.text)}
              </label>
              <select
                id={`follow-${i}`}
                value={outcomes[i]}
                onChange={(e) =>
                  setOutcomes(outcomes.map((o, j) => (j === i ? (e.currentTarget.value as FollowUp['outcome']) : o)))
                }
              >
                {OUTCOMES.map((o) => (
                  <option key={o.value} value={o.value}>
                    {t(o.label)}
                  </option>
                ))}
              </select>
              <label for={`follow-note-${i}`} class="visually-hidden">
                {t('heldNote', a.text)}
              </label>
              <input
                id={`follow-note-${i}`}
                maxLength={1000}
                placeholder={t('heldNotePlaceholder')}
                value={notes[i]}
                onInput={(e) => setNotes(notes.map((n, j) => (j === i ? e.currentTarget.value : n)))}
              />
            </div>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('heldAgreements')}</legend>
        <p class="hint">{t('heldAgreementsHint')}</p>
        {/* The same editor as the IUP's texts: the team's phrases for the plan, and wording tips. */}
        {PARTIES.map(({ party, label }) => (
          <FieldEditor
            key={party}
            field={{ key: `agreements.${party}`, section: 'agreements', party }}
            label={t(label)}
            value={agreed[party]}
            phrases={phrases}
            pupil={pupil}
            readOnly={false}
            onChange={(v) => setAgreed({ ...agreed, [party]: v })}
            onSendToPage={onSendToPage}
          />
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('heldMark')}
      </button>
    </form>
  );
}
