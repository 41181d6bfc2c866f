/** fold.ts on texts of the forms the .cypher files use (no database: test/api/fold.test.ts runs them). */
import { describe, expect, it } from 'vitest';
import { fold, type Known, truth } from '../../src/planner/fold.ts';

const known: Known = { unset: ['party', 'kind'], set: ['region'], values: { orderBy: 'NAME' } };

describe('fold', () => {
  it('judges guards in three values', () => {
    expect(truth('$party IS NULL AND $region IS NOT NULL', known)).toBe(true);
    expect(truth('$party IS NOT NULL', known)).toBe(false);
    expect(truth("$orderBy = 'NAME'", known)).toBe(true);
    expect(truth("$orderBy IN ['SIGNED_ON_DESC', 'SIGNED_ON_ASC']", known)).toBe(false);
    expect(truth('($from IS NOT NULL OR $kind IS NOT NULL)', known)).toBeUndefined();
    expect(truth('($from IS NOT NULL OR $region IS NOT NULL)', known)).toBe(true);
    expect(truth("$orderBy = 'NAME' AND size(COLLECT { MATCH (k) RETURN k }) < 3", known)).toBe(
      undefined,
    );
    expect(truth('NOT $party IS NULL', known)).toBe(false);
    expect(truth('null IS NULL', { unset: [], set: [], values: {} })).toBe(true);
  });

  it('drops the branches that cannot run, and the guards that must hold', () => {
    const text = [
      'CALL () {',
      '  WITH 1 AS go WHERE $party IS NOT NULL',
      '  MATCH (a:A {p: $party})',
      '  RETURN a',
      '  UNION',
      '  WITH 1 AS go WHERE $party IS NULL',
      '    AND $region IS NOT NULL',
      '  MATCH (a:A {r: $region})',
      '  RETURN a',
      '}',
      'WITH a WHERE ($kind IS NULL OR a.kind = $kind) AND ($region IS NULL OR a.r = $region)',
      "ORDER BY CASE $orderBy WHEN 'NAME' THEN a.name END, CASE $orderBy WHEN 'DATE' THEN a.date END",
      'RETURN a',
    ].join('\n');
    expect(fold(text, known)).toBe(
      [
        'CALL () {',
        'MATCH (a:A {r: $region})',
        // one branch of a UNION: its duplicates still removed
        'RETURN DISTINCT a',
        '}',
        'WITH a WHERE (a.r = $region)',
        'ORDER BY a.name, null',
        'RETURN a',
      ].join('\n'),
    );
  });

  it('splits a subquery at its own UNION lines only, and leaves unknown guards', () => {
    const text = [
      'CALL (x) {',
      '  WITH x WHERE NOT x',
      '  CALL (x) {',
      '    WITH x WHERE x',
      '    RETURN 1 AS y',
      '    UNION ALL',
      '    RETURN 2 AS y',
      '  }',
      '  RETURN y',
      '  UNION ALL',
      "  WITH 1 AS go WHERE $orderBy = 'DATE'",
      '  RETURN 3 AS y',
      '}',
      'RETURN y',
    ].join('\n');
    expect(fold(text, known)).toBe(
      [
        'CALL (x) {',
        'WITH x WHERE NOT x',
        'CALL (x) {',
        'WITH x WHERE x',
        'RETURN 1 AS y',
        'UNION ALL',
        'RETURN 2 AS y',
        '}',
        'RETURN y',
        '}',
        'RETURN y',
      ].join('\n'),
    );
  });

  it('leaves a union whose every branch is off as it is (it yields nothing either way)', () => {
    const text =
      'CALL () {\n  WITH 1 AS go WHERE $party IS NOT NULL\n  RETURN 1 AS y\n  UNION\n  WITH 1 AS go WHERE $kind IS NOT NULL\n  RETURN 2 AS y\n}\nRETURN y';
    expect(fold(text, known)).toBe(text.replace(/\n +/g, '\n'));
  });
});
