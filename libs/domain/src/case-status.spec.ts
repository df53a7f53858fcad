import { changeCaseStatus } from './case-status';

const now = new Date('2026-11-20T10:00:00Z');
const earlier = new Date('2026-01-05T09:00:00Z');
const active = { status: 'active' as const, closeReason: null, closeOutcome: null, closedAt: null };
const closed = {
  status: 'closed' as const,
  closeReason: 'moved away',
  closeOutcome: 'other' as const,
  closedAt: earlier,
};

describe('changeCaseStatus', () => {
  it('closing records the reason and the time, and the case stops counting toward the load', () => {
    expect(changeCaseStatus(active, { status: 'closed', closeReason: 'in work', closeOutcome: 'job' }, now)).toEqual({
      status: 'closed',
      closeReason: 'in work',
      closeOutcome: 'job',
      closedAt: now,
      closing: true,
      reopening: false,
      countsTowardLoad: false,
    });
  });

  it('reopening clears reason and time, and the case counts again', () => {
    expect(changeCaseStatus(closed, { status: 'active' }, now)).toEqual({
      status: 'active',
      closeReason: null,
      closeOutcome: null,
      closedAt: null,
      closing: false,
      reopening: true,
      countsTowardLoad: true,
    });
  });

  it('other changes keep status, reason and time', () => {
    expect(changeCaseStatus(closed, {}, now)).toMatchObject({ ...closed, closing: false, reopening: false });
    expect(changeCaseStatus(active, {}, now)).toMatchObject({ ...active, countsTowardLoad: true });
  });

  it('closing a closed case keeps its first reason and time', () => {
    expect(changeCaseStatus(closed, { status: 'closed', closeReason: 'again' }, now)).toMatchObject({
      ...closed,
      closing: false,
      countsTowardLoad: false,
    });
  });
});
