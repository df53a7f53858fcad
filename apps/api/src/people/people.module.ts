import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from './password';
import { PeopleRepository } from './people.repository';
import { PasswordTokenEntity } from './password-token.entity';
import { PeopleService } from './people.service';
import { StaffEntity } from './staff.entity';
import { TeamEntity } from './team.entity';

export const peopleEntities = [TeamEntity, StaffEntity, PasswordTokenEntity];

@Module({
  imports: [TypeOrmModule.forFeature(peopleEntities)],
  providers: [PeopleService, PeopleRepository, PasswordHasher],
  exports: [PeopleService, PasswordHasher],
})
export class PeopleModule {}
