import { useEffect, useMemo, useState } from 'preact/hooks';
import { PhraseSearch } from '../../../shared/phrases/search';
import type { Phrase } from '../../../shared/schemas/phrase';
import { checkWording } from '../../../shared/wording/check-wording';
import { WordingFindings } from '../../components/WordingFindings';
import { t } from '../../i18n';
import { MY_PREFIX, myPhrasesItem, normaliseCode, type MyPhrases as Mine } from '../../sync/my-phrases';
import { phraseCacheItem } from '../../sync/phrase-cache';

/**
 * The teacher's own phrases (no approval: they are hers) and short codes for any phrase, own or
 * the team's. Kept in this browser only; the team bank above stays governed.
 */
export function MyPhrases() {
  const [mine, setMine] = useState<Mine | null>(null);
  const [team, setTeam] = useState<Phrase[]>([]);
  const [text, setText] = useState('');
  const [code, setCode] = useState('');
  const [query, setQuery] = useState('');
  const [teamCodes, setTeamCodes] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void myPhrasesItem.getValue().then(setMine);
    void phraseCacheItem.getValue().then((c) => setTeam(c.phrases.filter((p) => p.status === 'approved')));
    return myPhrasesItem.watch((v) => setMine(v));
  }, []);
  const search = useMemo(() => new PhraseSearch(team), [team]);
  const findings = useMemo(() => checkWording(text, { kind: 'phrase' }), [text]);
  if (!mine) return null;
  const codeOf = (id: string) => Object.entries(mine.codes).find(([, v]) => v === id)?.[0] ?? '';
  const save = async (next: Mine, ok: string) => {
    await myPhrasesItem.setValue(next);
    setMine(next);
    setMessage({ ok: true, text: ok });
  };
  /** A code is checked and must be free (or already this phrase's). */
  const withCode = (codes: Record<string, string>, raw: string, id: string): Record<string, string> | null => {
    const rest = Object.fromEntries(Object.entries(codes).filter(([, v]) => v !== id));
    if (!raw.trim()) return rest;
    const c = normaliseCode(raw);
    if (!c) {
      setMessage({ ok: false, text: t('myCodeInvalid') });
      return null;
    }
    if (rest[c]) {
      setMessage({ ok: false, text: t('myCodeTaken', c) });
      return null;
    }
    return { ...rest, [c]: id };
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    const id = `${MY_PREFIX}${crypto.randomUUID()}`;
    const codes = withCode(mine.codes, code, id);
    if (!codes) return;
    await save(
      { ...mine, phrases: [...mine.phrases, { id, text: body, createdAt: new Date().toISOString() }], codes },
      t('mySaved'),
    );
    setText('');
    setCode('');
  };
  const remove = async (id: string) =>
    save(
      {
        phrases: mine.phrases.filter((p) => p.id !== id),
        favourites: mine.favourites.filter((f) => f !== id),
        codes: Object.fromEntries(Object.entries(mine.codes).filter(([, v]) => v !== id)),
      },
      t('myRemoved'),
    );
  const setTeamCode = async (id: string) => {
    const codes = withCode(mine.codes, teamCodes[id] ?? '', id);
    if (codes) await save({ ...mine, codes }, t('myCodeSaved'));
  };
  const found = query.trim() ? search.search(query, {}, undefined, 5) : [];
  const coded = team.filter((p) => codeOf(p.id));
  return (
    <section aria-labelledby="my-title">
      <h2 id="my-title">{t('myTitle')}</h2>
      <p class="hint">{t('myIntro')}</p>
      <form onSubmit={(e) => void add(e)}>
        <label for="my-text">{t('myText')}</label>
        <textarea
          id="my-text"
          rows={3}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        {text.trim() && <WordingFindings findings={findings} />}
        <label for="my-code">{t('myCode')}</label>
        <input
          id="my-code"
          type="text"
          value={code}
          placeholder="/läs1"
          aria-describedby="my-code-hint"
          onInput={(e) => setCode((e.target as HTMLInputElement).value)}
        />
        <p id="my-code-hint" class="hint">
          {t('myCodeHint')}
        </p>
        <button type="submit">{t('mySave')}</button>
      </form>
      {mine.phrases.length > 0 && (
        <ul class="my-phrases">
          {mine.phrases.map((p) => (
            <li key={p.id}>
              {codeOf(p.id) && <code>{codeOf(p.id)}</code>} {p.text}{' '}
              <button type="button" class="secondary small" onClick={() => void remove(p.id)}>
                {t('myRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('myTeamCodes')}</h3>
      <label for="my-team-search">{t('myTeamSearch')}</label>
      <input
        id="my-team-search"
        type="search"
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      <ul class="my-phrases">
        {[...coded, ...found.filter((p) => !codeOf(p.id))].map((p) => (
          <li key={p.id}>
            <span>{p.text}</span>{' '}
            <input
              type="text"
              aria-label={t('myCodeFor', p.text.slice(0, 40))}
              placeholder="/kod"
              value={teamCodes[p.id] ?? codeOf(p.id)}
              onInput={(e) => setTeamCodes({ ...teamCodes, [p.id]: (e.target as HTMLInputElement).value })}
            />{' '}
            <button type="button" class="secondary small" onClick={() => void setTeamCode(p.id)}>
              {t('myCodeSave')}
            </button>
          </li>
        ))}
      </ul>
      {message && (
        <p class={`status ${message.ok ? 'ok' : 'error'}`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
