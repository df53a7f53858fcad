import { Injectable, type OnModuleInit } from '@nestjs/common';
import { rooms } from '@tvaers/contracts';
import { DomainEvents } from '../common/events/domain-events';
import { RealtimeGateway } from './realtime.gateway';

/** Turns domain events into pushes: who hears what is decided here, not in the services. */
@Injectable()
export class RealtimeListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly gateway: RealtimeGateway,
  ) {}

  onModuleInit(): void {
    this.events.on('plan.changed', ({ caseId, version }) =>
      this.gateway.emitTo(rooms.plan(caseId), 'plan:updated', { caseId, version }),
    );
    this.events.on('session.ended', ({ sessionId }) => this.gateway.disconnect(rooms.session(sessionId)));
  }
}
