import { EventEmitter } from 'node:events';
import { Global, Injectable, Module } from '@nestjs/common';

/** What happened in the domain; listeners (e.g. realtime) decide what to do with it. */
export interface DomainEventMap {
  'plan.changed': { caseId: string; version: number };
  /** A staff session was ended (logout); its sockets close with it. */
  'session.ended': { sessionId: string };
}

@Injectable()
export class DomainEvents {
  private readonly emitter = new EventEmitter();

  emit<K extends keyof DomainEventMap>(event: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(event, payload);
  }

  on<K extends keyof DomainEventMap>(event: K, listener: (payload: DomainEventMap[K]) => void): void {
    this.emitter.on(event, listener);
  }
}

@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
