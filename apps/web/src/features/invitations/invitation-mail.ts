/** The attachment's file name, as the mail was sent: a cancellation or an invitation (see the API's mail). */
export function icsFileName(ics: string): string {
  return /^METHOD:CANCEL\s*$/m.test(ics) ? 'aflysning.ics' : 'invitation.ics';
}

export function mailPath(mailId: string): string {
  return `/outbox/${encodeURIComponent(mailId)}`;
}
