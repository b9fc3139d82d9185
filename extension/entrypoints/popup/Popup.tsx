import { t } from '../../i18n';

export function Popup() {
  return (
    <main style={{ minWidth: '18rem', padding: '0.75rem', fontFamily: 'system-ui, sans-serif' }}>
      <h1 style={{ fontSize: '1rem', margin: 0 }}>{t('extName')}</h1>
      <p>{t('popupNotConfigured')}</p>
    </main>
  );
}
