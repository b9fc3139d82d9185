import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from './Popup';

document.documentElement.lang = browser.i18n.getUILanguage().startsWith('sv') ? 'sv' : 'en';
render(<Popup />, document.getElementById('app')!);
