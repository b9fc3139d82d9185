import { render } from 'preact';
import '../../components/page.css';
import { setLanguage } from '../../i18n';
import { settingsItem } from '../../sync/settings';
import { Popup } from './Popup';

void settingsItem.getValue().then((s) => {
  setLanguage(s.language);
  document.documentElement.lang = s.language;
  render(<Popup settings={s} />, document.getElementById('app')!);
});
