import { Controller, createParamDecorator, type ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth, ApiExtension, ApiTags } from '@nestjs/swagger';
import type { Role } from '@tvaers/contracts';
import type { FastifyRequest } from 'fastify';
import { ApiProblem } from '../http/openapi';
import type { StaffActor } from './actor';

export const IS_PUBLIC = 'tvaers:public';
export const ROLES = 'tvaers:roles';

/** No session needed; OpenAPI shows `security: []`. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/** Only these roles may call the route (others get 403). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiProblem(403, `Your role may not use this route (only ${roles.join(', ')})`),
  );

/** Every route of a controller needs a staff session (its 401 is documented with every secured route). */
export const StaffOnly = () => applyDecorators(ApiCookieAuth('session'));

/** A controller whose every route needs a staff session, under one OpenAPI tag. */
export const StaffController = (tag: string, path = tag) =>
  applyDecorators(ApiTags(tag), StaffOnly(), Controller(path));

export const Actor = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffActor => {
  const actor = ctx.switchToHttp().getRequest<FastifyRequest>().actor;
  if (!actor) throw new Error('Actor used on a public route');
  return actor;
});
