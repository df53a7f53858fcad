import { Global, Injectable, Module } from '@nestjs/common';
import { EventEmitter2, EventEmitterModule, OnEvent } from '@nestjs/event-emitter';

/** What happened in the domain; listeners (e.g. realtime) decide what to do with it. */
export interface DomainEventMap {
  'plan.changed': { caseId: string; version: number };
  /** A staff session was ended (logout); its sockets close with it. */
  'session.ended': { sessionId: string; reason?: 'access-ended' };
  /** An administrator changed a person's roles, discipline or teams: sockets authorised with the old ones end. */
  'staff.access.changed': { staffId: string };
  /** A participant's guest link was revoked or replaced: its open connections end. */
  'guest.link.revoked': { meetingId: string; participantId: string };
  /** A meeting got its time: created fixed, or a proposal was chosen. */
  'meeting.scheduled': { meetingId: string };
  /** A meeting was created with 2–5 proposed times. */
  'meeting.proposed': { meetingId: string };
  'meeting.moved': { meetingId: string };
  /** Its title, place or video link changed (what its participants' calendars show). */
  'meeting.changed': { meetingId: string };
  'meeting.cancelled': { meetingId: string };
  /** A meeting was marked held with its outcome: the summary goes to the participants. */
  'meeting.held': { meetingId: string };
  /** A participant answered the invitation (no mail; the live room hears of it). */
  'meeting.answered': { meetingId: string };
  /** A guest gave health data on a case (a doctor's statement, the citizen's own assessment). */
  'health.data.received': { caseId: string };
  /** The notes changed outside the live room (a version restored): relayed to those who may read them. */
  'meeting.notes.changed': { meetingId: string; update: string; text: string };
  /** The organiser shared a meeting's notes with another guest, or stopped sharing them. */
  'meeting.notes.shared': { meetingId: string; participantId: string; shared: boolean };
  /** A load or ceiling in the team changed (a case opened, assigned, reopened, closed or reweighted; a ceiling set). */
  'caseload.changed': { teamId: string };
}

/** One event with its payload, as a change returns it to be emitted after its commit. */
export type DomainEvent = { [K in keyof DomainEventMap]: readonly [K, DomainEventMap[K]] }[keyof DomainEventMap];

/** An event whose name is computed (`meeting.${change}`): TypeScript cannot pair a union name with its payload. */
export function domainEvent<K extends keyof DomainEventMap>(event: K, payload: DomainEventMap[K]): DomainEvent {
  return [event, payload] as unknown as DomainEvent;
}

/** Typed emit over @nestjs/event-emitter: an event name and its payload cannot drift apart. */
@Injectable()
export class DomainEvents {
  constructor(private readonly emitter: EventEmitter2) {}

  emit<K extends keyof DomainEventMap>(event: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(event, payload);
  }

  emitAll(events: readonly DomainEvent[]): void {
    for (const [event, payload] of events) this.emitter.emit(event, payload);
  }
}

/** Subscribes a provider's method to a domain event; its parameter is `DomainEventMap[event]`. */
export const OnDomainEvent = (event: keyof DomainEventMap): MethodDecorator => OnEvent(event);

@Global()
@Module({ imports: [EventEmitterModule.forRoot()], providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
