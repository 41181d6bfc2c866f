/**
 * Title arguments match as names do (src/names.ts): 校長 finds 校长, president finds President.
 * The folding needs OpenCC, so it happens here, over the titles the graph holds, and the
 * queries compare stored forms.
 */
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { nameKey } from '../names.ts';

/** The stored titles (in the source's words or English) that fold to `title`'s form. */
export async function titleForms(db: Database, title: string): Promise<string[]> {
  const key = nameKey(title);
  const rows = await db.read(cypher('people/titles'));
  return rows.map((r) => r.title as string).filter((stored) => nameKey(stored) === key);
}
