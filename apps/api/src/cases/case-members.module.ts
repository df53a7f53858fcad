import { Module } from '@nestjs/common';
import { CaseMembersRepository } from './case-members.repository';
import { CaseMembersService } from './case-members.service';

/** The case membership rule, used by cases, plans (effort owners) and meetings (invitations). */
@Module({
  providers: [CaseMembersService, CaseMembersRepository],
  exports: [CaseMembersService],
})
export class CaseMembersModule {}
