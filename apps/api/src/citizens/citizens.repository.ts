import { Injectable } from '@nestjs/common';
import type { ConsentScope } from '@tvaers/contracts';
import type { ListScope } from '../access/list-scope';
import { type KeysetColumn, keysetAfter } from '../common/database/keyset';
import { containsPattern } from '../common/database/sql';
import { TransactionalRepository } from '../common/database/transactional-repository';
import { CitizenEntity } from './citizen.entity';
import { ConsentEntity } from './consent.entity';
import { ANONYMOUS_NAME } from './anonymised';

export type CitizenRow = CitizenEntity & { activeCaseId: string | null };
/** A search hit; `visible` is false for an intake match (known only by its exact CPR). */
export type CitizenHit = CitizenRow & { visible: boolean };

/** Search hits by name, then id: the id makes the order total, so pages neither skip nor repeat a namesake. */
const BY_NAME: readonly KeysetColumn[] = [
  { expr: 'c.name', dir: 'ASC' },
  { expr: 'c.id', dir: 'ASC' },
];

@Injectable()
export class CitizensRepository extends TransactionalRepository {
  private readonly citizens = this.repository(CitizenEntity);
  private readonly consents = this.repository(ConsentEntity);

  private base() {
    return this.citizens()
      .createQueryBuilder('c')
      .leftJoin('case', 'k', `k.citizen_id = c.id AND k.status = 'active'`)
      .addSelect('k.id', 'active_case_id');
  }

  private async rows(qb: ReturnType<CitizensRepository['base']>): Promise<CitizenRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<{ active_case_id: string | null }>();
    return entities.map((e, i) => Object.assign(e, { activeCaseId: raw[i]?.active_case_id ?? null }));
  }

  private async hits(qb: ReturnType<CitizensRepository['base']>, scope: ListScope): Promise<CitizenHit[]> {
    const { entities, raw } = await qb
      .addSelect(scope.citizens('c'), 'visible')
      .setParameters(scope.params)
      .getRawAndEntities<{ active_case_id: string | null; visible: boolean }>();
    return entities.map((e, i) =>
      Object.assign(e, { activeCaseId: raw[i]?.active_case_id ?? null, visible: raw[i]?.visible ?? false }),
    );
  }

  insert(citizen: Partial<CitizenEntity>): Promise<CitizenEntity> {
    const citizens = this.citizens();
    return citizens.save(citizens.create(citizen));
  }

  async findById(id: string): Promise<CitizenRow | null> {
    return (await this.rows(this.base().where('c.id = :id', { id })))[0] ?? null;
  }

  async idByCprHash(hash: Buffer): Promise<string | null> {
    return (await this.citizens().findOne({ where: { cprHash: hash }, select: { id: true } }))?.id ?? null;
  }

  /** An exact CPR: a citizen in scope, or one without an active case anywhere (intake). */
  findByCprHash(scope: ListScope, hash: Buffer): Promise<CitizenHit[]> {
    return this.hits(
      this.base()
        .where('c.cpr_hash = :hash', { hash })
        .andWhere(`(${scope.citizens('c')} OR k.id IS NULL)`),
      scope,
    );
  }

  /** Anonymised citizens are not searched for: nothing is left to find them by (and each hit is a log row). */
  searchByName(
    scope: ListScope,
    fragment: string,
    page: { after?: readonly [string, string]; limit: number },
  ): Promise<CitizenHit[]> {
    const qb = this.matching(scope, fragment)
      .orderBy(Object.fromEntries(BY_NAME.map((c) => [c.expr, c.dir])))
      .limit(page.limit);
    if (page.after) {
      const after = keysetAfter(BY_NAME, page.after);
      qb.andWhere(after.sql, after.params);
    }
    return this.hits(qb, scope);
  }

  /** How many citizens `searchByName` finds in all its pages. */
  countByName(scope: ListScope, fragment: string): Promise<number> {
    return this.matching(scope, fragment).setParameters(scope.params).getCount();
  }

  private matching(scope: ListScope, fragment: string) {
    const qb = this.base().where(scope.citizens('c')).andWhere('c.anonymised_at IS NULL');
    if (fragment) qb.andWhere('c.name ILIKE :pattern', { pattern: containsPattern(fragment) });
    return qb;
  }

  findConsents(citizenId: string): Promise<ConsentEntity[]> {
    return this.consents().find({ where: { citizenId } });
  }

  /** Consent changes of one citizen are applied one at a time; the citizen row is the lock, also before a first consent. */
  async lockConsent(citizenId: string, scope: ConsentScope): Promise<ConsentEntity | null> {
    await this.citizens().findOne({ where: { id: citizenId }, lock: { mode: 'pessimistic_write' } });
    return this.consents().findOne({ where: { citizenId, scope } });
  }

  saveConsent(consent: ConsentEntity): Promise<ConsentEntity> {
    return this.consents().save(consent);
  }

  /**
   * Retention: removes the personal data of these citizens (locked by the caller), only while no case was opened
   * meanwhile (none is ever opened for an anonymised one); the ids of those anonymised.
   */
  async anonymiseCitizens(due: string[]): Promise<string[]> {
    if (due.length === 0) return [];
    const [rows]: [{ id: string }[], number] = await this.em.query(
      `UPDATE citizen c SET name = '${ANONYMOUS_NAME}', email = NULL, phone = NULL, cpr_encrypted = NULL,
              cpr_hash = NULL, cpr_birth = NULL, anonymised_at = now(), updated_at = now()
        WHERE c.id = ANY($1::uuid[]) AND c.anonymised_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM "case" k WHERE k.citizen_id = c.id AND k.status <> 'closed')
        RETURNING c.id`,
      [due],
    );
    const citizenIds = rows.map((r) => r.id);
    if (citizenIds.length) {
      await this.em.query(`UPDATE consent SET note = NULL WHERE citizen_id = ANY($1::uuid[])`, [citizenIds]);
    }
    return citizenIds;
  }
}
