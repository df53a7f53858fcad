import { Param, ParseUUIDPipe } from '@nestjs/common';
import { notFound } from '../problem/problem';

/** A path id; one that is not a UUID cannot exist, so it is a 404 like any unknown id. */
export const UuidParam = (name: string, what: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => notFound(what) }));
