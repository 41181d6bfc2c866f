/** The Mutation fields: writes go through the import pipeline's validation and upserts. */
import { runImport } from '../../import/pipeline.ts';
import { memoryInput } from '../../import/records.ts';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';

export const MAX_IMPORT_RECORDS = 1000;

export const mutationResolvers = {
  Mutation: {
    importRecords: async (
      _: unknown,
      args: { records: unknown[]; dryRun?: boolean },
      ctx: Context,
    ) => {
      if (args.records.length > MAX_IMPORT_RECORDS) {
        throw badInput(
          `records: at most ${MAX_IMPORT_RECORDS} per call, got ${args.records.length}; use \`accord import\` for files`,
          'records',
        );
      }
      return runImport(ctx.db, [memoryInput('records', args.records)], {
        dryRun: args.dryRun ?? false,
      });
    },
  },
};
