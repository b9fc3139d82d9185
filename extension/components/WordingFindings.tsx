import type { WordingFinding } from '../../shared/wording/check-wording';
import { currentLanguage, formatNumber, t } from '../i18n';

/** The wording check's findings as a readable list: the words, why, and what to write instead. */
export function WordingFindings({ findings, id }: { findings: readonly WordingFinding[]; id?: string }) {
  const lang = currentLanguage();
  if (findings.length === 0)
    return (
      <p id={id} class="wording-ok">
        {t('wordingNoFindings')}
      </p>
    );
  return (
    <div id={id} class="wording">
      <p class="wording-title">{t('wordingFindingCount', formatNumber(findings.length))}</p>
      <ul>
        {findings.map((f) => (
          <li key={`${f.rule}-${f.start}`}>
            {/* Text only: the excerpt is the teacher's own words. */}
            <strong>”{f.excerpt.length > 60 ? `${f.excerpt.slice(0, 57)}…` : f.excerpt}”</strong> {f.explanation[lang]}{' '}
            <em>{f.suggestion[lang]}</em>
          </li>
        ))}
      </ul>
    </div>
  );
}
