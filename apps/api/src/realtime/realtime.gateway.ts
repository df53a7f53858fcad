import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  type JoinAck,
  MeetingRoomPayload,
  type NotesAck,
  NotesWritePayload,
  PlanRoomPayload,
  rooms,
} from '@tvaers/contracts';
import { NotesRelay } from './notes-relay';
import { RealtimeRooms } from './realtime-rooms';
import { RealtimeServer, type TvaersServer, type TvaersSocket } from './realtime-server';
import { actorOf, NOT_FOUND, payloadOf, VALIDATION_FAILED } from './socket-acks';
import { SocketAuth } from './socket-auth';
import { SocketRevalidation } from './socket-revalidation';

/**
 * The one socket.io gateway: each event's payload checked by its contract schema, then handed to the part
 * that does it (rooms and presence, notes); connecting is SocketAuth's, staying SocketRevalidation's.
 */
@WebSocketGateway({
  path: '/socket.io',
  serveClient: false,
  cors: { origin: false },
})
export class RealtimeGateway implements OnGatewayInit {
  @WebSocketServer() server: TvaersServer;

  constructor(
    private readonly io: RealtimeServer,
    private readonly socketAuth: SocketAuth,
    private readonly rooms: RealtimeRooms,
    private readonly notes: NotesRelay,
    private readonly revalidation: SocketRevalidation,
  ) {}

  afterInit(server: TvaersServer): void {
    this.io.attach(server);
    // Another process changed someone's access: this one's sockets are checked at once too.
    server.on('revalidate', () => void this.revalidation.revalidate());
    server.use((socket, next) => {
      this.rooms.presenceOnLeave(socket);
      this.socketAuth.authenticate(socket, next);
    });
  }

  @SubscribeMessage('plan:join')
  async joinPlan(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const payload = payloadOf(PlanRoomPayload, body);
    const actor = socket.data.actor;
    if (!actor || !payload.ok) return NOT_FOUND;
    return this.rooms.joinPlan(socket, actor, payload.data.caseId);
  }

  @SubscribeMessage('plan:leave')
  async leavePlan(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<void> {
    const payload = payloadOf(PlanRoomPayload, body);
    if (payload.ok) await socket.leave(rooms.plan(payload.data.caseId));
  }

  @SubscribeMessage('meeting:join')
  async joinMeeting(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<JoinAck> {
    const payload = payloadOf(MeetingRoomPayload, body);
    const actor = actorOf(socket.data);
    if (!actor || !payload.ok) return NOT_FOUND;
    return this.rooms.joinMeeting(socket, actor, payload.data.meetingId);
  }

  @SubscribeMessage('meeting:leave')
  async leaveMeeting(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<void> {
    const payload = payloadOf(MeetingRoomPayload, body);
    if (payload.ok) await this.rooms.leaveMeeting(socket, payload.data.meetingId);
  }

  /** Only from inside the meeting's room. */
  @SubscribeMessage('meeting:notes')
  async writeNotes(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<NotesAck> {
    const room = payloadOf(MeetingRoomPayload, body);
    const actor = actorOf(socket.data);
    if (!actor || !room.ok || !socket.rooms.has(rooms.meeting(room.data.meetingId))) return NOT_FOUND;
    const payload = payloadOf(NotesWritePayload, body, VALIDATION_FAILED);
    if (!payload.ok) return payload;
    return this.notes.write(socket, actor, payload.data.meetingId, payload.data.update);
  }

  @SubscribeMessage('meeting:notes:sync')
  async syncNotes(@ConnectedSocket() socket: TvaersSocket, @MessageBody() body: unknown): Promise<NotesAck> {
    const payload = payloadOf(MeetingRoomPayload, body);
    const actor = actorOf(socket.data);
    if (!actor || !payload.ok || !socket.rooms.has(rooms.meeting(payload.data.meetingId))) return NOT_FOUND;
    return this.notes.sync(actor, payload.data.meetingId);
  }
}
