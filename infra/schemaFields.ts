import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';

export interface RootField {
  typeName: 'Query' | 'Mutation' | 'Subscription';
  fieldName: string;
}

const roots = new Set(['Query', 'Mutation', 'Subscription']);

/** Every field of the schema's root types, in schema order: each one gets a resolver. */
export function rootFields(schemaPath: string): RootField[] {
  const document = parse(readFileSync(schemaPath, 'utf8'));
  const fields: RootField[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    if (!roots.has(typeName)) continue;
    for (const field of definition.fields ?? []) {
      fields.push({ typeName: typeName as RootField['typeName'], fieldName: field.name.value });
    }
  }
  return fields;
}
