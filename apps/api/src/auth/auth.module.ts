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

export const authEntities = [SessionEntity, LoginThrottleEntity];

@Module({
  imports: [TypeOrmModule.forFeature(authEntities), PeopleModule],
  controllers: [AuthController],
  providers: [AuthService, SessionRepository, LoginThrottle, LoginThrottleRepository, AuthHousekeeping],
  exports: [AuthService],
})
export class AuthModule {}
