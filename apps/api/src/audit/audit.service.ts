import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { StaffActor } from '../common/auth/actor';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditEvent {
  citizenId: string | null;
  action: string;
  entity?: string;
  entityId?: string;
  purpose?: string;
  details?: Record<string, unknown>;
}

/** Every read and write of a citizen's data lands here; pass the transaction's manager for writes. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntryEntity)
    private readonly entries: Repository<AuditEntryEntity>,
  ) {}

  /** Newest first: who read or changed this citizen's data. */
  forCitizen(citizenId: string, limit = 500): Promise<AuditEntryEntity[]> {
    return this.entries.find({ where: { citizenId }, order: { at: 'DESC', id: 'DESC' }, take: limit });
  }

  async record(actor: StaffActor, events: AuditEvent[], em?: EntityManager): Promise<void> {
    if (events.length === 0) return;
    const repo = em ? em.getRepository(AuditEntryEntity) : this.entries;
    await repo.save(
      events.map((e) =>
        repo.create({
          actorKind: 'staff' as const,
          actorId: actor.id,
          actorName: actor.name,
          citizenId: e.citizenId,
          action: e.action,
          entity: e.entity ?? null,
          entityId: e.entityId ?? null,
          purpose: e.purpose ?? null,
          details: e.details ?? null,
        }),
      ),
      { reload: false },
    );
  }
}
