import { Injectable } from '@nestjs/common';
import { PeopleRepository } from './people.repository';
import type { StaffEntity } from './staff.entity';

/** Staff and teams as other contexts ask for them; only this folder reaches the repository. */
@Injectable()
export class PeopleService {
  constructor(private readonly people: PeopleRepository) {}

  /** The active staff member with this e-mail (any case), with their teams. */
  findActiveByEmail(email: string): Promise<StaffEntity | null> {
    return this.people.findActiveByEmail(email);
  }
}
