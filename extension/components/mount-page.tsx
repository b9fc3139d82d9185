import { render, type VNode } from 'preact';
import { setLanguage } from '../i18n';
import { settingsItem, type Settings } from '../sync/settings';
import './page.css';

/** Render an extension page in the teacher's chosen language, with the current settings. */
export function mountPage(page: (settings: Settings) => VNode): void {
  void settingsItem.getValue().then((s) => {
    setLanguage(s.language);
    document.documentElement.lang = s.language;
    render(page(s), document.getElementById('app')!);
  });
}
