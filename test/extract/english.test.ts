/**
 * English partnership releases (issue 14, fourth round): the shapes the evaluation half's
 * English misses took, each reproduced in an article written here (test/extract/tune/11 on;
 * names, bodies and countries invented). Each article's draft must state exactly its labels:
 * every fact found, nothing invented.
 */
import { describe, expect, it } from 'vitest';
import { extractDraft } from '../../src/extract/extract.ts';
import { FACT_TYPES, loadCases, type Rec, score } from './score.ts';

type Draft = Awaited<ReturnType<typeof extractDraft>>;
const nameOf = (draft: Draft, id: unknown) =>
  draft.records.find((r) => r.record.id === id)?.record.name;
const rolesOf = (draft: Draft) =>
  draft.records
    .filter((r) => r.record.type === 'role')
    .map(
      (r) =>
        `${nameOf(draft, r.record.person)}, ${r.record.title} @${nameOf(draft, r.record.organisation)}`,
    )
    .sort();
const agreementsOf = (draft: Draft) =>
  draft.records
    .filter((r) => r.record.type === 'agreement')
    .map((r) => ({
      parties: (r.record.parties as string[]).map((p) => nameOf(draft, p)),
      signatories: ((r.record.signatories as { person: string; onBehalfOf: string }[]) ?? []).map(
        (x) => `${nameOf(draft, x.person)} for ${nameOf(draft, x.onBehalfOf)}`,
      ),
    }));

const tune = loadCases('tune');
const exactly = async (stem: string) => {
  const c = tune.find((x) => x.name === `tune/${stem}`);
  if (!c) throw new Error(`no article tune/${stem}`);
  const draft = await extractDraft(c.text, c.publishedOn ? { publishedOn: c.publishedOn } : {});
  const s = score(
    draft.records.map((r) => r.record as Rec),
    c.expected,
  );
  const wrong = FACT_TYPES.flatMap((t) => [
    ...s[t].missed.map((f) => `missed ${t} ${f}`),
    ...s[t].invented.map((f) => `invented ${t} ${f}`),
  ]);
  return { wrong, found: FACT_TYPES.reduce((n, t) => n + s[t].correct, 0) };
};

describe('English releases (issue 14, fourth round)', () => {
  it('reads the publisher named only by its acronym, a passive MoU with its abbreviation after the verb, honorific chains and "Signing on behalf of the parties were"', async () => {
    const { wrong, found } = await exactly('11-english-acronym-publisher');
    expect(wrong).toEqual([]);
    // The control: the facts compared are there to be found.
    expect(found).toBeGreaterThanOrEqual(25);
  });

  it('reads "has been signed on DATE between X (ABBR) and Y", "Name, Title, Body" with initials, "Registrar i/C of ABBR" and "present on the occasion"', async () => {
    const { wrong, found } = await exactly('12-english-appositive-roles');
    expect(wrong).toEqual([]);
    expect(found).toBeGreaterThanOrEqual(19);
  });

  it('reads MoUs signed by a body named with its abbreviation with "several faculties … at ZU": one with each unit a later sentence lists; a compound title; "They jointly witnessed"', async () => {
    const { wrong, found } = await exactly('13-english-faculties');
    expect(wrong).toEqual([]);
    expect(found).toBeGreaterThanOrEqual(25);
  });

  it('reads initials (B. K. Rajan, E Lindqvist, Y.C. Zhao Ming), a Malaysian name after Academician Datuk Ir. Dr., and "signed by … witnessed by" with them', async () => {
    const { wrong, found } = await exactly('14-english-initials');
    expect(wrong).toEqual([]);
    expect(found).toBeGreaterThanOrEqual(25);
  });

  it('reads an acronym after a title as the body that holds it (Vice-Chancellor of UPKL)', async () => {
    const draft = await extractDraft(
      'UPKL and Red River University sign MoU\n\nUPKL and Red River University (RRU) signed a Memorandum of Understanding on 3 March 2021. Prof. Lim Wei Ming, Vice-Chancellor of UPKL, and Dr. Tran Thi Lan, Rector of RRU, signed the MoU.',
    );
    expect(rolesOf(draft)).toEqual([
      'Lim Wei Ming, Vice-Chancellor @UPKL',
      'Tran Thi Lan, Rector @Red River University',
    ]);
    expect(agreementsOf(draft)).toEqual([
      {
        parties: ['UPKL', 'Red River University'],
        signatories: ['Lim Wei Ming for UPKL', 'Tran Thi Lan for Red River University'],
      },
    ]);
  });

  it('reads the acronym the page’s address carries as the publisher, wherever the text uses it', async () => {
    const text =
      'Red River University and UPKL to exchange students\n\nUPKL and Red River University (RRU) signed a Memorandum of Understanding on 3 March 2021 to exchange students from 2022.';
    const draft = await extractDraft(text, { sourceUrl: 'https://news.upkl.edu.my/2021/03/rru' });
    expect(agreementsOf(draft)).toEqual([
      { parties: ['UPKL', 'Red River University'], signatories: [] },
    ]);
    // Without the address, UPKL stands in no slot that makes it a body: no agreement.
    expect(agreementsOf(await extractDraft(text))).toEqual([]);
  });

  it('reads "Signing the MoU on behalf of their respective institutions were", each for the body of their title', async () => {
    const draft = await extractDraft(
      'KTU and Sabah Polytechnic sign MoU\n\nA Memorandum of Understanding (MoU) was signed between KTU and Sabah Polytechnic (SP) on 5th March 2019 at SP, Kota Kinabalu, Malaysia. Signing the MoU on behalf of their respective institutions were KTU Vice-Chancellor Prof. Dr. Ong Chee Keong and SP Director Encik Ahmad Bin Salleh, witnessed by KTU Deputy Vice-Chancellor Ts. Dr. Wong Mei Fong.',
    );
    expect(agreementsOf(draft)).toEqual([
      {
        parties: ['KTU', 'Sabah Polytechnic'],
        signatories: ['Ong Chee Keong for KTU', 'Ahmad Bin Salleh for Sabah Polytechnic'],
      },
    ]);
    // Ts. (a Malaysian professional title) is an honorific: no part of the name, no sentence end.
    expect(rolesOf(draft)).toContain('Wong Mei Fong, Deputy Vice-Chancellor @KTU');
  });
  it('reads a family name alone as the subject of "met with" (Chen, Chinese order), so "They jointly witnessed" names both', async () => {
    const draft = await extractDraft(
      'Northbay University signs MoU with Kestrel Institute of Technology\n\nNorthbay University signed a Memorandum of Understanding with Kestrel Institute of Technology (KIT) during a visit to Oslo by Northbay University President Chen Haoran.\n\nOn May 4, Chen met with Dr. Anna Berg, Rector of KIT. They jointly witnessed the signing of the MoU. Berg said that KIT looks forward to the exchange of students.',
    );
    const witnesses = draft.records
      .filter((r) => r.record.type === 'agreement')
      .flatMap((r) => (r.record.witnesses as string[]) ?? [])
      .map((id) => nameOf(draft, id));
    expect(witnesses).toEqual(['Chen Haoran', 'Anna Berg']);
  });
});
