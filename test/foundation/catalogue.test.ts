/**
 * The relationship catalogue (src/model/relationships.ts) against what it drives: the import
 * JSON Schema, the GraphQL schema's relationship fields and their `follows`. No database.
 * The JSON Schema is checked rather than generated: it is the published contract, with prose,
 * enums and limits the catalogue does not hold; this test fails when the two drift apart.
 */
import { readFileSync } from 'node:fs';
import { getNamedType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/graphql/schema.ts';
import { KINDS, LIST_PROPERTIES, PROPERTIES } from '../../src/model/kinds.ts';
import {
  endsOf,
  FOLLOWING,
  following,
  LINKS,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../src/model/relationships.ts';

const jsonSchema = JSON.parse(
  readFileSync(new URL('../../schema/import-record.schema.json', import.meta.url), 'utf8'),
);
const REF = '#/$defs/ref';

/** The part of a JSON Schema the check reads. */
interface Shape {
  $ref?: string;
  type?: string;
  items?: Shape;
  properties?: Record<string, Shape>;
}

// Types are checked by tsc: a misspelt relationship type or field does not compile.
// @ts-expect-error 'PARTY_T0' is not a RelationshipType
const typo: RelationshipType = 'PARTY_T0';
// @ts-expect-error 'Agreement.partys' follows no relationship
const misspelt = () => following('Agreement.partys');

describe('the relationship catalogue', () => {
  it('spells types and fields as the compiler checks them', () => {
    expect([typo, typeof misspelt]).toEqual(['PARTY_T0', 'function']);
  });

  it('gives each kind the link fields the JSON Schema has, shaped as the schema says', () => {
    for (const kind of KINDS) {
      const properties = jsonSchema.$defs[kind].properties as Record<string, Shape>;
      const plain = new Set(['type', 'id', 'sources', 'statements', ...PROPERTIES[kind]]);
      for (const field of LIST_PROPERTIES[kind]) plain.add(field);
      const linkFields = Object.keys(properties).filter((f) => !plain.has(f));
      expect({ kind, fields: LINKS[kind].map((l) => l.field) }).toEqual({
        kind,
        fields: linkFields,
      });
      for (const link of LINKS[kind]) {
        const at = `${kind}.${link.field}`;
        const property = properties[link.field] as Shape;
        if (!link.many) {
          expect({ at, ref: property.$ref }).toEqual({ at, ref: REF });
          continue;
        }
        const items = property.$ref === '#/$defs/refs' ? { $ref: REF } : (property.items as Shape);
        expect({
          at,
          array: property.$ref === '#/$defs/refs' || property.type === 'array',
        }).toEqual({ at, array: true });
        if (!link.key) {
          expect({ at, ref: items.$ref }).toEqual({ at, ref: REF });
          continue;
        }
        const keys = [
          link.key,
          ...(link.refProperty ? [link.refProperty.key] : []),
          ...(link.identity ?? []).map((i) => i.key),
          ...(link.listProperty ? [link.listProperty.key] : []),
        ];
        expect({ at, keys: Object.keys(items.properties ?? {}).sort() }).toEqual({
          at,
          keys: keys.sort(),
        });
        expect({ at, key: items.properties?.[link.key]?.$ref }).toEqual({ at, key: REF });
      }
    }
  });

  it('marks every field that follows a relationship, from the right end, in the GraphQL schema', () => {
    const schema = createSchema();
    for (const [name, spec] of FOLLOWING) {
      const [typeName, fieldName] = name.split('.') as [string, string];
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${name}: no object type ${typeName}`);
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`${name}: not in the SDL`);
      const directions = spec.direction === 'both' ? ['out', 'in'] : [spec.direction];
      expect({ name, follows: field.extensions.follows }).toEqual({
        name,
        follows: directions.map((direction) => ({
          type: spec.type,
          direction,
          ...(spec.at ? { at: spec.at } : {}),
        })),
      });
      // The objects a field with `at` gives hold the far entity there.
      const target = getNamedType(field.type);
      if (spec.at && isObjectType(target)) expect(target.getFields()).toHaveProperty(spec.at);
      // An entity type's field starts at its own kind's end (Attendance's from its person).
      const kind = KINDS.find((k) => k === typeName.toLowerCase());
      if (!kind) continue;
      const ends = endsOf(spec.type);
      for (const direction of directions) {
        expect({ name, direction, at: direction === 'out' ? ends.from : ends.to }).toEqual(
          expect.objectContaining({ at: expect.arrayContaining([kind]) }),
        );
      }
    }
  });

  it('has links for every type, and marks no field it does not list', () => {
    const schema = createSchema();
    const followed = new Set<string>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.extensions.follows) followed.add(`${type.name}.${field.name}`);
      }
    }
    expect([...followed].sort()).toEqual([...FOLLOWING.keys()].sort());
    const linked = new Set(Object.values(LINKS).flatMap((links) => links.map((l) => l.type)));
    expect([...linked].sort()).toEqual(RELATIONSHIP_TYPES);
  });
});
