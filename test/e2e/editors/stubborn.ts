// A small editor of the kind the insertion engine must not trust: it keeps its own model, takes
// only trusted keyboard input (beforeinput from a real key press), and renders the DOM from its
// model on the next animation frame after anything else touches it — as editors that ignore
// `execCommand`, synthetic events and pastes do. Text put into its DOM from outside is on screen
// for a frame and then gone; an extension that reads the DOM too early would report success.
const root = document.querySelector<HTMLElement>('#editor')!;
let model = '';
let insertions = 0;

const render = () => {
  root.textContent = model;
  const range = document.createRange();
  range.selectNodeContents(root);
  range.collapse(false);
  const sel = getSelection();
  if (document.activeElement === root && sel) {
    sel.removeAllRanges();
    sel.addRange(range);
  }
};

root.addEventListener('beforeinput', (e) => {
  e.preventDefault();
  if (!e.isTrusted) return;
  if (e.inputType === 'insertText' && e.data) model += e.data;
  else if (e.inputType === 'insertFromPaste') model += e.dataTransfer?.getData('text/plain') ?? '';
  else if (e.inputType === 'deleteContentBackward') model = model.slice(0, -1);
  insertions++;
  render();
});
// A real Ctrl+V (trusted) is taken, so the teacher's way out works; a synthetic paste is not.
root.addEventListener('paste', (e) => {
  e.preventDefault();
  if (!e.isTrusted) return;
  model += e.clipboardData?.getData('text/plain') ?? '';
  insertions++;
  render();
});
// Whatever changed the DOM without going through the model is rendered away.
new MutationObserver(() => {
  if (root.textContent !== model) requestAnimationFrame(render);
}).observe(root, { childList: true, characterData: true, subtree: true });

(window as any).modelText = () => model;
(window as any).modelChanges = () => insertions;
(window as any).editorReady = true;
