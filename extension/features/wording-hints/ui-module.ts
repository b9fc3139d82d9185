import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { checkWording, type WordingFinding } from '../../../shared/wording/check-wording';
import { currentLanguage, setLanguage, t } from '../../i18n';
import { settingsItem } from '../../sync/settings';
import { registerUi } from '../../ui/lazy-ui';
import { overlay } from '../../ui/overlay';
import css from './hints.css?inline';

export interface WordingHintsModule {
  /** Check `text` (the field's whole content) and show, update or hide the tips at the field's corner. */
  update(ctx: ContentScriptContext, field: HTMLElement, text: string): void;
}

type Overlay = Awaited<ReturnType<typeof overlay>>;

let ui: Overlay | null = null;
let box: HTMLElement | null = null;
let field: HTMLElement | null = null;
let findings: WordingFinding[] = [];
let expanded = false;
let listening = false;

const PILL_WIDTH = 190;

/** Fixed to the field's lower right corner: an overlay, so the page's layout never moves. */
function place() {
  if (!box || !field) return;
  const r = field.getBoundingClientRect();
  box.style.top = `${Math.round(Math.min(window.innerHeight - 34, Math.max(0, r.bottom - 32)))}px`;
  box.style.left = `${Math.round(Math.min(window.innerWidth - PILL_WIDTH - 8, Math.max(0, r.right - PILL_WIDTH - 4)))}px`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Text nodes only: the excerpts are the teacher's own words and the page's content. */
function render() {
  if (!box) return;
  const lang = currentLanguage();
  const pill = el('button', 'pill', t('wordingHintButton', String(findings.length)));
  pill.type = 'button';
  pill.setAttribute('aria-expanded', String(expanded));
  // mousedown + preventDefault: the field keeps focus and caret while the tips open.
  pill.addEventListener('mousedown', (e) => {
    e.preventDefault();
    expanded = !expanded;
    render();
  });
  pill.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      expanded = !expanded;
      render();
    }
  });
  const children: HTMLElement[] = [pill];
  if (expanded) {
    const panel = el('div', 'panel');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', t('wordingHintTitle'));
    panel.append(el('p', 'title', t('wordingHintTitle')));
    const list = el('ul', 'list');
    for (const f of findings) {
      const item = el('li', 'finding');
      item.append(
        el('strong', '', `”${f.excerpt.length > 50 ? `${f.excerpt.slice(0, 47)}…` : f.excerpt}” `),
        el('span', '', `${f.explanation[lang]} `),
        el('em', '', f.suggestion[lang]),
      );
      list.append(item);
    }
    const close = el('button', 'close', t('wordingHintClose'));
    close.type = 'button';
    close.addEventListener('mousedown', (e) => {
      e.preventDefault();
      expanded = false;
      render();
    });
    panel.append(list, el('p', 'note', t('wordingHintNote')), close);
    children.unshift(panel);
  }
  box.replaceChildren(...children);
  place();
}

function hide() {
  ui?.remove();
  ui = null;
  box = null;
  expanded = false;
}

async function update(ctx: ContentScriptContext, target: HTMLElement, text: string) {
  if (target !== field) expanded = false;
  field = target;
  findings = checkWording(text, { kind: 'omdome' });
  if (findings.length === 0) {
    hide();
    return;
  }
  if (!listening) {
    listening = true;
    ctx.addEventListener(window, 'scroll', place, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', place, { passive: true });
  }
  if (!ui) {
    ui = await overlay(ctx, 'iup-stod-wording', css, (root) => {
      box = el('div', 'hints');
      box.setAttribute('aria-live', 'polite');
      root.append(box);
    });
  }
  render();
}

/** Make the module known to the always-loaded part (see `ui/lazy-ui.ts`). */
export function registerWordingHints(): void {
  void settingsItem.getValue().then((s) => setLanguage(s.language));
  registerUi<WordingHintsModule>('wording-hints', { update: (ctx, target, text) => void update(ctx, target, text) });
}
