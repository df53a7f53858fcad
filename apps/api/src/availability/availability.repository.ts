import { Injectable } from '@nestjs/common';
import type { WeeklyHours } from '@tvaers/contracts';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { AbsenceEntity } from './absence.entity';
import { WorkingHoursEntity } from './working-hours.entity';

@Injectable()
export class AvailabilityRepository extends TransactionalRepository {
  private readonly hours = this.repository(WorkingHoursEntity);
  private readonly absences = this.repository(AbsenceEntity);

  /** Stored weeks by staff id; those without one are missing from the map. */
  async hoursOf(staffIds: string[]): Promise<Map<string, WeeklyHours[]>> {
    const rows = await this.hours()
      .createQueryBuilder('w')
      .where('w.staff_id = ANY(:staffIds)', { staffIds })
      .getMany();
    return new Map(rows.map((r) => [r.staffId, r.hours]));
  }

  async setHours(staffId: string, hours: WeeklyHours[], updatedById: string): Promise<void> {
    await this.hours().upsert({ staffId, hours, updatedById, updatedAt: new Date() }, ['staffId']);
  }

  /** Absences of these staff members overlapping [from, to), in time order. */
  absencesOf(staffIds: string[], from: Date, to: Date | null): Promise<AbsenceEntity[]> {
    const qb = this.absences()
      .createQueryBuilder('a')
      .where('a.staff_id = ANY(:staffIds) AND a.end_at > :from', { staffIds, from });
    if (to) qb.andWhere('a.start_at < :to', { to });
    return qb.orderBy('a.start_at', 'ASC').getMany();
  }

  insertAbsence(data: Partial<AbsenceEntity>): Promise<AbsenceEntity> {
    const absences = this.absences();
    return absences.save(absences.create(data));
  }

  /** Whether the absence existed (as this staff member's) and is now gone. */
  async deleteAbsence(staffId: string, id: string): Promise<boolean> {
    return ((await this.absences().delete({ id, staffId })).affected ?? 0) > 0;
  }
}
