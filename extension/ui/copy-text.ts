/**
 * Put plain text on the clipboard from a content script. The asynchronous Clipboard API first;
 * it refuses when the document is not focused, so then a `copy` command whose event carries the
 * text (the extension's `clipboardWrite` permission allows it without a click), which needs no
 * selection and so leaves the teacher's caret alone. True only when one of them reported success.
 */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Not focused, or no permission here: the command below.
  }
  let written = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    e.stopImmediatePropagation();
    written = true;
  };
  doc.addEventListener('copy', onCopy, { capture: true });
  try {
    return doc.execCommand('copy') && written;
  } catch {
    return false;
  } finally {
    doc.removeEventListener('copy', onCopy, { capture: true });
  }
}

/** The paste shortcut as the teacher's keyboard labels it. */
export const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
