import { Injectable } from '@nestjs/common';
import type { DoctorParticipationQuery, Meeting, RecordOutcome } from '@tvaers/contracts';
import { TIME_ZONE } from '@tvaers/domain';
import { DateTime } from 'luxon';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { csvFile, type CsvFile } from '../common/csv/csv';
import { forbidden, notFound, ProblemError } from '../common/problem/problem';
import { PlansService } from '../plans/plans.service';
import { MeetingChanges } from './meeting-changes';
import { meetingClosed, meetingNotStarted, outcomeNotYours } from './meetings.errors';
import { MeetingsRepository } from './meetings.repository';
import { MeetingsService } from './meetings.service';

/** A held meeting: its summary and decisions (with their plan version), and the doctors' part for fees. */
@Injectable()
export class MeetingOutcomeService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly changes: MeetingChanges,
    private readonly reads: MeetingsService,
    private readonly access: AccessService,
    private readonly plans: PlansService,
  ) {}

  /**
   * Marks a started meeting held with its summary and decisions. The decisions' effort edits make ONE plan
   * version, in the same transaction as the held status: an invalid decision leaves nothing changed.
   */
  async record(actor: StaffActor, id: string, input: RecordOutcome): Promise<Meeting> {
    await this.changes.commit(actor, Permission.MeetingOutcomeWrite, id, async () => {
      const m = await this.meetings.lockMeeting(id);
      if (!m) throw notFound('Meeting');
      const mine = m.participants.some((p) => p.staffId === actor.id) || m.caseResponsibleId === actor.id;
      if (!mine) throw outcomeNotYours();
      if (m.status === 'cancelled' || m.status === 'held') throw meetingClosed(m.status);
      if (m.status !== 'scheduled' || m.startAt! > new Date()) throw meetingNotStarted();
      const edits = input.decisions.flatMap((d, i) =>
        d.effort ? [{ path: `decisions.${i}.effort`, edit: d.effort }] : [],
      );
      const applied = edits.length
        ? await this.plans.applyEffortEdits(actor, m.caseId, edits).catch((err: unknown) => {
            // A participant from outside the case's teams may close the meeting, but not change its plan.
            if (err instanceof ProblemError && err.status === 404 && !err.errors) {
              throw forbidden("Decisions that change efforts need access to the case's plan.");
            }
            throw err;
          })
        : { efforts: [], version: null };
      let next = 0;
      await this.meetings.insertDecisions(
        input.decisions.map((d, position) => {
          const effort = d.effort ? applied.efforts[next++] : undefined;
          return {
            meetingId: id,
            position,
            text: d.text,
            effortAction: effort?.action ?? null,
            effortId: effort?.effortId ?? null,
          };
        }),
      );
      await this.meetings.update(id, {
        status: 'held',
        summary: input.summary,
        heldAt: new Date(),
        heldById: actor.id,
        heldByName: actor.name,
        outcomePlanVersion: applied.version,
      });
      return {
        meetingId: id,
        change: 'held',
        result: undefined,
        audit: { details: { decisions: input.decisions.length, planVersion: applied.version } },
      };
    });
    return this.reads.seenBy(actor, id);
  }

  /**
   * The doctors' participation in held meetings from `from` to `to` (whole days, Danish time) as CSV for fee
   * settlement: semicolon-separated with a UTF-8 BOM, as Danish Excel opens it. No CPR numbers.
   */
  async doctorParticipationCsv(actor: StaffActor, query: DoctorParticipationQuery): Promise<CsvFile> {
    const from = DateTime.fromISO(query.from, { zone: TIME_ZONE }).startOf('day');
    const to = DateTime.fromISO(query.to, { zone: TIME_ZONE }).plus({ days: 1 }).startOf('day');
    const rows = await this.access.list(
      actor,
      Permission.DoctorParticipationList,
      (scope) => this.meetings.doctorParticipation(scope, from.toJSDate(), to.toJSDate()),
      (r) => ({ citizenId: r.citizenId, entityId: r.meetingId }),
    );
    const local = (d: Date) => DateTime.fromJSDate(d, { zone: TIME_ZONE });
    return csvFile(['laegedeltagelse', query.from, query.to], rows, {
      Dato: (r) => local(r.startAt).toFormat('yyyy-MM-dd'),
      Start: (r) => local(r.startAt).toFormat('HH:mm'),
      Slut: (r) => local(r.endAt).toFormat('HH:mm'),
      Minutter: (r) => Math.round((r.endAt.getTime() - r.startAt.getTime()) / 60_000),
      Læge: (r) => r.doctorName,
      Klinik: (r) => r.clinic ?? '',
      'Helbredsudtalelse givet': (r) => (r.statementGiven ? 'ja' : 'nej'),
      Borger: (r) => r.citizenName,
      Sag: (r) => r.caseId,
      Møde: (r) => r.meetingId,
    });
  }
}
