import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../people/people.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionEntity } from './session.entity';
import { SessionRepository } from './session.repository';

@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity]), PeopleModule],
  controllers: [AuthController],
  providers: [AuthService, SessionRepository],
  exports: [AuthService],
})
export class AuthModule {}
