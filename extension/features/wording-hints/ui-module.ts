import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { checkWording, type WordingFinding } from '../../../shared/wording/check-wording';
import { currentLanguage, formatNumber, setLanguage, t } from '../../i18n';
import { insertText } from '../../insert-text';
import { phraseCacheItem } from '../../sync/phrase-cache';
import { settingsItem } from '../../sync/settings';
import { registerUi } from '../../ui/lazy-ui';
import { overlay } from '../../ui/overlay';
import css from './hints.css?inline';
import { textModel, type TextModel } from './text-model';

export interface WordingHintsModule {
  /** Check the field's text and show, update or hide the tips and the underlines. */
  update(ctx: ContentScriptContext, field: HTMLElement): void;
  /** The field's text is changing: the underlines no longer fit it until the next check. */
  stale(): void;
}

type Overlay = Awaited<ReturnType<typeof overlay>>;

let ui: Overlay | null = null;
let root: HTMLElement | null = null;
let box: HTMLElement | null = null;
let marks: HTMLElement | null = null;
let tip: HTMLElement | null = null;
let field: HTMLElement | null = null;
let model: TextModel | null = null;
let findings: WordingFinding[] = [];
/** Each finding's underline boxes, as drawn (for hover). */
let drawn: { finding: WordingFinding; rects: DOMRect[] }[] = [];
let tipFor: WordingFinding | null = null;
let hideTimer: number | undefined;
let expanded = false;
let listening = false;
let approved: readonly string[] = [];

const PILL_WIDTH = 190;

/** Fixed to the field's lower right corner: an overlay, so the page's layout never moves. */
function placePill() {
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

const excerptOf = (f: WordingFinding) => (f.excerpt.length > 50 ? `${f.excerpt.slice(0, 47)}…` : f.excerpt);
/** The swap keeps the excerpt's capital ("Alltid" → "Ofta"). */
const replacementFor = (f: WordingFinding): string | null => {
  const r = f.replacement?.sv;
  if (!r) return null;
  return /^\p{Lu}/u.test(f.excerpt) ? r[0]!.toUpperCase() + r.slice(1) : r;
};

/**
 * Underline each flagged passage where it is on screen: boxes measured from the text's own
 * layout, clipped to the field's visible area, drawn in the overlay (the page's DOM and text are
 * never touched). They ignore the mouse, so clicking and selecting in the field work as before.
 */
function drawMarks() {
  if (!marks || !field || !model) return;
  const visible = field.getBoundingClientRect();
  const out: HTMLElement[] = [];
  drawn = findings
    .filter((f) => f.rule !== 'no-next-step')
    .map((finding) => {
      const rects = model!
        .rects(finding.start, finding.end)
        .filter(
          (r) =>
            r.width > 0 &&
            r.bottom > visible.top &&
            r.top < visible.bottom &&
            r.right > visible.left &&
            r.left < visible.right,
        );
      for (const r of rects) {
        const m = el('div', `mark mark-${finding.rule}${finding === tipFor ? ' active' : ''}`);
        const left = Math.max(r.left, visible.left);
        const right = Math.min(r.right, visible.right);
        Object.assign(m.style, {
          left: `${left}px`,
          top: `${Math.min(r.bottom - 2, visible.bottom - 2)}px`,
          width: `${right - left}px`,
        });
        out.push(m);
      }
      return { finding, rects };
    });
  marks.replaceChildren(...out);
}

async function replace(f: WordingFinding) {
  const words = replacementFor(f);
  if (!field || !model || !words) return;
  const target = field;
  const fresh = textModel(target, root!);
  // The text may have changed since the check: replace only what is still the flagged excerpt.
  if (fresh.text.slice(f.start, f.end) !== f.excerpt) {
    update(target);
    return;
  }
  fresh.select(f.start, f.end);
  const outcome = await insertText(target, words, { restore: () => fresh.select(f.start, f.end) });
  hideTip();
  if (!outcome.ok) showNotice(t('wordingReplaceFailed'));
  update(target);
}

function showNotice(message: string) {
  if (!box) return;
  const note = el('p', 'notice', message);
  note.setAttribute('role', 'alert');
  box.prepend(note);
}

/**
 * One finding in words (the excerpt, why, what instead) and, where the suggestion is a swap, its
 * button. Under the pointer (`keepFocus`) the swap acts on mousedown, so the field keeps focus and
 * the selection the replacement makes; from the keyboard it is a plain button.
 */
function explained(f: WordingFinding, keepFocus: boolean): HTMLElement[] {
  const lang = currentLanguage();
  const parts: HTMLElement[] = [
    el('strong', '', `”${excerptOf(f)}” `),
    el('span', '', `${f.explanation[lang]} `),
    el('em', '', f.suggestion[lang]),
  ];
  const words = replacementFor(f);
  if (words) {
    const b = el('button', 'replace', t('wordingReplace', words));
    b.type = 'button';
    if (keepFocus)
      b.addEventListener('mousedown', (e) => {
        e.preventDefault();
        void replace(f);
      });
    b.addEventListener('click', () => void replace(f));
    parts.push(b);
  }
  return parts;
}

/** The explanation and suggestion of one finding beside its underline; the swap as a button. */
function showTip(f: WordingFinding, anchor: DOMRect | null) {
  if (!tip) return;
  window.clearTimeout(hideTimer);
  tipFor = f;
  tip.replaceChildren(...explained(f, true));
  tip.hidden = false;
  const r = anchor ?? field?.getBoundingClientRect();
  if (r) {
    tip.style.left = `${Math.round(Math.max(4, Math.min(window.innerWidth - 324, r.left)))}px`;
    const below = r.bottom + 6;
    tip.style.top = `${Math.round(below + 120 > window.innerHeight ? Math.max(4, r.top - 126) : below)}px`;
  }
  drawMarks();
}

function hideTip() {
  if (!tip) return;
  tip.hidden = true;
  tipFor = null;
  drawMarks();
}

/** Hover over an underline shows its tip; leaving both underline and tip hides it after a moment. */
function onPointer(e: MouseEvent) {
  if (!tip || drawn.length === 0) return;
  const hit = drawn.find((d) =>
    d.rects.some(
      (r) => e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top - 2 && e.clientY <= r.bottom + 3,
    ),
  );
  if (hit) {
    if (hit.finding !== tipFor) {
      const r = hit.rects.find((x) => e.clientY >= x.top - 2 && e.clientY <= x.bottom + 3) ?? hit.rects[0]!;
      showTip(hit.finding, r);
    } else window.clearTimeout(hideTimer);
    return;
  }
  if (tipFor && !tip.hidden && !tip.matches(':hover')) {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hideTip, 400);
  }
}

/** Text nodes only: the excerpts are the teacher's own words and the page's content. */
function render() {
  if (!box) return;
  const pill = el('button', 'pill', t('wordingHintButton', formatNumber(findings.length)));
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
      // Focus on a tip (Tab) shows where it is in the text, as hovering the underline does.
      item.tabIndex = 0;
      item.addEventListener('focus', () => {
        const d = drawn.find((x) => x.finding === f);
        showTip(f, d?.rects[0] ?? null);
      });
      item.append(...explained(f, false));
      list.append(item);
    }
    const close = el('button', 'close', t('wordingHintClose'));
    close.type = 'button';
    close.addEventListener('mousedown', (e) => {
      e.preventDefault();
      expanded = false;
      hideTip();
      render();
    });
    panel.append(list, el('p', 'note', t('wordingHintNote')), close);
    children.unshift(panel);
  }
  box.replaceChildren(...children);
  // Opened by the teacher, the tips box comes above the field's Aa button instead of under it.
  box.classList.toggle('expanded', expanded);
  placePill();
  // No room above the field: the box opens below the pill instead of off the top of the window.
  const opened = box.querySelector<HTMLElement>('.panel');
  if (opened) opened.classList.toggle('below', opened.getBoundingClientRect().top < 0);
}

function hide() {
  ui?.remove();
  ui = null;
  root = box = marks = tip = null;
  drawn = [];
  tipFor = null;
  expanded = false;
}

function reposition() {
  placePill();
  drawMarks();
  if (tip && tipFor && !tip.hidden) {
    const d = drawn.find((x) => x.finding === tipFor);
    if (d?.rects[0]) showTip(tipFor, d.rects[0]);
    else hideTip();
  }
}

function update(target: HTMLElement) {
  if (target !== field) expanded = false;
  field = target;
  if (!root) return;
  model = textModel(target, root);
  findings = checkWording(model.text, { kind: 'omdome', approvedPhrases: approved });
  if (findings.length === 0) {
    hide();
    return;
  }
  render();
  drawMarks();
}

async function start(ctx: ContentScriptContext, target: HTMLElement) {
  if (!listening) {
    listening = true;
    // Scrolling the page or the field, a resize and a rich editor's re-render move the text.
    ctx.addEventListener(window, 'scroll', reposition, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', reposition, { passive: true });
    ctx.addEventListener(document, 'mousemove', onPointer, { passive: true });
    approved = (await phraseCacheItem.getValue()).phrases.filter((p) => p.status === 'approved').map((p) => p.text);
  }
  if (!ui) {
    ui = await overlay(ctx, 'iup-stod-wording', css, (container) => {
      root = container;
      marks = el('div', 'marks');
      marks.setAttribute('aria-hidden', 'true');
      tip = el('div', 'tip');
      tip.setAttribute('role', 'tooltip');
      tip.hidden = true;
      tip.addEventListener('mouseleave', () => {
        window.clearTimeout(hideTimer);
        hideTimer = window.setTimeout(hideTip, 400);
      });
      box = el('div', 'hints');
      box.setAttribute('aria-live', 'polite');
      container.append(marks, tip, box);
    });
  }
  update(target);
}

/** Make the module known to the always-loaded part (see `ui/lazy-ui.ts`). */
export function registerWordingHints(): void {
  void settingsItem.getValue().then((s) => setLanguage(s.language));
  registerUi<WordingHintsModule>('wording-hints', {
    update: (ctx, target) => void start(ctx, target),
    stale: () => marks?.replaceChildren(),
  });
}
