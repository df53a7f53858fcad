import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { containsPattern } from '../common/database/sql';
import { CitizenEntity } from './citizen.entity';
import { ConsentEntity } from './consent.entity';

export type CitizenRow = CitizenEntity & { activeCaseId: string | null };

@Injectable()
export class CitizensRepository {
  constructor(
    @InjectRepository(CitizenEntity) private readonly citizens: Repository<CitizenEntity>,
    @InjectRepository(ConsentEntity) private readonly consents: Repository<ConsentEntity>,
  ) {}

  private base() {
    return this.citizens
      .createQueryBuilder('c')
      .leftJoin(CaseEntity, 'k', `k.citizen_id = c.id AND k.status = 'active'`)
      .addSelect('k.id', 'active_case_id');
  }

  private async rows(qb: ReturnType<CitizensRepository['base']>): Promise<CitizenRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<{ active_case_id: string | null }>();
    return entities.map((e, i) => Object.assign(e, { activeCaseId: raw[i]?.active_case_id ?? null }));
  }

  insert(citizen: Partial<CitizenEntity>): Promise<CitizenEntity> {
    return this.citizens.save(this.citizens.create(citizen));
  }

  async findById(id: string): Promise<CitizenRow | null> {
    return (await this.rows(this.base().where('c.id = :id', { id })))[0] ?? null;
  }

  findByCprHash(hash: Buffer): Promise<CitizenRow[]> {
    return this.rows(this.base().where('c.cpr_hash = :hash', { hash }));
  }

  searchByName(fragment: string, limit = 50): Promise<CitizenRow[]> {
    const qb = this.base().orderBy('c.name', 'ASC').limit(limit);
    if (fragment) qb.where('c.name ILIKE :pattern', { pattern: containsPattern(fragment) });
    return this.rows(qb);
  }

  findConsents(citizenId: string): Promise<ConsentEntity[]> {
    return this.consents.find({ where: { citizenId } });
  }

  saveConsent(consent: ConsentEntity): Promise<ConsentEntity> {
    return this.consents.save(consent);
  }
}
