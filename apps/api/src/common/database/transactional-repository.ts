import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';

/**
 * The base of a repository that works in its caller's transaction (`@Transactional()` or `txHost.withTransaction`
 * in a service, through nestjs-cls), or on the pool outside one, without an entity manager being passed around.
 */
@Injectable()
export abstract class TransactionalRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The entity manager of the current transaction. */
  protected get em(): EntityManager {
    return this.txHost.tx;
  }

  /** `private readonly plans = this.repository(PlanEntity)`; `this.plans()` is then the current transaction's. */
  protected repository<E extends ObjectLiteral>(entity: EntityTarget<E>): () => Repository<E> {
    return () => this.em.getRepository(entity);
  }
}
