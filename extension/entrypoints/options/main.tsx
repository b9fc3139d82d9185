import '../../zod-config';
import { render } from 'preact';
import '../../components/page.css';
import { setLanguage } from '../../i18n';
import { settingsItem } from '../../sync/settings';
import { Options } from './Options';

void settingsItem.getValue().then((s) => {
  setLanguage(s.language);
  document.documentElement.lang = s.language;
  render(<Options initial={s} />, document.getElementById('app')!);
});
