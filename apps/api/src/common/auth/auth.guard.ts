import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@tvaers/contracts';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../problem/problem';
import { hasRole } from './actor';
import { IS_PUBLIC, ROLES } from './decorators';

/** Global: every route needs a staff session unless marked @Public; the session was resolved in onRequest. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const actor = ctx.switchToHttp().getRequest<FastifyRequest>().actor;
    if (!actor) throw unauthorized();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !hasRole(actor, ...roles)) throw forbidden();
    return true;
  }
}
