import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from './csv';
import { decodeRosterBytes } from './decode';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes for text in Latin-1's range (å ä ö Å Ä Ö é). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('roster files', () => {
  const text = 'Elev-ID;Förnamn;Efternamn;Klass;Årskurs\r\n1001;Åsa;Öberg;3A;3\r\n1002;Björn;Älvén;FA;F\r\n';

  it('keeps å ä ö in UTF-8 with and without BOM and in Windows-1252', () => {
    expect(decodeRosterBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeRosterBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({
      text,
      encoding: 'utf-8-bom',
    });
    expect(decodeRosterBytes(cp1252(text))).toEqual({ text, encoding: 'windows-1252' });
    expect(decodeRosterBytes(Uint8Array.from([0x80, 0x96])).text).toBe('€–');
  });

  it('reads Swedish headers with ; and English ones with , into the same rows', () => {
    const sv = parseRosterCsv(text);
    const en = parseRosterCsv(
      'id,first name,last name,class,grade,school type\n1001,Åsa,Öberg,3A,3,GR\n1002,Björn,Älvén,FA,0,FKLASS\n',
    );
    for (const parsed of [sv, en]) {
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows).toEqual([
        {
          row: 1,
          externalId: '1001',
          firstName: 'Åsa',
          lastName: 'Öberg',
          skolform: 'grundskola',
          arskurs: 3,
          className: '3A',
        },
        {
          row: 2,
          externalId: '1002',
          firstName: 'Björn',
          lastName: 'Älvén',
          skolform: 'forskoleklass',
          arskurs: 0,
          className: 'FA',
        },
      ]);
    }
    expect(sv.delimiter).toBe(';');
    expect(en.columns).toMatchObject({ externalId: 'id', arskurs: 'grade', skolform: 'school type' });
  });

  it('reports every bad row with its field, and a missing column by name', () => {
    const parsed = parseRosterCsv(
      'Elev-ID;Förnamn;Efternamn;Årskurs;Skolform;Pronomen\n1;A;B;3;GR;hon\n1;C;D;4;GR;\n2;;E;x;GR;\n3;F;G;0;GR;\n4;H;I;5;XYZ;hen\n5;J;K;2;GR;he\n',
    );
    expect(parsed.rows.map((r) => r.externalId)).toEqual(['1']);
    expect(parsed.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'externalId'],
      [3, 'firstName'],
      [3, 'arskurs'],
      [4, 'arskurs'],
      [5, 'skolform'],
      [6, 'pronoun'],
    ]);
    expect(parseRosterCsv('namn;klass\nA;3A\n').errors.map((e) => e.field)).toEqual([
      'externalId',
      'firstName',
      'lastName',
      'arskurs',
    ]);
  });

  it('takes an explicit header mapping over the detection', () => {
    const parsed = parseRosterCsv('Nr;Namn1;Namn2;Åk\n7;Ali;Ek;5\n', {
      externalId: 'Nr',
      firstName: 'Namn1',
      lastName: 'Namn2',
    });
    expect(parsed.rows).toEqual([
      {
        row: 1,
        externalId: '7',
        firstName: 'Ali',
        lastName: 'Ek',
        skolform: 'grundskola',
        arskurs: 5,
        className: null,
      },
    ]);
  });
});
