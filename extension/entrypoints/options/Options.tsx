import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { setLanguage, t } from '../../i18n';
import { ApiClientError, apiClient } from '../../sync/api-client';
import { normaliseApiUrl, settingsItem, type Language, type Settings } from '../../sync/settings';

type Status = { kind: 'idle' } | { kind: 'checking' } | { kind: 'ok'; text: string } | { kind: 'error'; text: string };

function explain(err: unknown): string {
  if (err instanceof ApiClientError) {
    if (err.kind === 'unauthorized') return t('optionsTokenRejected');
    if (err.kind === 'network') return t('optionsServerUnreachable');
    if (err.kind === 'invalid-response') return t('optionsNotIupServer');
    return t('optionsServerError', err.message);
  }
  return t('optionsServerUnreachable');
}

/** Settings: server address and personal token (checked against /v1/me), language, shortcut. */
export function Options({ initial }: { initial: Settings }) {
  const [apiUrl, setApiUrl] = useState(initial.apiUrl);
  const [token, setToken] = useState(initial.token);
  const [language, setLang] = useState<Language>(initial.language);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [shortcut, setShortcut] = useState<string>('');
  const [panelShortcut, setPanelShortcut] = useState<string>('');
  const [hints, setHints] = useState(initial.wordingHints !== false);
  const [abbreviations, setAbbreviations] = useState(initial.abbreviations !== false);

  useEffect(() => {
    void browser.commands.getAll().then((cmds) => {
      setShortcut(cmds.find((c) => c.name === 'open-palette')?.shortcut ?? '');
      setPanelShortcut(cmds.find((c) => c.name === 'open-panel')?.shortcut ?? '');
    });
  }, []);

  const save = async (e: Event) => {
    e.preventDefault();
    const url = normaliseApiUrl(apiUrl);
    if (!url) {
      setStatus({ kind: 'error', text: t('optionsBadUrl') });
      return;
    }
    if (!token.trim()) {
      setStatus({ kind: 'error', text: t('optionsNoToken') });
      return;
    }
    setStatus({ kind: 'checking' });
    try {
      const me = await apiClient({ apiUrl: url, token: token.trim() }).me();
      // Saved only once the server has accepted the token: a wrong token never replaces a working one.
      await settingsItem.setValue({ ...(await settingsItem.getValue()), apiUrl: url, token: token.trim(), language });
      setStatus({ kind: 'ok', text: t('optionsConnected', me.teacher.name, me.school.name) });
    } catch (err) {
      setStatus({ kind: 'error', text: explain(err) });
    }
  };

  const changeLanguage = async (lang: Language) => {
    setLang(lang);
    setLanguage(lang);
    document.documentElement.lang = lang;
    await settingsItem.setValue({ ...(await settingsItem.getValue()), language: lang });
  };

  const changeAbbreviations = async (on: boolean) => {
    setAbbreviations(on);
    await settingsItem.setValue({ ...(await settingsItem.getValue()), abbreviations: on });
  };

  const changeHints = async (on: boolean) => {
    setHints(on);
    await settingsItem.setValue({ ...(await settingsItem.getValue()), wordingHints: on });
  };

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={(e) => void save(e)} noValidate>
        <label for="api-url">{t('optionsApiUrl')}</label>
        <input
          id="api-url"
          type="url"
          inputMode="url"
          autoComplete="url"
          value={apiUrl}
          placeholder="https://iup.skolan.se"
          onInput={(e) => setApiUrl((e.target as HTMLInputElement).value)}
          aria-describedby="api-url-hint"
        />
        <p id="api-url-hint" class="hint">
          {t('optionsApiUrlHint')}
        </p>
        <label for="token">{t('optionsToken')}</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          aria-describedby="token-hint"
        />
        <p id="token-hint" class="hint">
          {t('optionsTokenHint')}
        </p>
        <button type="submit" disabled={status.kind === 'checking'}>
          {t('optionsSave')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {status.kind === 'checking' && <p class="status">{t('optionsChecking')}</p>}
        {status.kind === 'ok' && <p class="status ok">{status.text}</p>}
        {status.kind === 'ok' && (
          <section class="next-steps" aria-labelledby="next-steps-title">
            <h2 id="next-steps-title">{t('optionsNextTitle')}</h2>
            <ol>
              <li>{t('optionsNextOpen')}</li>
              <li>{t('optionsNextActivate')}</li>
              <li>
                {t(
                  'optionsNextShortcuts',
                  shortcut || t('optionsShortcutUnset'),
                  panelShortcut || t('optionsShortcutUnset'),
                )}
              </li>
            </ol>
          </section>
        )}
        {status.kind === 'error' && <p class="status error">{status.text}</p>}
      </div>

      <h2>{t('optionsLanguage')}</h2>
      <label for="language">{t('optionsLanguageLabel')}</label>
      <select
        id="language"
        value={language}
        onChange={(e) => void changeLanguage((e.target as HTMLSelectElement).value as Language)}
      >
        <option value="sv">Svenska</option>
        <option value="en">English</option>
      </select>

      <h2>{t('optionsWordingHints')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={hints}
          onChange={(e) => void changeHints((e.target as HTMLInputElement).checked)}
        />{' '}
        {t('optionsWordingHintsLabel')}
      </label>

      <h2>{t('optionsAbbreviations')}</h2>
      <label class="check">
        <input
          id="abbreviations"
          type="checkbox"
          checked={abbreviations}
          onChange={(e) => void changeAbbreviations((e.target as HTMLInputElement).checked)}
        />{' '}
        {t('optionsAbbreviationsLabel')}
      </label>

      <h2>{t('optionsShortcut')}</h2>
      <p>{shortcut ? t('optionsShortcutIs', shortcut) : t('optionsShortcutNone')}</p>
      <p class="hint">{t('optionsShortcutHow')}</p>
    </main>
  );
}
