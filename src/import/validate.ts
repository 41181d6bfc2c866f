/**
 * Record validation against schema/import-record.schema.json (the published contract), plus
 * the few rules a JSON Schema cannot say. Messages name the field and what is wrong with it.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DATE_FORMS, hasYear, isDate } from '../dates.ts';
import { UNITED_CLAIMS } from '../model/claims.ts';
import { KINDS, type Kind, LIST_PROPERTIES, PROPERTIES } from '../model/kinds.ts';
import { LINKS, type Link } from '../model/relationships.ts';
import { type ImportRecord, stringFields } from './records.ts';
import { canonical, statedItems, statementsOf } from './rows.ts';

const SCHEMA_URL = new URL('../../schema/import-record.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(SCHEMA_URL, 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats.default(ajv, ['uri']);
// The pattern cannot tell 2023-02-30 from a day that exists; the date module can.
ajv.addFormat('accord-date', { type: 'string', validate: isDate });
ajv.addSchema(schema);

const validators = new Map<Kind, ValidateFunction>(
  KINDS.map((kind) => [kind, ajv.compile({ $ref: `${schema.$id}#/$defs/${kind}` })]),
);

const ID = new RegExp(schema.$defs.id.pattern);

/** Whether `value` has the shape of an id of the import format: a name such as 北工大 has not. */
export const couldBeId = (value: string) =>
  value.length <= schema.$defs.id.maxLength && ID.test(value);

export interface FieldProblem {
  field: string;
  message: string;
}

/** Every problem with one record; an empty list when it is valid. */
export function validateRecord(record: Record<string, unknown>): FieldProblem[] {
  const type = record.type;
  if (typeof type !== 'string' || !(KINDS as readonly string[]).includes(type)) {
    return [
      {
        field: 'type',
        message:
          type === undefined
            ? `missing; one of ${KINDS.join(', ')}`
            : `unknown type ${JSON.stringify(type)}; one of ${KINDS.join(', ')}`,
      },
    ];
  }
  const validate = validators.get(type as Kind) as ValidateFunction;
  if (!validate(record)) return describe(validate.errors ?? []);
  const broken = textProblems(record);
  if (broken.length > 0) return broken;
  const problems = statementProblems(type as Kind, record, validate);
  return problems.length > 0 ? problems : semanticProblems(type as Kind, record);
}

/**
 * Statements name a field sources state, hold a value that field accepts, cite only the
 * record's sources for a scalar, and give `order` only to an ordered field; a scalar given
 * plainly as well must be one of the stated values.
 */
function statementProblems(
  kind: Kind,
  record: Record<string, unknown>,
  validate: ValidateFunction,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (record.statements === undefined) return problems;
  const cited = new Set(((record.sources ?? []) as unknown[]).map(canonical));
  const fields = [...statedFields(kind), ...LINKS[kind].map((l) => l.field)];
  for (const { statement, index } of statementsOf(record as ImportRecord)) {
    const at = `statements[${index}]`;
    const link = LINKS[kind].find((l) => l.field === statement.field);
    if (!link && !statedFields(kind).includes(statement.field)) {
      problems.push({
        field: `${at}.field`,
        message: `"${statement.field}" is not a field a ${kind} states; one of ${fields.join(', ')}`,
      });
      continue;
    }
    // The value as the field would hold it, judged by the record's own schema.
    const plain = record[statement.field];
    const trial = {
      ...record,
      statements: undefined,
      [statement.field]: link?.many
        ? [statement.value, ...((plain as unknown[]) ?? [])]
        : statement.value,
    };
    if (!validate(trial)) {
      for (const problem of describe(validate.errors ?? [])) {
        const prefix = link?.many ? `${statement.field}[0]` : statement.field;
        if (problem.field === prefix || problem.field.startsWith(`${prefix}.`)) {
          problems.push({
            field: `${at}.value${problem.field.slice(prefix.length)}`,
            message: problem.message,
          });
        }
      }
    }
    // A value of the record's own (a scalar) is stated by some of its sources; a relationship
    // may be stated by a source that does not state the entity (the API's link).
    statement.sources.forEach((source, i) => {
      if (!link && !cited.has(canonical(source))) {
        problems.push({
          field: `${at}.sources[${i}]`,
          message: `${JSON.stringify(source)} is not one of the record's sources; list it there too`,
        });
      }
    });
    if (statement.order !== undefined && !link?.ordered) {
      problems.push({
        field: `${at}.order`,
        message: `only an ordered field (${orderedFields(kind) || `none in a ${kind}`}) takes an order`,
      });
    }
  }
  for (const field of PROPERTIES[kind]) {
    const stated = statementsOf(record as ImportRecord)
      .filter(({ statement }) => statement.field === field)
      .map(({ statement }) => canonical(statement.value));
    if (
      stated.length > 0 &&
      record[field] !== undefined &&
      !stated.includes(canonical(record[field]))
    ) {
      problems.push({
        field,
        message: `${JSON.stringify(record[field])} is none of the values its statements give`,
      });
    }
  }
  return problems;
}

/**
 * Strings that are not text: a lone surrogate (a `\ud800` escape in JSON, or one sent to the
 * API) has no UTF-8 form, and Neo4j would store U+FFFD in its place.
 */
export function textProblems(value: unknown, field = ''): FieldProblem[] {
  if (wellFormed(value)) return [];
  const problems: FieldProblem[] = [];
  for (const [at, text] of stringFields(value, field)) {
    if (text.isWellFormed()) continue;
    const lone = [...text].find((c) => !c.isWellFormed()) as string;
    const code = `\\u${lone.charCodeAt(0).toString(16)}`;
    problems.push({
      field: at,
      message: `holds a lone surrogate ${code}, which is not a character`,
    });
  }
  return problems;
}

/** The fields of a kind whose values statements may give: scalars, and lists stated item by item. */
const statedFields = (kind: Kind) => [
  ...PROPERTIES[kind],
  ...LIST_PROPERTIES[kind].filter((f) => UNITED_CLAIMS.includes(f)),
];

const orderedFields = (kind: Kind) =>
  LINKS[kind]
    .filter((l) => l.ordered)
    .map((l) => l.field)
    .join(', ');

/** Whether every string in a value is well-formed: the quick answer for every record. */
function wellFormed(value: unknown): boolean {
  if (typeof value === 'string') return value.isWellFormed();
  if (value === null || typeof value !== 'object') return true;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    if (!wellFormed(item)) return false;
  }
  return true;
}

/**
 * Rules beyond the schema: a role's bounds dated and in order, parties distinct, signatories
 * signing for a party.
 */
function semanticProblems(kind: Kind, record: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (kind === 'role') {
    // A bound without a year bounds nothing on the time line (src/dates.ts).
    const yearless = ['since', 'until'].filter(
      (field) => typeof record[field] === 'string' && !hasYear(record[field] as string),
    );
    for (const field of yearless) {
      problems.push({ field, message: 'needs a year: a role held since --MM-DD is held when?' });
    }
    if (
      yearless.length === 0 &&
      record.since &&
      record.until &&
      String(record.since) > String(record.until)
    ) {
      problems.push({ field: 'until', message: `is before since (${record.since})` });
    }
  }
  if (kind === 'agreement') {
    const parties = (record.parties as unknown[]).map((p) => JSON.stringify(p));
    const repeated = parties.find((p, i) => parties.indexOf(p) !== i);
    if (repeated) problems.push({ field: 'parties', message: `names ${repeated} twice` });
    // A signatory signs for a party, as the plain list or a statement names it.
    const link = LINKS.agreement.find((l) => l.field === 'parties') as Link;
    const signing = LINKS.agreement.find((l) => l.field === 'signatories') as Link;
    const named = new Set([
      ...parties,
      ...statedItems(record as ImportRecord, link).map((p) => JSON.stringify(p.item)),
    ]);
    for (const { item, path } of statedItems(record as ImportRecord, signing)) {
      const s = item as { onBehalfOf: unknown };
      if (!named.has(JSON.stringify(s.onBehalfOf))) {
        problems.push({
          field: `${path}.onBehalfOf`,
          message: `${JSON.stringify(s.onBehalfOf)} is not one of the parties; write it as the party is written`,
        });
      }
    }
  }
  return problems;
}

const fieldOf = (instancePath: string) =>
  instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');

const join = (field: string, child: string) => (field ? `${field}.${child}` : child);

/** Turns Ajv's errors into one plain message per field. */
function describe(errors: ErrorObject[]): FieldProblem[] {
  const byField = new Map<string, string>();
  // A failed reference (oneOf of id, {id}, {name}) explains itself better than its branches.
  const refFailures = errors
    .filter((e) => e.keyword === 'oneOf' && e.schemaPath.includes('/$defs/ref/'))
    .map((e) => e.instancePath);
  for (const error of errors) {
    const underRef = refFailures.some(
      (p) => error.instancePath.startsWith(p) && error.keyword !== 'oneOf',
    );
    // A list of dates where one date may stand: the list's own errors explain it.
    const notTheOne =
      ((error.keyword === 'type' && error.schemaPath.endsWith('/$defs/date/type')) ||
        (error.keyword === 'oneOf' && !error.schemaPath.includes('/$defs/ref/'))) &&
      errors.some((e) => e.instancePath.startsWith(`${error.instancePath}/`));
    if (underRef || notTheOne) continue;
    const field = fieldOf(error.instancePath);
    let target = field;
    let message: string;
    switch (error.keyword) {
      case 'required':
        target = join(field, error.params.missingProperty);
        message = 'is required';
        break;
      case 'additionalProperties':
        target = join(field, error.params.additionalProperty);
        message = 'is not a field of this record type';
        break;
      case 'enum':
        message = `must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}`;
        break;
      case 'const':
        message = `must be ${JSON.stringify(error.params.allowedValue)}`;
        break;
      case 'oneOf':
        message = error.schemaPath.includes('/$defs/ref/')
          ? 'must be a reference: an id, {"id": "..."} or {"name": "..."}'
          : `must be a date or a list of dates: ${DATE_FORMS}`;
        break;
      case 'format':
        message =
          error.params.format === 'accord-date'
            ? 'is not a day that exists (a month has at most 28, 29, 30 or 31 days)'
            : (error.message ?? 'is invalid');
        break;
      case 'pattern':
        message = error.schemaPath.includes('/$defs/date/')
          ? `must be a date: ${DATE_FORMS}`
          : error.schemaPath.includes('/$defs/id/')
            ? 'must be an id: letters, digits and . _ : - (starting with a letter or digit)'
            : error.schemaPath.includes('/$defs/text/') ||
                error.schemaPath.includes('/$defs/longText/')
              ? 'must not be blank'
              : `must match ${error.params.pattern}`;
        break;
      default:
        message = error.message ?? 'is invalid';
    }
    if (!byField.has(target)) byField.set(target, message);
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}
