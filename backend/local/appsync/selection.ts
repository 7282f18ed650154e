/**
 * Selection-set helpers: the `info.selectionSetList` / `selectionSetGraphQL` that AppSync puts in
 * the resolver event, and re-keying a response (aliases) by field names for subscription payloads.
 */
import { print, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export type Fragments = Record<string, FragmentDefinitionNode>;

/** Fields of a selection set with fragments flattened (fragments on any type, as AppSync lists them). */
export function fieldsOf(set: SelectionSetNode | undefined, fragments: Fragments): FieldNode[] {
  const out: FieldNode[] = [];
  for (const sel of set?.selections ?? []) {
    if (sel.kind === 'Field') out.push(sel);
    else if (sel.kind === 'InlineFragment') out.push(...fieldsOf(sel.selectionSet, fragments));
    else {
      const frag = fragments[sel.name.value];
      if (frag) out.push(...fieldsOf(frag.selectionSet, fragments));
    }
  }
  return out;
}

/** ['id','university','university/id'] — paths of selected fields (not aliases), no __typename. */
export function selectionSetList(set: SelectionSetNode | undefined, fragments: Fragments, prefix = ''): string[] {
  const seen = new Set<string>();
  for (const f of fieldsOf(set, fragments)) {
    if (f.name.value.startsWith('__')) continue;
    const path = prefix + f.name.value;
    seen.add(path);
    for (const sub of selectionSetList(f.selectionSet, fragments, `${path}/`)) seen.add(sub);
  }
  return [...seen];
}

/** The field's selection set as text, followed by the fragments it uses (as AppSync does). */
export function selectionSetGraphQL(set: SelectionSetNode | undefined, fragments: Fragments): string {
  if (!set) return '';
  const used = new Set<string>();
  const collect = (s: SelectionSetNode | undefined) => {
    for (const sel of s?.selections ?? []) {
      if (sel.kind === 'FragmentSpread' && !used.has(sel.name.value)) {
        used.add(sel.name.value);
        collect(fragments[sel.name.value]?.selectionSet);
      } else if (sel.kind !== 'FragmentSpread') collect(sel.selectionSet);
    }
  };
  collect(set);
  return [print(set), ...[...used].flatMap((n) => (fragments[n] ? [print(fragments[n]!)] : []))].join('\n');
}

/**
 * A response value (keyed by response names, i.e. aliases) re-keyed by field names, keeping only
 * what was selected: this is the "mutation's own selection set" that AppSync pushes to subscribers.
 */
export function byFieldName(value: unknown, set: SelectionSetNode | undefined, fragments: Fragments): unknown {
  if (value === null || value === undefined || !set) return value ?? null;
  if (Array.isArray(value)) return value.map((v) => byFieldName(v, set, fragments));
  if (typeof value !== 'object') return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(set, fragments)) {
    const key = f.alias?.value ?? f.name.value;
    if (key in src) out[f.name.value] = byFieldName(src[key], f.selectionSet, fragments);
  }
  return out;
}
