import { describe, expect, it } from 'vitest';
import { daysLeft, dueDate, isAddressed, type AcknowledgeTargetsData } from '../inbox/targets';

const targets = (over: Partial<AcknowledgeTargetsData> = {}): AcknowledgeTargetsData => ({
  everyone: false, roles: [], companies: [], units: [], due: null, dueDays: 5, ...over,
});
const contractorOf = (companyCode: string | null) => ({ role: 'contractor', companyCode, unitCode: null });

describe('isAddressed', () => {
  it('addresses the targeted company only, and by role, unit or everyone', () => {
    const toPars = targets({ companies: ['pars-niroo-khadamat'] });
    expect(isAddressed(toPars, contractorOf('pars-niroo-khadamat'))).toBe(true);
    expect(isAddressed(toPars, contractorOf('roshan-gostar-shomal'))).toBe(false);
    expect(isAddressed(toPars, contractorOf(null))).toBe(false);
    expect(isAddressed(targets({ roles: ['staff'] }), { role: 'staff', companyCode: null, unitCode: null })).toBe(true);
    expect(isAddressed(targets({ units: ['omur-barq-shomal'] }), { role: 'staff', companyCode: null, unitCode: 'omur-barq-shomal' })).toBe(true);
    expect(isAddressed(targets({ units: ['omur-barq-shomal'] }), { role: 'staff', companyCode: null, unitCode: 'omur-barq-jonoub' })).toBe(false);
    expect(isAddressed(targets({ everyone: true }), contractorOf(null))).toBe(true);
  });

  it('addresses nobody when an announcement has no targets', () => {
    expect(isAddressed(null, { role: 'admin', companyCode: null, unitCode: null })).toBe(false);
  });
});

describe('dueDate and daysLeft', () => {
  it('counts dueDays across a month end (Ordibehesht has 31 days)', () => {
    expect(dueDate({ year: 1404, month: 2, day: 28 }, targets({ dueDays: 5 }))).toEqual({ year: 1404, month: 3, day: 2 });
    expect(dueDate({ year: 1404, month: 2, day: 28 }, targets({ due: { year: 1404, month: 2, day: 31 }, dueDays: null }))).toEqual({ year: 1404, month: 2, day: 31 });
  });

  it('is 0 on the due day in Tehran and negative after it, whatever the hour', () => {
    const due = { year: 1404, month: 3, day: 2 }; // 2025-05-23
    expect(daysLeft(due, new Date('2025-05-20T08:00:00Z'))).toBe(3);
    // 23:00 UTC on 22 May is already 23 May in Tehran (+03:30).
    expect(daysLeft(due, new Date('2025-05-22T23:00:00Z'))).toBe(0);
    expect(daysLeft(due, new Date('2025-05-24T06:00:00Z'))).toBe(-1);
  });
});
