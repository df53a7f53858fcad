/**
 * For an inline editor's onKeyDown, `(event) => cancelOnEscape(event, close)`: Esc cancels, as its
 * "Annullér" button does, so the keyboard leaves every editor the same way and nothing is saved.
 */
export function cancelOnEscape(event: { key: string; preventDefault: () => void }, cancel: () => void): void {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  cancel();
}
