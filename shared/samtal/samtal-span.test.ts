import { describe, expect, it } from 'vitest';
import { typicalSchoolYear } from '../iup/school-year';
import { samtalSpan } from './samtal-span';

const calendar = { schoolYears: [typicalSchoolYear('2026/27')] };

describe('samtalSpan', () => {
  it('is the current term in a term', () => {
    expect(samtalSpan(calendar, '2026-12-02')).toEqual({ from: '2026-08-18', to: '2026-12-19' });
    expect(samtalSpan(calendar, '2027-03-02')).toEqual({ from: '2027-01-08', to: '2027-06-12' });
  });
  it('in the Christmas break, runs from today to the end of the coming term', () => {
    expect(samtalSpan(calendar, '2026-12-28')).toEqual({ from: '2026-12-28', to: '2027-06-12' });
  });
  it('has no end after the calendar runs out', () => {
    expect(samtalSpan(calendar, '2027-07-01')).toEqual({ from: '2027-07-01', to: null });
  });
});
