import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ListScope } from '../access/list-scope';
import { MeetingEntity } from './meeting.entity';

export type MeetingWithCitizen = MeetingEntity & { citizenId: string };

@Injectable()
export class MeetingsRepository {
  constructor(
    @InjectRepository(MeetingEntity)
    private readonly meetings: Repository<MeetingEntity>,
  ) {}

  /** Meetings a staff member takes part in: scheduled ones overlapping [from, to), proposed ones with an overlapping proposal. */
  async findForStaff(scope: ListScope, staffId: string, from: Date, to: Date): Promise<MeetingWithCitizen[]> {
    const rows = await this.meetings
      .createQueryBuilder('m')
      .innerJoin('m.case', 'c')
      .addSelect('c.citizenId')
      .leftJoinAndSelect('m.participants', 'p')
      .leftJoinAndSelect('m.proposals', 'pr')
      .where(`EXISTS (SELECT 1 FROM meeting_participant sp WHERE sp.meeting_id = m.id AND sp.staff_id = :staffId)`, {
        staffId,
      })
      // Only meetings the caller may see: of a case in scope, or one they take part in.
      .andWhere(
        `(${scope.cases('c')} OR EXISTS (SELECT 1 FROM meeting_participant own WHERE own.meeting_id = m.id AND own.staff_id = :scopeStaffId))`,
        scope.params,
      )
      .andWhere(
        `((m.status IN ('scheduled', 'held') AND m.start_at < :to AND m.end_at > :from)
          OR (m.status = 'proposed' AND EXISTS (SELECT 1 FROM meeting_proposal op WHERE op.meeting_id = m.id AND op.start_at < :to AND op.end_at > :from)))`,
        { from, to },
      )
      .orderBy('m.start_at', 'ASC', 'NULLS LAST')
      .addOrderBy('pr.start_at', 'ASC')
      .addOrderBy('p.kind', 'ASC')
      .getMany();
    return rows.map((m) => Object.assign(m, { citizenId: m.case.citizenId }));
  }

  async findById(id: string): Promise<MeetingWithCitizen | null> {
    const m = await this.meetings.findOne({
      where: { id },
      relations: { participants: true, proposals: true, case: true },
      order: { proposals: { startAt: 'ASC' } },
    });
    return m ? Object.assign(m, { citizenId: m.case.citizenId }) : null;
  }
}
