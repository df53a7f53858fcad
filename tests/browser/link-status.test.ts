// The meeting page tells whether a guest's link is out (after a reload too), and "Nyt link" asks first,
// says the old link stops working and the new one is mailed, and says so afterwards.
import type { TestApp } from '../support/app';
import { axeViolations, browserSuite } from '../support/browser';
import { apiClient } from '../support/client';
import { createCase, issueGuestLink, type Staff } from '../support/factories';

const suite = browserSuite();
let t: TestApp;
let cw: Staff;

beforeAll(async () => ({ t, caseworker: cw } = await suite.team('caseworker')));

it('shows the link status, replaces a link only after asking, and says it was mailed', async () => {
  const { kase, citizen } = await createCase(t, cw.cookie, cw.id, 0.01);
  const start = new Date(Date.now() + 9 * 24 * 3600_000);
  const meeting = await apiClient(t, cw.cookie).meetings.create({
    caseId: kase.id,
    start: start.toISOString(),
    end: new Date(start.getTime() + 3600_000).toISOString(),
    participants: [{ kind: 'doctor', name: 'Læge Hansen', email: 'hansen-status@example.org' }, { kind: 'citizen' }],
  });
  const doctor = meeting.participants.find((p) => p.kind === 'doctor')!;
  await issueGuestLink(t, cw.cookie, meeting.id, doctor.id);

  const page = await suite.pageAs(cw.email, `/meetings/${meeting.id}`);
  const doctorLink = page.getByTestId('guest-link').filter({ has: page.getByLabel('Nyt link til Læge Hansen') });
  await doctorLink.getByText(`Linket blev lavet af ${cw.name}`, { exact: false }).waitFor();

  // Asked first; Esc keeps the link.
  await page.getByRole('button', { name: 'Nyt link til Læge Hansen' }).click();
  const question = page.getByRole('group', { name: /Vil du lave et nyt link til Læge Hansen\?/ });
  await question.getByText(/Det gamle link holder op med at virke/).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await question.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Nyt link til Læge Hansen' }).click();
  await page.getByRole('button', { name: 'Ja, lav et nyt link' }).click();
  await page
    .getByText('Der er lavet et nyt link til Læge Hansen, og det er sendt på mail. Det gamle link virker ikke længere.')
    .waitFor();
  await page.getByLabel('Link til Læge Hansen', { exact: true }).waitFor();

  // After a reload the page still tells that a link is out, and who made it; the citizen has none yet.
  await page.reload();
  await page
    .getByTestId('guest-link')
    .filter({ has: page.getByLabel('Nyt link til Læge Hansen') })
    .getByText(`Linket blev lavet af ${cw.name}`, { exact: false })
    .waitFor();
  const citizenLink = page
    .getByTestId('guest-link')
    .filter({ has: page.getByRole('button', { name: new RegExp(`^(Lav|Nyt) link til ${citizen.name}$`) }) });
  await citizenLink.getByText('Der er ikke sendt noget link endnu.').waitFor();
  await page.getByRole('button', { name: `Lav link til ${citizen.name}` }).click();
  await citizenLink.getByText(/Vi har ingen e-mailadresse, så giv linket videre selv\./).waitFor();
  expect(await axeViolations(page)).toEqual([]);
});
