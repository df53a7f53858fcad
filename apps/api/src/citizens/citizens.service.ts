import { Inject, Injectable } from '@nestjs/common';
import type { AccessLog, Citizen, Consent, ConsentScope, CreateCitizen, SetConsent } from '@tvaers/contracts';
import { localDate, validateCpr } from '@tvaers/domain';
import { AuditService } from '../audit/audit.service';
import { isUniqueViolation } from '../common/database/sql';
import type { StaffActor } from '../common/auth/actor';
import { CprCipher } from '../common/crypto/cpr-cipher';
import { notFound, ProblemError, validationFailed } from '../common/problem/problem';
import { toCitizen, toConsents } from './citizens.mapper';
import { CitizensRepository } from './citizens.repository';
import { ConsentEntity } from './consent.entity';

const CPR_MESSAGES = {
  format: 'CPR must be 10 digits (DDMMYY-SSSS)',
  date: 'the first six digits are not a real date',
  future: 'the birth date is after today',
} as const;

@Injectable()
export class CitizensService {
  constructor(
    private readonly citizens: CitizensRepository,
    @Inject(CprCipher) private readonly cipher: CprCipher,
    private readonly audit: AuditService,
  ) {}

  private parseCpr(input: string): string {
    const result = validateCpr(input, localDate(new Date()));
    if (!result.ok) throw validationFailed([{ path: 'cpr', message: CPR_MESSAGES[result.reason] }]);
    return result.cpr;
  }

  async create(actor: StaffActor, input: CreateCitizen): Promise<Citizen> {
    const cpr = this.parseCpr(input.cpr);
    const hash = this.cipher.hash(cpr);
    const exists = () => new ProblemError(409, 'CITIZEN_EXISTS', 'A citizen with this CPR number exists.');
    if ((await this.citizens.findByCprHash(hash)).length) throw exists();
    let created;
    try {
      created = await this.citizens.insert({
        cprEncrypted: this.cipher.encrypt(cpr),
        cprHash: hash,
        cprBirth: cpr.slice(0, 6),
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        benefit: input.benefit,
        benefitStart: input.benefitStart ?? null,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw exists();
      throw err;
    }
    await this.audit.record(actor, [
      { citizenId: created.id, action: 'citizen.create', entity: 'citizen', entityId: created.id },
    ]);
    return this.get(actor, created.id, false);
  }

  /** Name fragment, or an exact CPR number (looked up by its keyed hash). */
  async search(actor: StaffActor, q: string | undefined): Promise<Citizen[]> {
    const query = (q ?? '').trim();
    let rows;
    if (/^\d{6}-?\d{4}$/.test(query)) {
      const parsed = validateCpr(query, localDate(new Date()));
      rows = parsed.ok ? await this.citizens.findByCprHash(this.cipher.hash(parsed.cpr)) : [];
    } else {
      rows = await this.citizens.searchByName(query);
    }
    await this.audit.record(
      actor,
      rows.map((r) => ({ citizenId: r.id, action: 'citizen.search', entity: 'citizen', entityId: r.id })),
    );
    return rows.map(toCitizen);
  }

  async get(actor: StaffActor, id: string, audit = true): Promise<Citizen> {
    const row = await this.citizens.findById(id);
    if (!row) throw notFound('Citizen');
    if (audit)
      await this.audit.record(actor, [{ citizenId: id, action: 'citizen.read', entity: 'citizen', entityId: id }]);
    return toCitizen(row);
  }

  /** The one place a full CPR leaves the system: deliberate, with a reason, audited. */
  async revealCpr(actor: StaffActor, id: string, reason: string): Promise<string> {
    const row = await this.citizens.findById(id);
    if (!row) throw notFound('Citizen');
    await this.audit.record(actor, [
      { citizenId: id, action: 'citizen.reveal_cpr', entity: 'citizen', entityId: id, purpose: reason },
    ]);
    return this.cipher.decrypt(row.cprEncrypted);
  }

  /** Who read or changed this citizen's data; reading it is itself logged. */
  async accessLog(actor: StaffActor, citizenId: string): Promise<AccessLog['items']> {
    if (!(await this.citizens.findById(citizenId))) throw notFound('Citizen');
    const rows = await this.audit.forCitizen(citizenId);
    await this.audit.record(actor, [{ citizenId, action: 'access_log.read', entity: 'citizen', entityId: citizenId }]);
    return rows.map((r) => ({
      at: r.at.toISOString(),
      actor: { id: r.actorId, name: r.actorName, kind: r.actorKind },
      action: r.action,
      purpose: r.purpose,
    }));
  }

  async consents(actor: StaffActor, citizenId: string): Promise<Consent[]> {
    if (!(await this.citizens.findById(citizenId))) throw notFound('Citizen');
    await this.audit.record(actor, [{ citizenId, action: 'consent.read', entity: 'consent' }]);
    return toConsents(await this.citizens.findConsents(citizenId));
  }

  async hasConsent(citizenId: string, scope: ConsentScope): Promise<boolean> {
    return (await this.citizens.findConsents(citizenId)).some((c) => c.scope === scope && c.given);
  }

  async setConsent(actor: StaffActor, citizenId: string, scope: ConsentScope, input: SetConsent): Promise<Consent> {
    if (!(await this.citizens.findById(citizenId))) throw notFound('Citizen');
    const existing = (await this.citizens.findConsents(citizenId)).find((c) => c.scope === scope);
    const now = new Date();
    const row = Object.assign(existing ?? new ConsentEntity(), {
      citizenId,
      scope,
      given: input.given,
      givenAt: input.given ? (existing?.given ? existing.givenAt : now) : (existing?.givenAt ?? null),
      withdrawnAt: input.given ? null : existing?.given ? now : (existing?.withdrawnAt ?? null),
      recordedById: actor.id,
      recordedByName: actor.name,
      note: input.note ?? existing?.note ?? null,
    });
    await this.citizens.saveConsent(row);
    await this.audit.record(actor, [
      { citizenId, action: input.given ? 'consent.give' : 'consent.withdraw', entity: 'consent', details: { scope } },
    ]);
    return toConsents([row]).find((c) => c.scope === scope)!;
  }
}
