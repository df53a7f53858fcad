import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DynamicModule, Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';

const isGlobalEnhancer = (p: Provider) =>
  typeof p === 'object' && 'provide' in p && (p.provide === APP_GUARD || p.provide === APP_INTERCEPTOR);

const withoutGlobalEnhancers = (m: DynamicModule): DynamicModule => ({
  ...m,
  providers: m.providers?.filter((p) => !isGlobalEnhancer(p)),
  imports: m.imports?.map((i) => (typeof i === 'object' && 'module' in i ? withoutGlobalEnhancers(i) : i)),
});

/**
 * A change's transaction reaches every repository through TransactionHost (no manager passed along).
 * nestjs-cls also registers a global guard and interceptor that do nothing unless mounted; a global interceptor
 * alone puts every request through Nest's RxJS interceptor chain (about a fifth of GET /api/me, `npm run bench`).
 * Neither is needed: TransactionHost.withTransaction opens its own context, so they are left out.
 */
export const transactionsModule = (): DynamicModule =>
  withoutGlobalEnhancers(
    ClsModule.forRoot({
      global: true,
      plugins: [
        new ClsPluginTransactional({
          imports: [TypeOrmModule],
          adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
        }),
      ],
    }),
  );
