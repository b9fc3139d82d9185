import { describe, expect, it } from 'vitest';
import type { PupilDetectionRule } from '../schemas/school';
import { detectPupil } from './pupil-detection';

const roster = [
  { id: '1', firstName: 'Alva', lastName: 'Berg', lmsId: 'u-100' },
  { id: '2', firstName: 'Elias', lastName: 'Ek', lmsId: 'u-200' },
  { id: '3', firstName: 'Alva', lastName: 'Berg', lmsId: 'u-300' },
  { id: '4', firstName: 'Noah', lastName: 'Lind', lmsId: null },
];
const page = (url: string, found: Record<string, string[]>) => ({
  url,
  values: (selector: string) => found[selector] ?? [],
});
const byName: PupilDetectionRule = { urlPattern: '/elev/', selector: 'h1', attribute: null, match: 'name' };
const byId: PupilDetectionRule = {
  urlPattern: '/student\\?id=',
  selector: '[data-student]',
  attribute: 'data-student',
  match: 'externalId',
};

describe('detectPupil', () => {
  it('finds the pupil by the LMS id in an attribute', () => {
    expect(
      detectPupil([byId], page('https://lms.example/student?id=9', { '[data-student]': ['u-200'] }), roster),
    ).toMatchObject({ kind: 'one', pupil: { id: '2' } });
  });

  it('finds the pupil by full name, ignoring case and spacing', () => {
    expect(detectPupil([byName], page('https://lms.example/elev/9', { h1: ['  noah   LIND '] }), roster)).toMatchObject(
      { kind: 'one', pupil: { id: '4' } },
    );
  });

  it('asks when a name fits two pupils or the page names several', () => {
    expect(detectPupil([byName], page('https://lms.example/elev/1', { h1: ['Alva Berg'] }), roster)).toEqual({
      kind: 'ambiguous',
      candidates: [roster[0], roster[2]],
    });
    expect(
      detectPupil([byName], page('https://lms.example/elev/1', { h1: ['Elias Ek', 'Noah Lind'] }), roster).kind,
    ).toBe('ambiguous');
  });

  it('finds nothing on pages the rules do not cover, or when nobody on the page is in the roster', () => {
    expect(detectPupil([byName], page('https://lms.example/kurs/1', { h1: ['Elias Ek'] }), roster)).toEqual({
      kind: 'none',
    });
    expect(detectPupil([byName], page('https://lms.example/elev/1', { h1: ['Okänd Person'] }), roster)).toEqual({
      kind: 'none',
    });
    expect(
      detectPupil([{ ...byName, urlPattern: '(' }], page('https://lms.example/elev/1', { h1: ['Elias Ek'] }), roster),
    ).toEqual({ kind: 'none' });
  });

  it('tries the rules in order: the first that finds a pupil decides', () => {
    const found = detectPupil(
      [byId, byName],
      page('https://lms.example/elev/student?id=1', { '[data-student]': ['u-100'], h1: ['Elias Ek'] }),
      roster,
    );
    expect(found).toMatchObject({ kind: 'one', pupil: { id: '1' } });
  });
});
