import { useEffect, useRef, useState } from 'preact/hooks';
import type { IupDocument, IupSections } from '../../../shared/schemas/iup';
import { differingFields, fieldText, withFieldText, type SectionField } from '../../../shared/iup/section-fields';
import { formatNumber, t } from '../../i18n';

interface Props {
  mine: IupSections;
  theirs: IupDocument;
  fields: readonly SectionField[];
  label(f: SectionField): string;
  /** Who saved the server's version, when the API said. */
  savedBy: string | null;
  /** The sections the teacher settled on; saved on top of the server's version. */
  onResolve(sections: IupSections): void;
}

/**
 * Someone saved this IUP after the teacher's draft started from it. Each differing text is shown
 * side by side; the teacher keeps hers, takes theirs, or edits a merge. Nothing is discarded
 * without a click.
 */
export function ConflictView({ mine, theirs, savedBy, fields, label, onResolve }: Props) {
  // It appears where the texts differ: brought into view, with focus on its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, []);
  const differing = differingFields(mine, theirs.sections, fields);
  const [merged, setMerged] = useState<Record<string, string>>(() =>
    Object.fromEntries(differing.map((f) => [f.key, fieldText(mine, f.key)])),
  );
  const resolve = () => {
    // Start from theirs, so texts only they changed are kept; then apply the teacher's choices.
    let out = theirs.sections;
    for (const f of differing) out = withFieldText(out, f.key, merged[f.key] ?? '');
    onResolve(out);
  };
  return (
    <section class="conflict" role="alert" aria-labelledby="iup-conflict-title">
      <h3 id="iup-conflict-title" ref={heading} tabIndex={-1}>
        {t('panelConflictTitle')}
      </h3>
      <p>
        {savedBy
          ? t('panelConflictIntroBy', formatNumber(theirs.version), savedBy)
          : t('panelConflictIntro', formatNumber(theirs.version))}
      </p>
      {differing.map((f) => {
        const a = fieldText(mine, f.key);
        const b = fieldText(theirs.sections, f.key);
        return (
          <div class="conflict-field" key={f.key}>
            <h4>{label(f)}</h4>
            <div class="columns">
              <div>
                <p class="col-title">{t('panelConflictMine')}</p>
                <p class="text" data-side="mine">
                  {a || '–'}
                </p>
                <button type="button" class="secondary" onClick={() => setMerged({ ...merged, [f.key]: a })}>
                  {t('panelConflictKeepMine')}
                </button>
              </div>
              <div>
                <p class="col-title">{t('panelConflictTheirs')}</p>
                <p class="text" data-side="theirs">
                  {b || '–'}
                </p>
                <button type="button" class="secondary" onClick={() => setMerged({ ...merged, [f.key]: b })}>
                  {t('panelConflictTakeTheirs')}
                </button>
              </div>
            </div>
            <label for={`merge-${f.key}`}>{t('panelConflictResult')}</label>
            <textarea
              id={`merge-${f.key}`}
              rows={3}
              value={merged[f.key] ?? ''}
              onInput={(e) => setMerged({ ...merged, [f.key]: (e.target as HTMLTextAreaElement).value })}
            />
          </div>
        );
      })}
      <button type="button" onClick={resolve}>
        {t('panelConflictSave')}
      </button>
    </section>
  );
}
