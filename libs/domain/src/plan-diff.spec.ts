import { diffFields } from './plan-diff';

describe('diffFields', () => {
  it('returns nothing for equal snapshots, whatever their key order', () => {
    const a = { citizenGoal: 'Job', contactPlan: { intervalDays: 14, reason: 'x' }, tags: [{ a: 1, b: 2 }] };
    const b = { tags: [{ b: 2, a: 1 }], contactPlan: { reason: 'x', intervalDays: 14 }, citizenGoal: 'Job' };
    expect(diffFields(a, b)).toEqual([]);
  });

  it('names nested leaf changes with dots, in sorted key order', () => {
    const before = {
      jobGoal: null,
      citizenGoal: 'Få et job',
      contactPlan: { intervalDays: 14, reason: 'Start' },
      efforts: { e1: { status: 'planned', title: 'Praktik' } },
    };
    const after = {
      jobGoal: 'Lager',
      citizenGoal: 'Få et job',
      contactPlan: { intervalDays: 28, reason: 'Start' },
      efforts: { e1: { status: 'active', title: 'Praktik' } },
    };
    expect(diffFields(before, after)).toEqual([
      { field: 'contactPlan.intervalDays', from: 14, to: 28 },
      { field: 'efforts.e1.status', from: 'planned', to: 'active' },
      { field: 'jobGoal', from: null, to: 'Lager' },
    ]);
  });

  it('reports a new or removed object as one change of the whole value', () => {
    const effort = { type: 'mentor', status: 'planned' };
    expect(diffFields({ efforts: {} }, { efforts: { e2: effort } })).toEqual([
      { field: 'efforts.e2', from: null, to: effort },
    ]);
    expect(diffFields({ efforts: { e2: effort } }, { efforts: {} })).toEqual([
      { field: 'efforts.e2', from: effort, to: null },
    ]);
  });

  it('compares arrays and dates by JSON value and treats missing as null', () => {
    expect(diffFields({ list: [1, 2] }, { list: [2, 1] })).toEqual([{ field: 'list', from: [1, 2], to: [2, 1] }]);
    expect(diffFields({ at: new Date('2026-01-01T00:00:00Z') }, { at: new Date('2026-01-01T00:00:00Z') })).toEqual([]);
    expect(diffFields({ a: null, b: undefined }, {})).toEqual([]);
    expect(diffFields({ a: 1 }, { a: '1' })).toEqual([{ field: 'a', from: 1, to: '1' }]);
  });

  it('applies a prefix', () => {
    expect(diffFields({ status: 'active' }, { status: 'stopped' }, 'efforts.e1')).toEqual([
      { field: 'efforts.e1.status', from: 'active', to: 'stopped' },
    ]);
  });
});
