import type { GuestView } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { Facts } from '@web/features/cases/components/Facts';
import { useFormatters } from '@web/shared/hooks/useFormatters';
import { safeVideoUrl } from '@web/features/meetings/components/MeetingFacts';

/**
 * What the guest is asked and by whom: who the meeting is about (doctor and citizen
 * only), why, who invites and how to reach them, in person or on video, and, for the doctor, the fee.
 */
export function GuestAbout({ view }: { view: GuestView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { meeting, guest, citizen, host, feeText } = view;
  const video = safeVideoUrl(meeting.videoUrl) !== null;
  const mode = meeting.location && video ? 'both' : video ? 'video' : meeting.location ? 'inPerson' : 'unknown';
  const { organizer } = host;
  const inviter = [host.municipality, host.unit].filter(Boolean).join(', ');
  return (
    <section className="card guest-about" aria-labelledby="guest-about-title" data-testid="guest-about">
      <h2 id="guest-about-title">{t('pages.guest.about.title')}</h2>
      <p>{t(`pages.guest.about.purpose.${guest.kind}`)}</p>
      <Facts
        className="guest-about__facts"
        facts={[
          citizen !== null && {
            term: guest.kind === 'citizen' ? t('pages.guest.about.you') : t('pages.guest.about.citizen'),
            detail: (
              <span data-testid="guest-citizen">
                {t('pages.guest.about.citizenDetail', { name: citizen.name, born: format.date(citizen.birthDate) })}
              </span>
            ),
          },
          inviter !== '' && { term: t('pages.guest.about.inviter'), detail: inviter },
          organizer.name !== '' && {
            term: t('pages.guest.about.organizer'),
            detail: (
              <>
                {organizer.name}
                <ul className="guest-about__contact">
                  {organizer.phone && (
                    <li>
                      {t('pages.guest.about.phone')}{' '}
                      <a href={`tel:${organizer.phone.replace(/\s+/g, '')}`}>{organizer.phone}</a>
                    </li>
                  )}
                  {organizer.email && (
                    <li>
                      {t('pages.guest.about.email')} <a href={`mailto:${organizer.email}`}>{organizer.email}</a>
                    </li>
                  )}
                </ul>
              </>
            ),
          },
          {
            term: t('pages.guest.about.mode'),
            detail: t(`pages.guest.about.modes.${mode}`),
          },
          feeText !== null && {
            term: t('pages.guest.about.fee'),
            detail: <span data-testid="guest-fee">{feeText}</span>,
          },
        ]}
      />
    </section>
  );
}
