/**
 * Resolvers for schema/extract.graphql: drafting import records from an article
 * (src/extract/). The draft is returned, never written; names are matched against the graph.
 */
import type { DraftRecord } from '../../extract/draft.ts';
import { extractDraft } from '../../extract/extract.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';

/** Longer texts are not news articles; the rules' cost grows with the text. */
export const MAX_ARTICLE_LENGTH = 200_000;

interface ExtractArgs {
  text: string;
  publishedOn?: string | null;
  sourceUrl?: string | null;
}

export const extractResolvers = {
  Mutation: {
    extractDraft: async (_: unknown, args: ExtractArgs, ctx: Context) => {
      if (args.text.trim() === '') throw badInput('text: give the article’s text', 'text');
      if (args.text.length > MAX_ARTICLE_LENGTH) {
        throw badInput(
          `text: at most ${MAX_ARTICLE_LENGTH} characters, got ${args.text.length}`,
          'text',
        );
      }
      if (args.publishedOn && !/^\d{4}-\d{2}-\d{2}$/.test(args.publishedOn)) {
        throw badInput('publishedOn: give the whole date, YYYY-MM-DD', 'publishedOn');
      }
      if (args.sourceUrl && !URL.canParse(args.sourceUrl)) {
        throw badInput('sourceUrl: not a URL', 'sourceUrl');
      }
      const draft = await extractDraft(args.text, {
        html: /^\s*<(!doctype|html|body|div|p|article)\b/i.test(args.text),
        db: ctx.db,
        ...(args.publishedOn ? { publishedOn: args.publishedOn } : {}),
        ...(args.sourceUrl ? { sourceUrl: args.sourceUrl } : {}),
      });
      return { ...draft, importRecords: draft.records.map((r) => r.record) };
    },
  },

  DraftRecord: {
    type: (r: DraftRecord) => r.record.type,
  },
};
