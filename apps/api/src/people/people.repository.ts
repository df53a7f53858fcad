import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { StaffEntity } from './staff.entity';

@Injectable()
export class PeopleRepository {
  constructor(
    @InjectRepository(StaffEntity)
    private readonly staff: Repository<StaffEntity>,
  ) {}

  findActiveByEmail(email: string): Promise<StaffEntity | null> {
    return this.staff.findOne({
      where: { email: email.toLowerCase(), active: true },
      relations: { teams: true },
    });
  }
}
