import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '@tvaers/api/src/app.module';
import { AuthService } from '@tvaers/api/src/auth/auth.service';
import type { StaffActor } from '@tvaers/api/src/common/auth/actor';
import { DEMO_PASSWORD, runDatabase, testConfig, testLogger } from './app';

export interface ServiceContext {
  /** The API's modules and services, on the run's database; no HTTP listener. */
  app: INestApplicationContext;
  /** The actor a request of this staff member's (demo password) would carry. */
  actorOf: (email: string) => Promise<StaffActor>;
  close: () => Promise<void>;
}

/** The whole application context (every module, the real database) without HTTP: services called directly. */
export async function startServiceContext(env: Record<string, string> = {}): Promise<ServiceContext> {
  const logger = testLogger();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(testConfig(env), runDatabase(), logger), {
    logger: false,
  });
  await app.init();
  const auth = app.get(AuthService);
  return {
    app,
    actorOf: async (email) => {
      const { token } = await auth.login({ email, password: DEMO_PASSWORD }, '127.0.0.1');
      return (await auth.resolve(token))!;
    },
    close: () => app.close(),
  };
}
