import type { Meeting } from '@tvaers/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoad } from '@web/shared/ui/PageLoad';
import { useMeeting } from '../hooks/useMeeting';
import { CancelMeeting } from './CancelMeeting';
import { GuestLinkControls } from './GuestLinkControls';
import { MeetingHealthStatements } from './MeetingHealthStatements';
import { MeetingOutcome } from './MeetingOutcome';
import { MoveMeeting } from './MoveMeeting';
import { MeetingNotesPanel } from '../room/MeetingNotesPanel';
import { MyResponse } from './MyResponse';
import { MeetingRoom } from '../room/MeetingRoom';
import { useStaffMeetingRoom } from '../hooks/useStaffMeetingRoom';
import { MeetingFacts } from './MeetingFacts';
import './meetings.css';

/** `/meetings/:meetingId`: one roundtable meeting, as the calendar links to it. */
export function MeetingPage() {
  const { meetingId = '' } = useParams<{ meetingId: string }>();
  return <MeetingView key={meetingId} meetingId={meetingId} />;
}

function MeetingView({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  return (
    <PageLoad
      load={useMeeting(meetingId)}
      title={t('meetings.title')}
      loadedTitle={(meeting) => meetingHeading(meeting, t)}
      notFoundTitle={t('meetings.notFoundTitle')}
      notFound={
        <>
          <h1>{t('meetings.notFoundTitle')}</h1>
          <p>{t('meetings.notFoundText')}</p>
          <BackToCalendar />
        </>
      }
      loading={t('meetings.loading')}
      failed={t('meetings.loadFailed')}
    >
      {(meeting) => <MeetingDetails meeting={meeting} />}
    </PageLoad>
  );
}

/** The heading names whom the meeting is about: "Rundbordsmøde om Anna Jensen". */
function meetingHeading(meeting: Meeting, t: TFunction): string {
  return meeting.citizenName
    ? t('pages.meeting.heading', { title: meeting.title, citizen: meeting.citizenName })
    : meeting.title;
}

function BackToCalendar() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/">{t('meetings.backToCalendar')}</Link>
    </p>
  );
}

function MeetingDetails({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const room = useStaffMeetingRoom(meeting);

  return (
    <>
      <h1>{meetingHeading(meeting, t)}</h1>
      <MeetingFacts
        meeting={meeting}
        extra={[
          {
            term: t('meetings.caseLabel'),
            detail: <Link to={`/cases/${encodeURIComponent(meeting.caseId)}`}>{t('meetings.openCase')}</Link>,
          },
        ]}
      />
      <MyResponse meeting={meeting} />
      {meeting.status === 'scheduled' && <MeetingRoom room={room} agenda={meeting.agenda} />}
      <MeetingNotesPanel meeting={meeting} />

      <section className="card meeting-participants" aria-labelledby="meeting-participants-title">
        <h2 id="meeting-participants-title">{t('meetings.participants')}</h2>
        {meeting.participants.length === 0 ? (
          <p>{t('meetings.noParticipants')}</p>
        ) : (
          <ul data-testid="meeting-participants">
            {meeting.participants.map((participant) => (
              <li key={participant.id}>
                <span className="meeting-participants__name">{participant.name}</span>
                <span className="meeting-participants__kind">
                  {' '}
                  ({t(`meetings.participantKinds.${participant.kind}`)})
                </span>
                <span className="meeting-participants__response">
                  : {t(`meetings.responses.${participant.response}`)}
                </span>
                {participant.kind !== 'staff' && meeting.canManage && (
                  <GuestLinkControls meetingId={meeting.id} participant={participant} />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <MeetingHealthStatements meeting={meeting} />
      <MeetingOutcome meeting={meeting} />
      {/* Moving, cancelling and links: only staff who may read the case (another team's participant answers only). */}
      {meeting.canManage && (
        <div className="button-row">
          <MoveMeeting meeting={meeting} />
          <CancelMeeting meeting={meeting} />
        </div>
      )}
      <BackToCalendar />
    </>
  );
}
