/**
 * What the rules found but would not assert: each `unplaced` line of a draft carries one of
 * these reason codes, so that a reviewer (or a tool) can sort and act on them without reading
 * prose; `detail` says the same for a person. The README ("From news to graph") says what a
 * reviewer does with each.
 */
import type { Span } from './article.ts';

export const UNPLACED_REASONS = {
  'own-body-unnamed':
    "the page's own body, called only 学校, 我校 or 我所: drafted under that word, to be named",
  'organisation-not-placed': 'a body named, but not as a party, an employer or a parent of one',
  'person-without-part': 'a person named without a title or a part in an event',
  'role-body-ambiguous': 'a title the text ties to no one body it names (none, or several)',
  'role-body-unknown': 'a title after a body the rules do not read in full',
  'signatory-side-unclear': 'someone signed, but the text does not say for which party',
  'signatory-agreement-unclear':
    'someone signed 协议 after several agreements at one event; the text does not say which',
  'agreement-parties-unnamed': 'an agreement whose parties the text does not name',
  'agreement-heads-unnamed': 'an agreement signed between heads the text does not name',
  'agreement-pairs-unclear':
    'agreements signed severally (分别与…) whose pairs of parties the text does not make clear',
  'role-place-unnamed':
    'a title of a government or party committee whose place the text never names',
  'date-without-year': 'a month and day the page gives no year for: kept as --MM-DD',
  'graph-ambiguous': 'a name that matches several entities of the graph',
  'graph-namesake': 'a person with the name of one in the graph, not at the same body: kept apart',
} as const;

export type UnplacedReason = keyof typeof UNPLACED_REASONS;

export interface Unplaced {
  /** organisation, person, role, agreement, signatory or date. */
  kind: string;
  text: string;
  span: Span;
  reason: UnplacedReason;
  /** The reason in words, with what this finding adds (the title, the agreement, the ids). */
  detail: string;
}

interface Dated {
  date?: string;
  signedOn?: string;
  span: Span;
}

/**
 * A date kept without a year (--07-04) on an event or an agreement: listed, at the words that
 * state it where the rules kept them, else at the record's own evidence, so that a reviewer
 * who knows the year completes it.
 */
export function yearlessDates(
  view: string,
  dated: Dated[],
  mentions: { span: Span; date: string }[] = [],
): Unplaced[] {
  const out: Unplaced[] = [];
  const seen = new Set<string>();
  for (const d of dated) {
    const date = d.date ?? d.signedOn;
    if (!date?.startsWith('--') || seen.has(date)) continue;
    seen.add(date);
    const span = mentions.find((m) => m.date === date)?.span ?? d.span;
    out.push({
      kind: 'date',
      text: view.slice(...span),
      span,
      reason: 'date-without-year',
      detail: `${date}: the page gives no year for it; complete it before importing if the year is known`,
    });
  }
  return out;
}
