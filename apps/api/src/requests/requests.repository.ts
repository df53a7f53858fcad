import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { CASES_OF_CITIZENS, REDACTED } from '../citizens/anonymised';
import { CitizenRequestEntity } from './citizen-request.entity';
import { ExemptionEntity } from './exemption.entity';

@Injectable()
export class RequestsRepository extends TransactionalRepository {
  private readonly requests = this.repository(CitizenRequestEntity);
  private readonly exemptions = this.repository(ExemptionEntity);

  listRequests(caseId: string): Promise<CitizenRequestEntity[]> {
    return this.requests().find({ where: { caseId }, order: { receivedAt: 'DESC' } });
  }

  findRequest(caseId: string, id: string): Promise<CitizenRequestEntity | null> {
    return this.requests().findOne({ where: { caseId, id } });
  }

  saveRequest(r: Partial<CitizenRequestEntity>): Promise<CitizenRequestEntity> {
    const requests = this.requests();
    return requests.save(requests.create(r));
  }

  /** Decides only an undecided request, so two decisions can never both land. */
  async decide(
    id: string,
    d: Pick<CitizenRequestEntity, 'decision' | 'decisionReason' | 'decidedAt' | 'decidedById' | 'decidedByName'>,
  ): Promise<boolean> {
    const res = await this.requests().update({ id, decision: IsNull() }, d);
    return (res.affected ?? 0) === 1;
  }

  listExemptions(caseId: string): Promise<ExemptionEntity[]> {
    return this.exemptions().find({ where: { caseId }, order: { startDate: 'DESC' } });
  }

  saveExemption(e: Partial<ExemptionEntity>): Promise<ExemptionEntity> {
    const exemptions = this.exemptions();
    return exemptions.save(exemptions.create(e));
  }

  /** Retention: the requests' and exemptions' text goes (citizens anonymised in the caller's transaction). */
  async anonymiseCitizens(citizenIds: string[]): Promise<void> {
    const q = (sql: string) => this.em.query(sql, [citizenIds]);
    const cases = CASES_OF_CITIZENS;
    await q(
      `UPDATE citizen_request SET description = '${REDACTED}', decision_reason = NULL WHERE case_id IN (${cases})`,
    );
    await q(`UPDATE exemption SET reason = '${REDACTED}' WHERE case_id IN (${cases})`);
  }
}
