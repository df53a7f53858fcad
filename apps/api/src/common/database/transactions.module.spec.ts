import type { DynamicModule, Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ClsModule } from 'nestjs-cls';
import { transactionsModule } from './transactions.module';

const enhancers = (m: DynamicModule): unknown[] => [
  ...(m.providers ?? [])
    .filter((p: Provider) => typeof p === 'object' && 'provide' in p)
    .map((p) => (p as { provide: unknown }).provide)
    .filter((token) => token === APP_GUARD || token === APP_INTERCEPTOR),
  ...(m.imports ?? []).flatMap((i) => (typeof i === 'object' && 'module' in i ? enhancers(i) : [])),
];

describe('transactionsModule', () => {
  it('registers no global guard or interceptor, which nestjs-cls itself would', () => {
    expect(enhancers(ClsModule.forRoot({}))).toEqual([APP_GUARD, APP_INTERCEPTOR]);
    expect(enhancers(transactionsModule())).toEqual([]);
  });
});
