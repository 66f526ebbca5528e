/**
 * Puts text on the clipboard from a click. First through the document's copy command, which
 * the click's user gesture allows everywhere, Electron included (its permission table denies
 * web content the asynchronous clipboard API); then through `navigator.clipboard`, for a
 * browser that no longer runs the command. Resolves whether the text got there.
 */
export async function copyText(text: string): Promise<boolean> {
  if (copyByCommand(text)) return true;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function copyByCommand(text: string): boolean {
  let copied = false;
  // The copy event's data is replaced by the text, so no selection on the page is needed.
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    copied = true;
  };
  document.addEventListener('copy', onCopy, { capture: true });
  try {
    // Deprecated, but still the one clipboard write a page may make without a permission.
    return document.execCommand('copy') && copied;
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy, { capture: true });
  }
}
