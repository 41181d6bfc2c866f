/**
 * The Mutation fields. Records go through the import pipeline (one set of validation,
 * resolution and upsert rules) inside one transaction; other writes through src/model/writes.ts.
 */
import type { Database } from '../../db/driver.ts';
import { type ImportSummary, runImport } from '../../import/pipeline.ts';
import { formatIssue, type ImportIssue, memoryInput } from '../../import/records.ts';
import { MergeError, mergeEntities } from '../../model/merge.ts';
import {
  deleteEntity,
  linkEntities,
  unlinkEntities,
  updateEntity,
  WriteError,
} from '../../model/writes.ts';
import type { Context } from '../context.ts';
import { ambiguousName, badInput, userError } from '../errors.ts';

export const MAX_IMPORT_RECORDS = 1000;

type Args = Record<string, unknown>;

/**
 * Imports records in one transaction. With `strict` (the argument each record came in),
 * invalid records are a GraphQL error naming the argument and field.
 */
async function importAll(
  db: Database,
  records: unknown[],
  options: { dryRun?: boolean; strict?: string[] } = {},
) {
  const input = memoryInput('records', records);
  if (options.dryRun) return runImport(db, [input], { dryRun: true });
  let summary: ImportSummary | undefined;
  try {
    summary = await db.writeTransaction(async (transaction) => {
      const result = await runImport(db, [input], { transaction });
      if (!result.ok) throw new InvalidRecords(result);
      return result;
    });
  } catch (error) {
    if (!(error instanceof InvalidRecords)) throw error;
    if (options.strict) {
      const { errors } = error.summary;
      const argumentOf = (issue: ImportIssue) => options.strict?.[issue.line - 1];
      const message = errors
        .map((issue) => {
          const argument = argumentOf(issue);
          return argument
            ? `${argument}${issue.field ? `.${issue.field}` : ''}: ${issue.message}`
            : formatIssue(issue);
        })
        .join('; ');
      const ambiguous = errors.find((issue) => issue.code === 'AMBIGUOUS_NAME');
      if (ambiguous) {
        throw ambiguousName(
          message,
          `${argumentOf(ambiguous)}.${ambiguous.field}`,
          ambiguous.candidates ?? [],
        );
      }
      throw badInput(message, errors[0] && argumentOf(errors[0]));
    }
    summary = error.summary;
  }
  return summary;
}

class InvalidRecords extends Error {
  readonly summary: ImportSummary;
  constructor(summary: ImportSummary) {
    super('invalid records');
    this.summary = summary;
  }
}

/** Turns the model's errors into GraphQL errors with their codes. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WriteError || error instanceof MergeError)
      throw userError(error.code, error.message);
    throw error;
  }
}

const load = (ctx: Context, id: string) => {
  ctx.loaders.entity.clear(id);
  return ctx.loaders.entity.load(id);
};

/** A JSON argument as a record; `type`, when given, is the record type it must be. */
function asRecord(value: unknown, argument: string, type?: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badInput(`${argument}: must be a JSON object`, argument);
  }
  return type
    ? { ...(value as Record<string, unknown>), type }
    : (value as Record<string, unknown>);
}

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
      return importAll(ctx.db, args.records, { dryRun: args.dryRun ?? false });
    },

    createEntity: async (_: unknown, args: Args, ctx: Context) => {
      const record = asRecord(args.record, 'record');
      if (typeof record.id !== 'string') throw badInput('record.id: is required', 'record');
      if (await ctx.loaders.entity.load(record.id))
        throw userError('CONFLICT', `an entity with id "${record.id}" exists`);
      await importAll(ctx.db, [record], { strict: ['record'] });
      return load(ctx, record.id);
    },

    updateEntity: (_: unknown, args: Args, ctx: Context) =>
      guarded(async () => {
        const set = args.set ?? {};
        if (typeof set !== 'object' || Array.isArray(set))
          throw badInput('set: must be a JSON object', 'set');
        await updateEntity(ctx.db, args.id as string, {
          set: set as Record<string, unknown>,
          unset: (args.unset as string[]) ?? [],
          source: args.source as string,
        });
        return load(ctx, args.id as string);
      }),

    deleteEntity: (_: unknown, args: Args, ctx: Context) =>
      guarded(async () => ({
        id: args.id,
        kind: (await deleteEntity(ctx.db, args.id as string)).toUpperCase(),
      })),

    addAlias: (_: unknown, args: Args, ctx: Context) =>
      guarded(async () => {
        const alias = String(args.alias).trim();
        if (!alias) throw badInput('alias: must not be blank', 'alias');
        await updateEntity(ctx.db, args.id as string, {
          addAliases: [alias],
          source: args.source as string,
        });
        return load(ctx, args.id as string);
      }),

    link: (_: unknown, args: Args, ctx: Context) =>
      guarded(async () => {
        const properties = (args.properties ?? {}) as Record<string, unknown>;
        const status = await linkEntities(ctx.db, {
          from: args.from as string,
          type: args.type as string,
          to: args.to as string,
          source: args.source as string,
          properties,
        });
        return {
          type: args.type,
          from: await load(ctx, args.from as string),
          to: await load(ctx, args.to as string),
          properties,
          status,
        };
      }),

    unlink: (_: unknown, args: Args, ctx: Context) =>
      guarded(async () => {
        await unlinkEntities(ctx.db, {
          from: args.from as string,
          type: args.type as string,
          to: args.to as string,
        });
        return true;
      }),

    recordAgreement: async (_: unknown, args: Args, ctx: Context) => {
      const agreement = asRecord(args.agreement, 'agreement', 'agreement');
      const records =
        args.event == null ? [agreement] : [asRecord(args.event, 'event', 'event'), agreement];
      await importAll(ctx.db, records, {
        strict: args.event == null ? ['agreement'] : ['event', 'agreement'],
      });
      return load(ctx, agreement.id as string);
    },

    mergeEntities: (_: unknown, args: Args, ctx: Context) =>
      guarded(async () => {
        const result = await mergeEntities(
          ctx.db,
          args.keep as string,
          args.duplicates as string[],
        );
        return load(ctx, result.id);
      }),
  },
};
