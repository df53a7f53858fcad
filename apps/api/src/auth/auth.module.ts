import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
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

@Module({
  // The scheduler's intervals are cleared when the app closes (tests, SIGTERM).
  imports: [TypeOrmModule.forFeature([SessionEntity, LoginThrottleEntity]), ScheduleModule.forRoot(), PeopleModule],
  controllers: [AuthController],
  providers: [AuthService, SessionRepository, LoginThrottle, LoginThrottleRepository, AuthHousekeeping],
  exports: [AuthService],
})
export class AuthModule {}
