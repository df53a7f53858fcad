import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RealtimeGateway, REVALIDATE_EVERY_MS } from './realtime.gateway';
import { RealtimeListener } from './realtime.listener';

@Global()
@Module({
  imports: [AuthModule],
  providers: [RealtimeGateway, RealtimeListener, { provide: REVALIDATE_EVERY_MS, useValue: 30_000 }],
  exports: [RealtimeGateway],
})
export class RealtimeModule {}
