/**
 * AppSync's queryDepthLimit and resolverCountLimit, checked on the document before anything runs:
 * a request over either is refused whole (HTTP 400), so no resolver — and no mutation — runs for
 * it. Fragments are expanded; each fragment is measured once, so a document cannot make this
 * walk expensive by spreading the same fragment many times.
 */
import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Fragments } from './selection.js';

export interface RequestLimits {
  /** deepest field nesting allowed, the root field counting as 1 */
  queryDepth: number;
  /** resolver-backed fields (root fields and listed non-root ones) allowed in one request */
  resolverCount: number;
}

interface Measure {
  depth: number;
  resolvers: number;
}

/**
 * Depth and resolver count of one operation. `resolved(typeName, fieldName)` says whether a field
 * has a resolver; `typeOf(parent, field)` names the type a field returns (null for leaves and
 * unknown fields), so nested resolved fields are recognised.
 */
export function measure(
  operation: OperationDefinitionNode,
  fragments: Fragments,
  rootType: string,
  resolved: (typeName: string, fieldName: string) => boolean,
  typeOf: (typeName: string, fieldName: string) => string | null,
): Measure {
  const memo = new Map<string, Measure>();
  const walk = (set: SelectionSetNode | undefined, typeName: string, path: Set<string>): Measure => {
    let depth = 0;
    let resolvers = 0;
    for (const sel of set?.selections ?? []) {
      let inner: Measure;
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        const child = typeOf(typeName, name);
        const below = sel.selectionSet && child ? walk(sel.selectionSet, child, path) : { depth: 0, resolvers: 0 };
        inner = { depth: below.depth + 1, resolvers: below.resolvers + (resolved(typeName, name) ? 1 : 0) };
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        inner = walk(sel.selectionSet, sel.typeCondition?.name.value ?? typeName, path);
      } else {
        const name = sel.name.value;
        const key = `${name}@${typeName}`;
        const known = memo.get(key);
        const fragment = fragments[name];
        if (known) inner = known;
        else if (!fragment || path.has(name))
          inner = { depth: 0, resolvers: 0 }; // validation refuses cycles anyway
        else {
          inner = walk(fragment.selectionSet, fragment.typeCondition.name.value, new Set(path).add(name));
          memo.set(key, inner);
        }
      }
      depth = Math.max(depth, inner.depth);
      resolvers += inner.resolvers;
    }
    return { depth, resolvers };
  };
  return walk(operation.selectionSet, rootType, new Set());
}

/** The refusal for a request over a limit, or null when it is within both. */
export function overLimit(m: Measure, limits: RequestLimits): string | null {
  if (m.depth > limits.queryDepth)
    return `The query is nested ${m.depth} levels deep; this API allows ${limits.queryDepth}.`;
  if (m.resolvers > limits.resolverCount)
    return `The request would run ${m.resolvers} resolvers; this API allows ${limits.resolverCount} per request.`;
  return null;
}
