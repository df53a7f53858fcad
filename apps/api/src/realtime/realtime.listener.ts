import { Injectable } from '@nestjs/common';
import { rooms } from '@tvaers/contracts';
import { type DomainEventMap, OnDomainEvent } from '../common/events/domain-events';
import { RealtimeGateway } from './realtime.gateway';

/** Turns domain events into pushes: who hears what is decided here, not in the services. */
@Injectable()
export class RealtimeListener {
  constructor(private readonly gateway: RealtimeGateway) {}

  @OnDomainEvent('plan.changed')
  planChanged({ caseId, version }: DomainEventMap['plan.changed']): void {
    this.gateway.emitTo(rooms.plan(caseId), 'plan:updated', { caseId, version });
  }

  @OnDomainEvent('session.ended')
  sessionEnded({ sessionId }: DomainEventMap['session.ended']): void {
    this.gateway.disconnect(rooms.session(sessionId));
  }
}
