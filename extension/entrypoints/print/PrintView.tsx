import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { Settings } from '../../sync/settings';
import { loadPrintable, type PrintLoad } from './load-printable';

/** `#<pupil id>|<läsår>`, as the panel opens it. */
const target = () => {
  const [pupilId, schoolYear] = decodeURIComponent(location.hash.slice(1)).split('|');
  return pupilId && schoolYear ? { pupilId, schoolYear } : null;
};

/** The IUP as the family reads it, in the same layout and wording as the share page. */
export function PrintView({ settings }: { settings: Settings }) {
  const [state, setState] = useState<PrintLoad | 'loading' | 'bad-link'>('loading');
  useEffect(() => {
    const tgt = target();
    if (!tgt) {
      setState('bad-link');
      return;
    }
    void loadPrintable(settings, settings.language, tgt.pupilId, tgt.schoolYear).then(setState);
  }, []);

  if (state === 'loading')
    return (
      <main>
        <p role="status">{t('printLoading')}</p>
      </main>
    );
  if (state === 'bad-link')
    return (
      <main>
        <h1>{t('printTitle')}</h1>
        <p class="error" role="alert">
          {t('printBadLink')}
        </p>
      </main>
    );
  if (state.kind === 'nothing')
    return (
      <main>
        <h1>{t('printTitle')}</h1>
        <p class="notice">{t('printNothing')}</p>
      </main>
    );
  const p = state.printable;
  return (
    <main>
      <p class="no-print">
        <button type="button" onClick={() => print()}>
          {t('printButton')}
        </button>
      </p>
      {state.offline && (
        <p class="notice no-print" role="status">
          {t('printOffline')}
        </p>
      )}
      <header class="iup-head">
        <h1>{p.title}</h1>
        <p class="meta">
          {p.subtitle}
          {p.schoolName ? ` · ${p.schoolName}` : ''}
        </p>
      </header>
      {state.empty && <p>{t('printEmpty')}</p>}
      {p.sections.map((sec) => (
        <section key={sec.kind} aria-labelledby={`sec-${sec.kind}`}>
          <h2 id={`sec-${sec.kind}`}>{sec.heading}</h2>
          {sec.items.map((item, i) => (
            <div class="item" key={i}>
              {item.label && <h3>{item.label}</h3>}
              {item.scale && <p class="scale">{item.scale}</p>}
              <p>{item.text}</p>
            </div>
          ))}
        </section>
      ))}
      <section aria-labelledby="sec-glossary">
        <h2 id="sec-glossary">{t('printGlossary')}</h2>
        <dl class="glossary">
          {p.glossary.map((g) => [<dt key={`t${g.term}`}>{g.term}</dt>, <dd key={`d${g.term}`}>{g.explanation}</dd>])}
        </dl>
      </section>
    </main>
  );
}
