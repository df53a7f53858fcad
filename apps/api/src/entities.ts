import { auditEntities } from './audit/audit.module';
import { availabilityEntities } from './availability/availability.module';
import { authEntities } from './auth/auth.module';
import { caseloadEntities } from './caseload/caseload.module';
import { casesEntities } from './cases/cases.module';
import { citizensEntities } from './citizens/citizens.module';
import { guestsEntities } from './guests/guests.module';
import { meetingNotesEntities } from './meeting-notes/meeting-notes.entity';
import { invitationsEntities } from './invitations/invitations.module';
import { meetingsEntities } from './meetings/meetings.module';
import { peopleEntities } from './people/people.module';
import { plansEntities } from './plans/plans.module';
import { progressEntities } from './progress/progress.module';
import { requestsEntities } from './requests/requests.module';

/**
 * Every entity, as the modules register them (the app loads the same ones through `autoLoadEntities`);
 * the CLI, migration generation, the demo seed and the tests share this list.
 */
export const entities = [
  ...caseloadEntities,
  ...peopleEntities,
  ...authEntities,
  ...citizensEntities,
  ...casesEntities,
  ...plansEntities,
  ...progressEntities,
  ...requestsEntities,
  ...meetingsEntities,
  ...auditEntities,
  ...guestsEntities,
  ...availabilityEntities,
  ...meetingNotesEntities,
  ...invitationsEntities,
];
