import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../people/people.module';
import { AuthHousekeeping } from './auth-housekeeping';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { LoginThrottleEntity } from './login-throttle.entity';
import { LoginThrottleRepository } from './login-throttle.repository';
import { SessionEntity } from './session.entity';
import { SessionRepository } from './session.repository';
import { OidcController } from './oidc.controller';
import { OidcFlowEntity } from './oidc-flow.entity';
import { OidcService } from './oidc.service';

export const authEntities = [SessionEntity, LoginThrottleEntity, OidcFlowEntity];

@Module({
  imports: [TypeOrmModule.forFeature(authEntities), PeopleModule],
  controllers: [AuthController, OidcController],
  providers: [AuthService, SessionRepository, LoginThrottle, LoginThrottleRepository, AuthHousekeeping, OidcService],
  exports: [AuthService],
})
export class AuthModule {}
