import { describe, expect, it } from 'vitest';
import { clauseFirst } from '../clause-first';

const hit = (id: string, code: string | undefined, anchor: string, kind: 'regulation' | 'lesson' = 'regulation') => ({ id, code, anchor, kind });

describe('clause first', () => {
  it('puts the regulation’s clause before its page introduction', () => {
    const hits = [hit('ES-007-top', 'ES-007', ''), hit('lesson-x', undefined, 'x', 'lesson'), hit('ES-007-a6', 'ES-007', 'ماده-۶'), hit('ES-007-a5', 'ES-007', 'ماده-۵')];
    expect(clauseFirst(hits).map((h) => h.id)).toEqual(['ES-007-a6', 'ES-007-top', 'lesson-x', 'ES-007-a5']);
  });

  it('leaves the order alone when a clause is first, or no clause of that regulation is near', () => {
    const clauseTop = [hit('ES-007-a6', 'ES-007', 'ماده-۶'), hit('ES-007-top', 'ES-007', '')];
    expect(clauseFirst(clauseTop)).toEqual(clauseTop);
    const other = [hit('ES-007-top', 'ES-007', ''), hit('CS-001-a2', 'CS-001', 'ماده-۲')];
    expect(clauseFirst(other)).toEqual(other);
    const far = [hit('ES-007-top', 'ES-007', ''), ...[1, 2, 3, 4, 5].map((n) => hit(`l${n}`, undefined, 'x', 'lesson')), hit('ES-007-a6', 'ES-007', 'ماده-۶')];
    expect(clauseFirst(far)).toEqual(far);
    expect(clauseFirst([])).toEqual([]);
  });
});
