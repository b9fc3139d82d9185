import { describe, expect, it } from 'vitest';
import { agreementsOfRecord } from './agreements-of-record';

const m = (id: string, startsAt: string, status: 'held' | 'planned', texts: string[]) => ({
  id,
  startsAt,
  status,
  agreements: texts.map((text) => ({ party: 'pupil' as const, text })),
});

describe('agreementsOfRecord', () => {
  const meetings = [
    m('ht', '2026-10-05T12:00:00Z', 'held', ['Läser varje dag.']),
    m('vt', '2027-03-10T12:00:00Z', 'held', ['Skriver dagbok.']),
    m('next', '2027-05-10T12:00:00Z', 'planned', []),
    m('old', '2026-03-10T12:00:00Z', 'held', ['Förra läsåret.']),
  ];
  it('takes the samtal the IUP was agreed at', () => {
    expect(agreementsOfRecord(meetings, 'ht', '2026/27')?.map((a) => a.text)).toEqual(['Läser varje dag.']);
  });
  it('else the latest held samtal of the läsår that has agreements', () => {
    expect(agreementsOfRecord(meetings, null, '2026/27')?.map((a) => a.text)).toEqual(['Skriver dagbok.']);
  });
  it('null when no samtal of the läsår has any: the IUP shows its own older text', () => {
    expect(agreementsOfRecord(meetings, null, '2027/28')).toBeNull();
  });
});
