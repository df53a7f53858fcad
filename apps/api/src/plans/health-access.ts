import { Injectable } from '@nestjs/common';
import { CitizensService } from '../citizens/citizens.service';
import type { StaffActor } from '../common/auth/actor';

/** Health data is for the health discipline, and for the rest of the unit only with the citizen's consent. */
@Injectable()
export class HealthAccess {
  constructor(private readonly citizens: CitizensService) {}

  async seesHealth(actor: StaffActor, citizenId: string): Promise<boolean> {
    return (
      actor.discipline === 'health' ||
      actor.roles.includes('health') ||
      this.citizens.hasConsent(citizenId, 'health_in_unit')
    );
  }
}
