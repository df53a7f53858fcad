import { Inject, Injectable } from '@nestjs/common';
import type { CitizenExport } from '@tvaers/contracts';
import { AccessService } from '../access/access.service';
import { Permission } from '../access/permission';
import type { StaffActor } from '../common/auth/actor';
import { CprCipher } from '../common/crypto/cpr-cipher';
import { notFound } from '../common/problem/problem';
import { docOf, textOf } from '../meeting-notes/notes-document';
import { CitizenExportRepository, type CaseTableKey } from './citizen-export.repository';

/** Why the export's single access-log row was written. */
export const EXPORT_PURPOSE = 'Indsigt efter GDPR art. 15 (fuld udskrift)';

const CASE_TABLES: CaseTableKey[] = [
  'planVersions',
  'efforts',
  'meetings',
  'healthStatements',
  'ownAssessments',
  'requests',
  'exemptions',
  'indicatorScores',
  'members',
  'assignments',
];

/**
 * A citizen's right of access (GDPR art. 15): everything held on them, health data included, for a manager
 * of a team with their case to hand over. One access-log row (`citizen.export`, with its purpose) stands
 * for the whole read; it is written before the rows are read, so the log in the export shows it too.
 */
@Injectable()
export class CitizenExportService {
  constructor(
    private readonly repo: CitizenExportRepository,
    private readonly access: AccessService,
    @Inject(CprCipher) private readonly cipher: CprCipher,
  ) {}

  async export(actor: StaffActor, citizenId: string): Promise<CitizenExport> {
    await this.access.require(actor, Permission.CitizenExport, citizenId, EXPORT_PURPOSE);
    const citizen = await this.repo.citizen(citizenId);
    if (!citizen) throw notFound('Citizen');
    const row = await this.repo.cprOf(citizenId);
    const byCase = Object.fromEntries(
      await Promise.all(CASE_TABLES.map(async (key) => [key, await this.repo.byCase(key, citizenId)] as const)),
    ) as Record<CaseTableKey, Record<string, unknown>[]>;
    const notes = await this.repo.notes(citizenId);
    return {
      exportedAt: new Date().toISOString(),
      citizen: { ...citizen, cpr: row ? this.cipher.decrypt(row) : null },
      cases: await this.repo.cases(citizenId),
      ...byCase,
      meetingNotes: notes
        .map((n) => ({ meetingId: n.meetingId, text: n.updates.length ? textOf(docOf(...n.updates)) : '' }))
        .filter((n) => n.text !== ''),
      decisions: await this.repo.decisions(citizenId),
      consents: await this.repo.consents(citizenId),
      accessLog: await this.repo.accessLog(citizenId),
    };
  }
}
