import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Detection } from '../../../shared/iup/pupil-detection';
import {
  fieldScale,
  fieldText,
  sectionFields,
  withFieldScale,
  withFieldText,
  type SectionField,
} from '../../../shared/iup/section-fields';
import { emptySections, type IupSections, type IupStatus } from '../../../shared/schemas/iup';
import type { Phrase } from '../../../shared/schemas/phrase';
import { subjectName } from '../../../shared/schemas/subjects';
import type { IupTemplate, ScaleValue } from '../../../shared/schemas/template';
import { currentLanguage, locale, t } from '../../i18n';
import { copyText, isMac } from '../../ui/copy-text';
import type { DeadlineCache } from '../../sync/deadline-cache';
import {
  draftKey,
  emptySync,
  getDraftSync,
  getDraftText,
  hasUnsyncedChanges,
  setDraftText,
  watchDraft,
  type DraftSync,
  type DraftText,
} from '../../sync/draft-store';
import type { RosterPupil } from '../../sync/roster-cache';
import { ConflictView } from './ConflictView';
import { differingFields } from '../../../shared/iup/section-fields';
import { dutyText, openDuties, stateLabel } from '../../components/duty-text';
import { FieldEditor } from './FieldEditor';
import { History } from './History';
import type { PanelHost } from './index';
import { sendToBackground } from '../../messaging/send';
import { PrepareAndShare } from './PrepareAndShare';
import { AgreementsPointer } from './AgreementsPointer';
import { SamtalPart } from './SamtalPart';
import { PupilPicker } from './PupilPicker';

export interface PanelProps {
  template: IupTemplate;
  me: { teacherId: string } | null;
  schoolYear: string;
  roster: RosterPupil[];
  phrases: Phrase[];
  deadlines: DeadlineCache;
  detection: Detection<RosterPupil>;
  /** A pupil chosen elsewhere (the popup's list): shown at once, no detection to confirm. */
  initialPupil?: RosterPupil | null;
  host: PanelHost;
  width: number;
  onWidth(px: number): void;
  onClose(): void;
  /** The width the page should leave free beside it (0 while collapsed to its tab). */
  onDock?(px: number): void;
}

const STATUSES: IupStatus[] = ['draft', 'ready', 'shared', 'agreed'];
const SCALE_VALUES: ScaleValue[] = [0, 1, 2, -1];

function syncWords(text: DraftText | null, sync: DraftSync, savedSeq: number): { kind: string; words: string } {
  if (text && text.editSeq > Math.max(savedSeq, sync.syncedEditSeq))
    return { kind: 'saving', words: t('panelSyncSaving') };
  if (sync.state === 'conflict') return { kind: 'conflict', words: t('panelSyncConflict') };
  if (sync.state === 'error') return { kind: 'error', words: t('panelSyncError', sync.error ?? '') };
  // "Saved locally" only after a send has actually failed; on its way to a server that answers,
  // the text is simply being saved.
  if (hasUnsyncedChanges(text, sync))
    return sync.state === 'saved-locally'
      ? { kind: 'local', words: t('panelSyncLocal') }
      : { kind: 'saving', words: t('panelSyncSaving') };
  if (sync.syncedAt)
    return { kind: 'saved', words: t('panelSyncSaved', new Date(sync.syncedAt).toLocaleTimeString(locale())) };
  return { kind: 'none', words: t('panelSyncNothing') };
}

/** The docked IUP panel: pupil, deadlines, the template's sections with prompts, status, sync state. */
export function Panel({
  template,
  me,
  schoolYear,
  roster,
  phrases,
  deadlines,
  detection,
  initialPupil,
  host,
  width,
  onWidth,
  onClose,
  onDock,
}: PanelProps) {
  const lang = currentLanguage();
  const [pupil, setPupil] = useState<RosterPupil | null>(initialPupil ?? null);
  const [text, setText] = useState<DraftText | null>(null);
  const [sync, setSync] = useState<DraftSync>(emptySync());
  const [collapsed, setCollapsed] = useState(false);
  const [notice, setNotice] = useState('');
  useEffect(() => onDock?.(collapsed ? 0 : width), [collapsed, width]);
  // Opening the panel moves focus into it (its heading, so a screen reader names it first).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [collapsed]);
  const [uncopied, setUncopied] = useState<string | null>(null);
  const latest = useRef<DraftText | null>(null);
  const fields = useMemo(() => sectionFields(template), [template]);
  const key = pupil ? draftKey(pupil.id, schoolYear) : null;

  // The fields stay read-only until this pupil's stored draft is on screen: a keystroke before
  // that would be saved on top of an empty (or another pupil's) text and replace the stored one.
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const ready = key !== null && loadedKey === key;

  useEffect(() => {
    if (!key || !pupil) return undefined;
    let alive = true;
    latest.current = null;
    setText(null);
    setLoadedKey(null);
    void Promise.all([getDraftText(key), getDraftSync(key)]).then(([tx, sy]) => {
      if (alive) {
        latest.current = tx;
        setText(tx);
        setSync(sy);
        setLoadedKey(key);
      }
    });
    void sendToBackground('load-draft', { pupilId: pupil.id, schoolYear }).catch(() => undefined);
    const stop = watchDraft(
      key,
      (tx) => {
        // Another tab, or the server's copy loaded by the background: take it unless ours is newer.
        if (tx && (!latest.current || tx.editSeq > latest.current.editSeq)) {
          latest.current = tx;
          setText(tx);
        }
      },
      setSync,
    );
    return () => {
      alive = false;
      stop();
    };
  }, [key]);

  // Every change goes to extension storage at once, in order: a closed tab or a crashed browser
  // loses nothing the teacher saw on screen (a write takes a few milliseconds).
  const writes = useRef<Promise<void>>(Promise.resolve());
  const [savedSeq, setSavedSeq] = useState(0);
  const persist = (next: DraftText) => {
    if (!key) return;
    writes.current = writes.current
      .then(async () => {
        const stored = await getDraftText(key);
        const saved = {
          ...next,
          editSeq: Math.max(next.editSeq, (stored?.editSeq ?? 0) + 1),
          changedAt: new Date().toISOString(),
        };
        if (latest.current === next) latest.current = saved;
        await setDraftText(key, saved);
        setSavedSeq(saved.editSeq);
        await sendToBackground('draft-changed').catch(() => undefined);
      })
      .catch(() => setNotice(t('panelLocalSaveFailed')));
  };

  const change = (sections: IupSections, status?: IupStatus) => {
    if (!pupil || !ready) return;
    const base = latest.current ?? {
      pupilId: pupil.id,
      schoolYear,
      sections: emptySections(),
      status: 'draft' as IupStatus,
      editSeq: 0,
      changedAt: '',
    };
    const next: DraftText = { ...base, sections, status: status ?? base.status, editSeq: base.editSeq + 1 };
    latest.current = next;
    setText(next);
    persist(next);
  };

  /** Sections with every field written when the pupil's draft came in: shown folded. */
  const finishedAtStart = useMemo(() => {
    const done = new Set<string>();
    if (!ready || !text) return done;
    for (const s of template.sections) {
      const own = fields.filter((f) => f.section === s.kind);
      if (own.length > 0 && own.every((f) => fieldText(text.sections, f.key).trim() !== '')) done.add(s.kind);
    }
    return done;
    // Once per pupil and load: later edits do not fold a section the teacher is writing in.
  }, [pupil?.id, ready]);

  // A conflict is shown at the first field whose texts differ, in that field's section.
  const conflictSection =
    sync.state === 'conflict' && sync.conflict
      ? (differingFields(text?.sections ?? emptySections(), sync.conflict.sections, fields)[0]?.section ??
        template.sections[0]?.kind)
      : undefined;

  /** The table of contents: open the part, bring it into view and put focus in it. */
  const jumpTo = (id: string) => {
    const root = heading.current?.getRootNode() as ShadowRoot | undefined;
    const target = root?.getElementById(id) ?? null;
    if (!target) return;
    const box = target instanceof HTMLDetailsElement ? target : (target.nextElementSibling as HTMLElement | null);
    if (box instanceof HTMLDetailsElement) box.open = true;
    (box ?? target).scrollIntoView({ block: 'start' });
    const focusable = (box ?? target).querySelector<HTMLElement>('textarea, input, select, summary, button');
    focusable?.focus({ preventScroll: true });
  };

  const sendToPage = async (value: string) => {
    const outcome = await host.sendToField(value).catch(() => ({ ok: false as const, reason: 'refused' as const }));
    if (outcome.ok) setNotice(t('panelSent'));
    else if (outcome.reason === 'no-field') setNotice(t('panelNoField'));
    // Not confirmed in the field: the text goes on the clipboard (copied here, in the panel's
    // frame, right after the click) and the notice says so; if copying fails too, it is shown.
    else if (await copyText(value)) setNotice(t(isMac() ? 'insertCopiedMac' : 'insertCopied'));
    else {
      setNotice(t('insertNotCopied'));
      setUncopied(value);
      return;
    }
    setUncopied(null);
  };

  const label = (f: SectionField) => {
    const section = template.sections.find((s) => s.kind === f.section);
    if (f.subject) return t('panelOmdomeFor', subjectName(f.subject, lang));
    if (f.party) return `${section?.title[lang] ?? ''}: ${t(`party_${f.party}`)}`;
    return section?.title[lang] ?? f.key;
  };

  const startResize = (e: PointerEvent) => {
    e.preventDefault();
    const move = (ev: PointerEvent) => onWidth(Math.min(720, Math.max(300, window.innerWidth - ev.clientX)));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  if (collapsed) {
    return (
      <button type="button" class="tab" aria-label={t('panelExpand')} onClick={() => setCollapsed(false)}>
        IUP
      </button>
    );
  }

  const sections = text?.sections ?? emptySections();
  const words = syncWords(text, sync, savedSeq);
  const duties = pupil ? openDuties(deadlines.pupils.find((p) => p.id === pupil.id)?.duties ?? []) : [];

  return (
    <aside
      class="panel"
      style={{ width: `${width}px` }}
      aria-label={t('panelTitle')}
      onKeyDown={(e) => {
        // Esc closes the panel wherever focus is in it; the teacher's field gets focus back.
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div
        class="resize"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('panelResize')}
        tabIndex={0}
        aria-valuenow={width}
        aria-valuemin={300}
        aria-valuemax={720}
        onPointerDown={startResize}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') onWidth(Math.min(720, width + 24));
          if (e.key === 'ArrowRight') onWidth(Math.max(300, width - 24));
        }}
      />
      <header>
        <h2 ref={heading} tabIndex={-1}>
          {t('panelTitle')}
          {pupil ? ` – ${pupil.firstName} ${pupil.lastName}` : ''}
        </h2>
        <button type="button" class="icon" aria-label={t('panelCollapse')} onClick={() => setCollapsed(true)}>
          ›
        </button>
        <button type="button" class="icon" aria-label={t('panelClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <div class="body">
        {!pupil ? (
          <PupilPicker roster={roster} detection={detection} onPick={setPupil} />
        ) : (
          <>
            <p class="pupil-line">
              {t('panelSchoolYear', schoolYear)}{' '}
              <button
                type="button"
                class="link"
                onClick={() => {
                  setPupil(null);
                  setText(null);
                  latest.current = null;
                }}
              >
                {t('panelChangePupil')}
              </button>
            </p>
            {duties.length > 0 && (
              <ul class="duties" aria-label={t('panelDuties')}>
                {duties.map((d, i) => (
                  <li key={i} class={`duty ${d.state}`}>
                    <strong>{stateLabel(d.state)}:</strong> {dutyText(d)}
                  </li>
                ))}
              </ul>
            )}
            <p class={`sync ${words.kind}`} role="status" aria-live="polite">
              {words.words}
            </p>
            <label for="iup-status">{t('panelStatus')}</label>
            <select
              id="iup-status"
              value={text?.status ?? 'draft'}
              disabled={!ready}
              aria-describedby="iup-status-who"
              onChange={(e) => change(sections, (e.target as HTMLSelectElement).value as IupStatus)}
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`iupStatus_${s}`)}
                </option>
              ))}
            </select>
            {sync.statusChangedAt && sync.serverStatus && (
              <p id="iup-status-who" class="hint">
                {t(
                  'panelStatusWho',
                  t(`iupStatus_${sync.serverStatus}`),
                  sync.statusChangedBy === me?.teacherId ? t('panelByYou') : t('panelByColleague'),
                  new Date(sync.statusChangedAt).toLocaleString(locale()),
                )}
              </p>
            )}
            {sync.statusRefused && text?.status === sync.statusRefused.status && (
              <div class="status-refused" role="alert">
                <p>{t('panelAgreedRefused')}</p>
                <ul>
                  {sync.statusRefused.missing.map((m, i) => (
                    <li key={i}>
                      {m.part === 'omdome'
                        ? t('missingOmdome', subjectName(m.subject, lang))
                        : m.part === 'any-omdome'
                          ? t('missingAnyOmdome')
                          : m.part === 'planning'
                            ? t(
                                m.party === 'school'
                                  ? 'missingPlanSchool'
                                  : m.party === 'pupil'
                                    ? 'missingPlanPupil'
                                    : 'missingPlanGuardians',
                              )
                            : t('missingHeldSamtal')}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {/* The samtal first: the IUP is written for it, and the booking is what a teacher checks. */}
            <SamtalPart pupilId={pupil.id} phrases={phrases} pupil={pupil} onSendToPage={(v) => void sendToPage(v)} />
            <nav class="toc" aria-label={t('panelToc')}>
              {[
                ...template.sections
                  .filter((s) => s.kind !== 'agreements')
                  .map((s) => ({ id: `iup-sec-${s.kind}`, label: s.title[lang] })),
                { id: 'iup-share', label: t('panelTocShare') },
                ...(sync.documentId ? [{ id: 'iup-history', label: t('panelHistory') }] : []),
              ].map((x) => (
                <button key={x.id} type="button" class="link" onClick={() => jumpTo(x.id)}>
                  {x.label}
                </button>
              ))}
            </nav>
            {template.sections.map((s) => (
              <details
                key={`${pupil.id}-${s.kind}`}
                id={`iup-sec-${s.kind}`}
                class="section"
                // Written sections start folded (the teacher opens them), the rest open; decided
                // once per pupil, so a section never folds under her cursor while she writes.
                open={!finishedAtStart.has(s.kind) || conflictSection === s.kind}
              >
                <summary>
                  <h3>
                    {s.title[lang]}
                    {finishedAtStart.has(s.kind) ? ` – ${t('panelSectionDone')}` : ''}
                  </h3>
                </summary>
                <ul class="prompts">
                  {s.prompts.map((p, i) => (
                    <li key={i}>{p[lang]}</li>
                  ))}
                </ul>
                {conflictSection === s.kind && sync.conflict && (
                  <ConflictView
                    mine={sections}
                    theirs={sync.conflict}
                    savedBy={sync.conflictSavedBy ?? null}
                    fields={fields}
                    label={label}
                    onResolve={(resolved) => {
                      change(resolved);
                      // After the resolution is stored locally, the background saves it over the server's version.
                      void writes.current.then(() =>
                        sendToBackground('resolve-conflict', { pupilId: pupil.id, schoolYear }),
                      );
                    }}
                  />
                )}
                {/* Agreements are written on the samtal record (its held form above), one place for them. */}
                {s.kind === 'agreements' && <AgreementsPointer legacy={sections.agreements} />}
                {fields
                  .filter((f) => f.section === s.kind && s.kind !== 'agreements')
                  .map((f) => (
                    <FieldEditor
                      key={f.key}
                      field={f}
                      label={label(f)}
                      value={fieldText(sections, f.key)}
                      phrases={phrases}
                      pupil={pupil}
                      readOnly={!ready}
                      onChange={(v) => change(withFieldText(latest.current?.sections ?? sections, f.key, v))}
                      onSendToPage={(v) => void sendToPage(v)}
                      {...(f.subject && template.scale
                        ? {
                            scale: {
                              labels: SCALE_VALUES.map((v) => ({
                                value: v,
                                label: template.scale!.labels[String(v) as '-1' | '0' | '1' | '2'][lang],
                              })),
                              value: fieldScale(sections, f.key),
                              onChange: (v: ScaleValue | null) =>
                                change(withFieldScale(latest.current?.sections ?? sections, f.key, v)),
                            },
                          }
                        : {})}
                    />
                  ))}
              </details>
            ))}
            <div id="iup-share" />
            <PrepareAndShare
              pupilId={pupil.id}
              schoolYear={schoolYear}
              status={text?.status ?? 'draft'}
              onMarkShared={() => change(sections, 'shared')}
            />
            <div id="iup-history" />
            {sync.documentId && (
              <History
                documentId={sync.documentId}
                pupilId={pupil.id}
                schoolYear={schoolYear}
                canRestore={!hasUnsyncedChanges(text, sync) && sync.state !== 'conflict'}
              />
            )}
          </>
        )}
        <p class="notice" role="status" aria-live="polite">
          {notice}
        </p>
        {uncopied !== null && (
          <textarea
            class="uncopied"
            readOnly
            rows={4}
            aria-label={t('insertTextLabel')}
            value={uncopied}
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </div>
    </aside>
  );
}
