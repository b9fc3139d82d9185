import '../../zod-config';
import { render } from 'preact';
import { PRINT_CSS } from '../../../shared/printable/print-css';
import { setLanguage } from '../../i18n';
import { settingsItem } from '../../sync/settings';
import { PrintView } from './PrintView';

// The print stylesheet shared with the share page, not the extension pages' own look.
const style = document.createElement('style');
style.textContent = PRINT_CSS;
document.head.append(style);

void settingsItem.getValue().then((s) => {
  setLanguage(s.language);
  document.documentElement.lang = s.language;
  document.title = s.language === 'sv' ? 'IUP-stöd – Utskrift' : 'IUP-stöd – Print';
  render(<PrintView settings={s} />, document.getElementById('app')!);
});
