import { DateTime } from 'luxon';
import { TIME_ZONE } from '@tvaers/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { CaseEntity } from '../cases/case.entity';
import { CaseMemberEntity } from '../cases/case-member.entity';
import { CitizenEntity } from '../citizens/citizen.entity';
import { CprCipher, loadCprKey } from '../common/crypto/cpr-cipher';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MeetingParticipantEntity } from '../meetings/meeting-participant.entity';
import { MeetingProposalEntity } from '../meetings/meeting-proposal.entity';
import { hashPassword } from '../people/password';
import { ConsentEntity } from '../citizens/consent.entity';
import { EffortEntity } from '../plans/effort.entity';
import { createPlan } from '../plans/plan-creator';
import { PlanEntity } from '../plans/plan.entity';
import { IndicatorScoreEntity } from '../progress/indicator-score.entity';
import { StaffEntity } from '../people/staff.entity';
import { TeamEntity } from '../people/team.entity';
import type { Benefit } from '@tvaers/contracts';
import {
  benefits,
  clinics,
  DEMO_PASSWORD,
  demoBenefitWeights,
  demoStaff,
  doctors,
  firstNames,
  lastNames,
} from './demo-data';

const CITIZENS = 60;
/** Citizens whose new case waits in a team's intake queue (days waited so far, days to weeks), on top of the 60. */
const QUEUED: { team: 'nord' | 'syd'; days: number }[] = [
  { team: 'nord', days: 23 },
  { team: 'nord', days: 9 },
  { team: 'nord', days: 4 },
  { team: 'nord', days: 1 },
  { team: 'syd', days: 16 },
  { team: 'syd', days: 6 },
  { team: 'syd', days: 2 },
];
/** The heavier courses the colleagues shown near or over their ceiling get their extra cases from. */
const HEAVY: Benefit[] = ['ressourceforloeb', 'jobafklaringsforloeb'];
const weightOf = (benefit: string, otherwise = 1) => (demoBenefitWeights[benefit as Benefit] ?? otherwise).toFixed(2);

/** A small deterministic generator, so every demo database looks alike. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const goals = [
  ['Jeg vil gerne kunne arbejde igen, også selvom det starter med få timer.', 'Lager og logistik, 15 timer om ugen'],
  [
    'Jeg vil have styr på min økonomi og min søvn, så jeg kan tage en uddannelse.',
    'Uddannelse som social- og sundhedshjælper',
  ],
  ['Jeg vil ud blandt andre mennesker og have en hverdag med faste rammer.', 'Butiksmedhjælper'],
];

/** A plan with goals, a few efforts, consent and progress scores, so the demo looks like a real caseload. */
async function samplePlan(
  em: EntityManager,
  caseId: string,
  citizenId: string,
  worker: StaffEntity,
  i: number,
  today: DateTime,
) {
  const [citizenGoal, jobGoal] = goals[i % goals.length];
  await em
    .getRepository(PlanEntity)
    .update({ caseId }, { citizenGoal, jobGoal, contactPlan: { intervalDays: 14, reason: 'Tæt kontakt i opstarten' } });
  const efforts = em.getRepository(EffortEntity);
  await efforts.save([
    efforts.create({
      caseId,
      type: 'virksomhedspraktik',
      title: 'Praktik i lokal virksomhed',
      discipline: 'employment',
      ownerId: worker.id,
      status: 'active',
      startDate: today.minus({ weeks: 3 }).toISODate(),
      endDate: today.plus({ weeks: 9 }).toISODate(),
    }),
    efforts.create({
      caseId,
      type: 'mestringsforloeb',
      title: 'Mestringsforløb i gruppe',
      discipline: 'social',
      status: 'planned',
      startDate: today.plus({ weeks: 2 }).toISODate(),
    }),
    efforts.create({
      caseId,
      type: 'psykoedukation',
      title: 'Psykoedukation om angst',
      discipline: 'health',
      status: 'active',
      startDate: today.minus({ weeks: 6 }).toISODate(),
    }),
  ]);
  if (i % 2 === 0) {
    await em.getRepository(ConsentEntity).save({
      citizenId,
      scope: 'health_in_unit',
      given: true,
      givenAt: today.minus({ weeks: 8 }).toJSDate(),
      withdrawnAt: null,
      recordedById: worker.id,
      recordedByName: worker.name,
      note: null,
    });
  }
  const scores = em.getRepository(IndicatorScoreEntity);
  // Most rise; some hold and some fall, so the outcome figures show all three.
  const latest = [6, 3, 6, 2][(i / 3) % 4];
  for (const [w, s] of [
    [12, 3],
    [6, 4],
    [1, latest],
  ] as const) {
    for (const ratedBy of ['citizen', 'caseworker'] as const) {
      await scores.save(
        scores.create({
          caseId,
          key: 'job_belief',
          ratedBy,
          score: ratedBy === 'citizen' ? s : s + 1,
          at: today.minus({ weeks: w }).toJSDate(),
          recordedById: worker.id,
          note: null,
        }),
      );
    }
  }
}

/** Seeds the demo unit once; returns false when it was already there. */
export async function seedDemo(ds: DataSource, config: AppConfig, now = new Date()): Promise<boolean> {
  const cipher = new CprCipher(loadCprKey(config, () => undefined));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return ds.transaction(async (em) => {
    // Serialise concurrent starts; the first one seeds.
    await em.query('SELECT pg_advisory_xact_lock(727002)');
    if (await em.exists(StaffEntity, { where: { email: demoStaff[0].email } })) return false;
    await seed(em, cipher, passwordHash, now);
    return true;
  });
}

/** What every step of the seed shares; `rnd` is one sequence, so the steps must run in this file's order. */
interface Seeding {
  em: EntityManager;
  cipher: CprCipher;
  now: Date;
  today: DateTime;
  rnd: () => number;
  pick: <T>(xs: readonly T[]) => T;
}

interface DemoPeople {
  teamOf: Record<'nord' | 'syd', TeamEntity>;
  staff: StaffEntity[];
  caseworkers: StaffEntity[];
  health: StaffEntity[];
  manager: StaffEntity;
}

type DemoCase = { entity: CaseEntity; citizen: CitizenEntity; responsible: StaffEntity };

async function seed(em: EntityManager, cipher: CprCipher, passwordHash: string, now: Date): Promise<void> {
  const rnd = random(20261125);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const s: Seeding = { em, cipher, now, today: DateTime.fromJSDate(now).setZone(TIME_ZONE), rnd, pick };
  const teamOf = await seedTeams(s);
  await seedBenefitWeights(s);
  const people = await seedStaff(s, teamOf, passwordHash);
  const cases = await seedActiveCases(s, people);
  await seedIntakeQueue(s, people);
  await seedLoadsNearCeiling(s, people, cases);
  const monday = s.today.startOf('week');
  await outcomeHistory(em, cases, s.today, monday);
  await seedMeetings(s, people, cases, monday);
}

/** Two teams; their target groups give the default ceilings (people's own ceilings win). */
async function seedTeams({ em }: Seeding): Promise<DemoPeople['teamOf']> {
  const municipality = 'Demo Kommune';
  const nord = await em.save(
    em.create(TeamEntity, { municipality, name: 'Tværfagligt team Nord', targetGroupId: 'activity_ready' }),
  );
  const syd = await em.save(
    em.create(TeamEntity, { municipality, name: 'Tværfagligt team Syd', targetGroupId: 'job_ready' }),
  );
  return { nord, syd };
}

async function seedBenefitWeights({ em }: Seeding): Promise<void> {
  for (const [benefit, weight] of Object.entries(demoBenefitWeights)) {
    await em.query(`INSERT INTO benefit_weight (benefit, weight) VALUES ($1, $2) ON CONFLICT (benefit) DO NOTHING`, [
      benefit,
      weight,
    ]);
  }
}

/** The demo logins (demo-data.ts), each in their teams. */
async function seedStaff({ em }: Seeding, teamOf: DemoPeople['teamOf'], passwordHash: string): Promise<DemoPeople> {
  const staff: StaffEntity[] = [];
  for (const [i, s] of demoStaff.entries()) {
    staff.push(
      await em.save(
        em.create(StaffEntity, {
          email: s.email,
          name: s.name,
          // Made-up work numbers, one each, as the unit's switchboard would give them.
          phone: `72 10 ${String(11 + i).padStart(2, '0')} 00`,
          passwordHash,
          roles: s.roles,
          discipline: s.discipline,
          caseloadCeiling: s.ceiling === undefined ? null : String(s.ceiling),
          teams: s.teams.map((t) => teamOf[t]),
        }),
      ),
    );
  }
  return {
    teamOf,
    staff,
    caseworkers: staff.filter((s) => s.roles.includes('caseworker')),
    health: staff.filter((s) => s.roles.includes('health')),
    manager: staff.find((s) => s.roles.includes('manager'))!,
  };
}

/** The `i`-th citizen: a made-up CPR number of the 1900s, a name, a benefit (`benefit`, or one at random). */
async function newCitizen(
  { em, cipher, today, rnd, pick }: Seeding,
  caseworkers: StaffEntity[],
  i: number,
  benefit?: Benefit,
): Promise<CitizenEntity> {
  const birth = DateTime.fromObject({
    year: 1965 + Math.floor(rnd() * 35),
    month: 1 + Math.floor(rnd() * 12),
    day: 1 + Math.floor(rnd() * 28),
  });
  // Serial 1000-3999: its first digit puts the birth year in the 1900s (CPR register rule).
  const cpr = birth.toFormat('ddMMyy') + String(1000 + Math.floor(rnd() * 3000));
  const name = `${pick(firstNames)} ${pick(lastNames)}`;
  return em.save(
    em.create(CitizenEntity, {
      cprEncrypted: cipher.encrypt(cpr),
      cprHash: cipher.hash(cpr),
      cprBirth: cpr.slice(0, 6),
      name,
      email: `borger${i + 1}@example.dk`,
      phone: `+45 ${20000000 + i * 7919}`,
      benefit: benefit ?? pick(benefits),
      benefitStart: today.minus({ days: 30 + Math.floor(rnd() * 700) }).toISODate(),
      registeredById: caseworkers[i % caseworkers.length].id,
    }),
  );
}

/** One row of a case's assignment history, as the API writes one. */
function recordAssignment(
  em: EntityManager,
  row: {
    caseId: string;
    citizenId: string;
    teamId: string;
    from: StaffEntity | null;
    to: StaffEntity | null;
    at: Date;
    by: StaffEntity;
    reason?: string;
    weight: string;
  },
): Promise<unknown> {
  return em.query(
    `INSERT INTO case_assignment (case_id, citizen_id, team_id, from_staff_id, to_staff_id, at, by_staff_id, reason, weight)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      row.caseId,
      row.citizenId,
      row.teamId,
      row.from?.id ?? null,
      row.to?.id ?? null,
      row.at,
      row.by.id,
      row.reason ?? null,
      row.weight,
    ],
  );
}

/** The 60 active cases, shared out among the caseworkers; every third with a sample plan. */
async function seedActiveCases(s: Seeding, { caseworkers, manager }: DemoPeople): Promise<DemoCase[]> {
  const { em, today } = s;
  const cases: DemoCase[] = [];
  for (let i = 0; i < CITIZENS; i++) {
    const citizen = await newCitizen(s, caseworkers, i);
    const responsible = caseworkers[i % caseworkers.length];
    const team = responsible.teams[0];
    const entity = await em.save(
      em.create(CaseEntity, {
        citizenId: citizen.id,
        teamId: team.id,
        responsibleId: responsible.id,
        status: 'active',
        weight: weightOf(citizen.benefit, i % 7 === 0 ? 1.5 : 1),
      }),
    );
    await createPlan(em, entity.id, responsible);
    if (i % 3 === 0) await samplePlan(em, entity.id, citizen.id, responsible, i, today);
    cases.push({ entity, citizen, responsible });
    // Assignment history: opened weeks or months ago; every sixth case changed caseworker on the way.
    const opened = today.minus({ days: 14 + ((i * 37) % 280) });
    await em.update(CaseEntity, { id: entity.id }, { openedAt: opened.toJSDate() });
    const event = { caseId: entity.id, citizenId: citizen.id, teamId: team.id, weight: entity.weight };
    const previous = caseworkers.find((w) => w.id !== responsible.id && w.teams.some((t) => t.id === team.id));
    if (i % 6 === 1 && previous) {
      await recordAssignment(em, { ...event, from: null, to: previous, at: opened.toJSDate(), by: previous });
      const moved = opened.plus({ days: Math.max(1, Math.floor(today.diff(opened, 'days').days / 2)) });
      const reason = 'Omfordelt: borgeren flyttede til teamets andet distrikt';
      await recordAssignment(em, {
        ...event,
        from: previous,
        to: responsible,
        at: moved.toJSDate(),
        by: manager,
        reason,
      });
    } else {
      await recordAssignment(em, { ...event, from: null, to: responsible, at: opened.toJSDate(), by: responsible });
    }
  }
  return cases;
}

/** The intake queue: new cases without a responsible person yet. */
async function seedIntakeQueue(s: Seeding, { teamOf, caseworkers, manager }: DemoPeople): Promise<void> {
  const { em, today } = s;
  for (const [j, q] of QUEUED.entries()) {
    const citizen = await newCitizen(s, caseworkers, CITIZENS + j);
    const team = teamOf[q.team];
    const opened = today.minus({ days: q.days }).toJSDate();
    const weight = weightOf(citizen.benefit);
    const entity = await em.save(
      em.create(CaseEntity, { citizenId: citizen.id, teamId: team.id, responsibleId: null, status: 'active', weight }),
    );
    await em.update(CaseEntity, { id: entity.id }, { openedAt: opened });
    await createPlan(em, entity.id, manager);
    await recordAssignment(em, {
      caseId: entity.id,
      citizenId: citizen.id,
      teamId: team.id,
      from: null,
      to: null,
      at: opened,
      by: manager,
      weight,
    });
  }
}

/**
 * Colleagues the dashboard shows near or over their ceiling: heavier courses added over the past weeks,
 * until their load is just under the ceiling (near) or about 10 % above it (over).
 */
async function seedLoadsNearCeiling(
  s: Seeding,
  { staff, caseworkers, manager }: DemoPeople,
  cases: DemoCase[],
): Promise<void> {
  const { em, today } = s;
  let extra = CITIZENS + QUEUED.length;
  for (const d of demoStaff.filter((d) => d.load && d.ceiling)) {
    const worker = staff.find((w) => w.email === d.email)!;
    const team = worker.teams[0];
    const upto = d.load === 'near' ? d.ceiling! : d.ceiling! * 1.15;
    let load = cases.filter((c) => c.responsible.id === worker.id).reduce((a, c) => a + Number(c.entity.weight), 0);
    const added: Benefit[] = [];
    for (let sum = load; ;) {
      const benefit = HEAVY[added.length % HEAVY.length];
      sum += Number(weightOf(benefit));
      if (sum > upto) break;
      added.push(benefit);
    }
    // Oldest first, four days apart, the last two days ago: an "over" colleague passed the ceiling lately.
    for (const [j, benefit] of added.entries()) {
      const weight = weightOf(benefit);
      load += Number(weight);
      const citizen = await newCitizen(s, caseworkers, extra++, benefit);
      const opened = today.minus({ days: 2 + (added.length - 1 - j) * 4 }).toJSDate();
      const entity = await em.save(
        em.create(CaseEntity, {
          citizenId: citizen.id,
          teamId: team.id,
          responsibleId: worker.id,
          status: 'active',
          weight,
        }),
      );
      await em.update(CaseEntity, { id: entity.id }, { openedAt: opened });
      await createPlan(em, entity.id, worker);
      // Past the ceiling only by the manager's override with a reason, logged as the API logs one.
      const reason = load > d.ceiling! ? `${worker.name} kender borgeren fra et tidligere forløb` : undefined;
      await recordAssignment(em, {
        caseId: entity.id,
        citizenId: citizen.id,
        teamId: team.id,
        from: null,
        to: worker,
        at: opened,
        by: manager,
        reason,
        weight,
      });
      if (reason) {
        await em.query(
          `INSERT INTO audit_entry (at, actor_kind, actor_id, actor_name, citizen_id, action, entity, entity_id, purpose, details)
           VALUES ($1, 'staff', $2, $3, $4, 'caseload.override', 'case', $5, $6, $7)`,
          [
            opened,
            manager.id,
            manager.name,
            citizen.id,
            entity.id,
            reason,
            { change: 'case.create', staffId: worker.id, load, ceiling: d.ceiling, weight: Number(weight) },
          ],
        );
      }
    }
  }
}

/** Three meetings a week per caseworker over this week and the next two, at distinct local times. */
async function seedMeetings(
  { em, now }: Seeding,
  { caseworkers, health }: DemoPeople,
  cases: DemoCase[],
  monday: DateTime,
): Promise<void> {
  let n = 0;
  for (const [ci, worker] of caseworkers.entries()) {
    const own = cases.filter((c) => c.responsible.id === worker.id);
    const healthColleague = health.find((h) => h.teams.some((t) => t.id === worker.teams[0].id));
    for (let week = 0; week < 3; week++) {
      for (let k = 0; k < 3; k++) {
        const c = own[(week * 3 + k) % own.length];
        const day = (k * 2 + ci) % 5;
        const start = monday
          .plus({ weeks: week, days: day })
          .set({ hour: 9 + ((ci + k) % 5), minute: k === 1 ? 30 : 0 });
        const end = start.plus({ hours: 1 });
        const doctorIdx = n++ % doctors.length;
        const participants = [
          em.create(MeetingParticipantEntity, {
            kind: 'staff',
            staffId: worker.id,
            name: worker.name,
            response: 'accepted',
          }),
          em.create(MeetingParticipantEntity, {
            kind: 'citizen',
            name: c.citizen.name,
            response: 'accepted',
          }),
          em.create(MeetingParticipantEntity, {
            kind: 'doctor',
            name: doctors[doctorIdx],
            clinic: clinics[doctorIdx],
            response: 'pending',
          }),
        ];
        // Health colleagues join the first meeting of a week, at times that differ per caseworker.
        if (healthColleague && k === 0 && ci < 3) {
          participants.push(
            em.create(MeetingParticipantEntity, {
              kind: 'staff',
              staffId: healthColleague.id,
              name: healthColleague.name,
              response: 'accepted',
            }),
          );
          // They work on that case, so it is among the health colleague's "Sager, jeg deltager i".
          await em
            .getRepository(CaseMemberEntity)
            .upsert({ caseId: c.entity.id, staffId: healthColleague.id, role: 'sundhedsfaglig' }, [
              'caseId',
              'staffId',
            ]);
        }
        const proposed = week === 2 && k === 2;
        await em.save(
          em.create(MeetingEntity, {
            caseId: c.entity.id,
            title: `Rundbordsmøde: ${c.citizen.name}`,
            status: proposed ? 'proposed' : end.toJSDate() < now ? 'held' : 'scheduled',
            startAt: proposed ? null : start.toJSDate(),
            endAt: proposed ? null : end.toJSDate(),
            location: 'Jobcentret, mødelokale 2',
            videoUrl: null,
            createdBy: worker.id,
            participants,
            proposals: proposed
              ? [0, 1, 2].map((d) =>
                  em.create(MeetingProposalEntity, {
                    startAt: start.plus({ days: d > 0 && day + d > 4 ? -d : d, hours: d }).toJSDate(),
                    endAt: start
                      .plus({
                        days: d > 0 && day + d > 4 ? -d : d,
                        hours: d + 1,
                      })
                      .toJSDate(),
                  }),
                )
              : [],
          }),
        );
      }
    }
  }
}

const closings = [
  ['job', 'Fastansat som lagermedarbejder, 25 timer om ugen'],
  ['education', 'Startet på social- og sundhedshjælperuddannelsen'],
  ['job', 'Job i butik efter virksomhedspraktik'],
  ['flexjob', 'Bevilget fleksjob hos lokal virksomhed'],
  ['other', 'Flyttet til en anden kommune'],
  ['job', 'Ordinært job med løntilskud de første måneder'],
] as const;

/**
 * History for the outcome figures ("Resultater"): earlier, closed cases of 12 citizens (closed over the past
 * year, with outcomes), and for the citizens with a sample plan an opening 14 weeks back with held meetings
 * before this week: every 7 days (the 14-day contact plan kept) or every 21 days (not kept). The active cases,
 * their loads and this week's meetings stay as they are.
 */
async function outcomeHistory(em: EntityManager, cases: DemoCase[], today: DateTime, monday: DateTime): Promise<void> {
  for (const [k, c] of cases.filter((_, i) => i % 5 === 1).entries()) {
    const [closeOutcome, closeReason] = closings[k % closings.length];
    const closedAt = today.minus({ days: 10 + 25 * k }).set({ hour: 14, minute: 0 });
    await em.save(
      em.create(CaseEntity, {
        citizenId: c.citizen.id,
        teamId: c.entity.teamId,
        responsibleId: c.responsible.id,
        status: 'closed',
        weight: '1.00',
        closeOutcome,
        closeReason,
        openedAt: closedAt.minus({ days: 90 + 20 * (k % 7) }).toJSDate(),
        closedAt: closedAt.toJSDate(),
      }),
    );
  }
  for (const [i, c] of cases.entries()) {
    if (i % 3 !== 0) continue;
    // A weekday 14 weeks back; every follow-up on that weekday, within working hours (09.00–14.45).
    const opened = monday
      .minus({ weeks: 14 })
      .plus({ days: (i / 3) % 5 })
      .set({ hour: 10, minute: 0 });
    await em.update(CaseEntity, { id: c.entity.id }, { openedAt: opened.toJSDate() });
    const every = i % 2 === 0 ? 7 : 21;
    const first = opened.plus({ days: every }).set({ hour: 9 + ((i / 3) % 6), minute: 0 });
    for (let at = first; at < monday; at = at.plus({ days: every })) {
      await em.save(
        em.create(MeetingEntity, {
          caseId: c.entity.id,
          title: `Opfølgning: ${c.citizen.name}`,
          status: 'held',
          startAt: at.toJSDate(),
          endAt: at.plus({ minutes: 45 }).toJSDate(),
          heldAt: at.plus({ minutes: 45 }).toJSDate(),
          heldById: c.responsible.id,
          heldByName: c.responsible.name,
          summary: 'Samtale om planen og næste skridt.',
          location: 'Jobcentret, mødelokale 2',
          videoUrl: null,
          createdBy: c.responsible.id,
          participants: [
            em.create(MeetingParticipantEntity, {
              kind: 'staff',
              staffId: c.responsible.id,
              name: c.responsible.name,
              response: 'accepted',
            }),
          ],
          proposals: [],
        }),
      );
    }
  }
}
