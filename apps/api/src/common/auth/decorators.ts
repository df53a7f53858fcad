import { createParamDecorator, type ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@tvaers/contracts';
import type { FastifyRequest } from 'fastify';
import type { StaffActor } from './actor';

export const IS_PUBLIC = 'tvaers:public';
export const ROLES = 'tvaers:roles';

/** No session needed; OpenAPI shows `security: []`. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/** Only these roles may call the route (others get 403). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ROLES, roles), ApiForbiddenResponse({ description: 'Role not allowed' }));

/** Every route of a controller needs a staff session. */
export const StaffOnly = () =>
  applyDecorators(ApiCookieAuth('session'), ApiUnauthorizedResponse({ description: 'No session' }));

export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffActor => {
  const actor = ctx.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) throw new Error('Actor used on a public route');
  return actor;
});
