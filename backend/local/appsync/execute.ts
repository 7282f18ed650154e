/**
 * Executes one GraphQL request the way AppSync would: per-field auth, a direct-Lambda event for
 * every root field (and the listed non-root ones), AppSync-shaped errors. Mutations that return
 * non-null data are handed to `onMutation` so @aws_subscribe subscribers get the result.
 */
import {
  Kind,
  defaultFieldResolver,
  execute,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { AppSyncResolverEvent } from '../../src/event.js';
import { allowed, type Caller } from './auth.js';
import { FieldUnauthorized, formatError, type AppSyncError } from './errors.js';
import { measure, overLimit, type RequestLimits } from './limits.js';
import { Lru } from './lru.js';
import type { AuthRule, LocalSchema } from './schema.js';
import { byFieldName, fieldsOf, selectionSetGraphQL, selectionSetList, type Fragments } from './selection.js';

export interface Request {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  caller: Caller;
  headers: Record<string, string>;
}

export interface Context {
  caller: Caller;
  headers: Record<string, string>;
  variables: Record<string, unknown>;
}

export type Parsed =
  | { ok: true; document: DocumentNode; operation: OperationDefinitionNode; fragments: Fragments }
  | { ok: false; status: number; errors: AppSyncError[] };

export interface EngineOptions {
  local: LocalSchema;
  invoke(event: AppSyncResolverEvent): Promise<unknown>;
  resolvedFields: string[];
  log(line: string): void;
  onMutation(fieldName: string, payload: unknown): void;
  /** whether anyone would receive `onMutation(fieldName, …)`; when false the payload is not built */
  wantsMutation?(fieldName: string): boolean;
  /** parsed and validated documents kept, by query text (default 500) */
  documentCacheSize?: number;
  /** AppSync's queryDepthLimit / resolverCountLimit; a request over one is refused before it runs */
  limits?: RequestLimits;
}

/** Longer query texts are not kept, so the document cache stays small whatever clients send. */
const MAX_CACHED_QUERY_LENGTH = 64 * 1024;

/** What a field needs per resolution, worked out once per Type.field. */
interface FieldPlan {
  rule: AuthRule;
  /** root fields and listed non-root fields go to the Lambda */
  invoke: boolean;
}

/** A valid document, as parsed once for its query text. */
interface Document {
  document: DocumentNode;
  fragments: Fragments;
}

/** selectionSetList / selectionSetGraphQL of one selection set (they depend on the document only). */
interface SelectionInfo {
  list: string[];
  graphql: string;
}

export function createEngine(opts: EngineOptions) {
  const { schema } = opts.local;
  const resolved = new Set(opts.resolvedFields);
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean),
  );

  // The schema does not change, so neither does what a field needs: computed on first use.
  const plans = new Map<GraphQLObjectType, Map<string, FieldPlan>>();
  function planFor(type: GraphQLObjectType, fieldName: string): FieldPlan {
    let byField = plans.get(type);
    if (!byField) plans.set(type, (byField = new Map()));
    let plan = byField.get(fieldName);
    if (!plan) {
      plan = {
        rule: opts.local.ruleFor(type.name, fieldName),
        invoke: roots.has(type) || resolved.has(`${type.name}.${fieldName}`),
      };
      byField.set(fieldName, plan);
    }
    return plan;
  }

  function checkAuth(ctx: Context, info: GraphQLResolveInfo): void {
    if (info.fieldName.startsWith('__')) return;
    if (!allowed(planFor(info.parentType, info.fieldName).rule, ctx.caller)) {
      throw new FieldUnauthorized(info.fieldName, info.parentType.name);
    }
  }

  // Keyed by the selection set node, which belongs to one (cached) document and so to one set of fragments.
  const selections = new WeakMap<SelectionSetNode, SelectionInfo>();
  const noSelection: SelectionInfo = { list: [], graphql: '' };
  function selectionOf(set: SelectionSetNode | undefined, fragments: Fragments): SelectionInfo {
    if (!set) return noSelection;
    let sel = selections.get(set);
    if (!sel) {
      sel = { list: selectionSetList(set, fragments), graphql: selectionSetGraphQL(set, fragments) };
      selections.set(set, sel);
    }
    return sel;
  }

  function event(
    source: unknown,
    args: Record<string, unknown>,
    ctx: Context,
    info: GraphQLResolveInfo,
  ): AppSyncResolverEvent {
    const isRoot = roots.has(info.parentType);
    const selection = selectionOf(info.fieldNodes[0]?.selectionSet, info.fragments);
    return {
      arguments: { ...args },
      identity: ctx.caller.identity,
      source: isRoot ? null : (source as Record<string, unknown>),
      request: { headers: ctx.headers, domainName: null },
      info: {
        fieldName: info.fieldName,
        parentTypeName: info.parentType.name,
        variables: ctx.variables,
        selectionSetList: selection.list.slice(), // the handler gets its own array, as before
        selectionSetGraphQL: selection.graphql,
      },
      prev: null,
      stash: {},
    };
  }

  const resolver: GraphQLFieldResolver<unknown, Context> = (source, args, ctx, info) => {
    const plan = planFor(info.parentType, info.fieldName);
    if (!info.fieldName.startsWith('__') && !allowed(plan.rule, ctx.caller)) {
      throw new FieldUnauthorized(info.fieldName, info.parentType.name);
    }
    if (plan.invoke) return opts.invoke(event(source, args, ctx, info));
    return defaultFieldResolver(source, args, ctx, info);
  };

  /** Subscription payloads: data comes from the mutation, only nested field auth applies. */
  const projector: GraphQLFieldResolver<unknown, Context> = (source, args, ctx, info) => {
    if (!roots.has(info.parentType)) checkAuth(ctx, info);
    return defaultFieldResolver(source, args, ctx, info);
  };

  // Parsing and validating against the (fixed) schema give the same answer for the same text, so
  // valid documents are kept; invalid ones are rare and are simply worked out again.
  const documents = new Lru<string, Document>(opts.documentCacheSize ?? 500);

  // Whether an operation is within the limits depends on the document alone: worked out once.
  const verdicts = new WeakMap<OperationDefinitionNode, string | null>();
  const fieldType = (typeName: string, fieldName: string): string | null => {
    const type = schema.getType(typeName);
    const field = type && 'getFields' in type ? type.getFields()[fieldName] : undefined;
    if (!field) return null;
    let t = field.type;
    while ('ofType' in t) t = t.ofType;
    return t.name;
  };
  const hasResolver = (typeName: string, fieldName: string): boolean => {
    const type = schema.getType(typeName);
    return (!!type && roots.has(type as GraphQLObjectType)) || resolved.has(`${typeName}.${fieldName}`);
  };
  function limitRefusal(operation: OperationDefinitionNode, fragments: Fragments): string | null {
    if (!opts.limits) return null;
    let verdict = verdicts.get(operation);
    if (verdict === undefined) {
      const root = {
        query: schema.getQueryType(),
        mutation: schema.getMutationType(),
        subscription: schema.getSubscriptionType(),
      }[operation.operation];
      verdict = root ? overLimit(measure(operation, fragments, root.name, hasResolver, fieldType), opts.limits) : null;
      verdicts.set(operation, verdict);
    }
    return verdict;
  }

  function parseRequest(query: string, operationName?: string | null): Parsed {
    let cached = documents.get(query);
    if (!cached) {
      let document: DocumentNode;
      try {
        document = parse(query);
      } catch {
        return {
          ok: false,
          status: 400,
          errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' }],
        };
      }
      // AppSync answers validation errors with HTTP 200, data null and no errorType.
      const invalid = validate(schema, document);
      if (invalid.length) return { ok: false, status: 200, errors: invalid.map((e) => formatError(e, opts.log)) };
      const fragments: Fragments = {};
      for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      cached = { document, fragments };
      if (query.length <= MAX_CACHED_QUERY_LENGTH) documents.set(query, cached);
    }
    const { document, fragments } = cached;
    const operation = getOperationAST(document, operationName);
    if (!operation)
      return {
        ok: false,
        status: 200,
        errors: [{ message: 'Unknown or ambiguous operation name.', errorType: 'ValidationError' }],
      };
    const refusal = limitRefusal(operation, fragments);
    if (refusal) return { ok: false, status: 400, errors: [{ errorType: 'BadRequestException', message: refusal }] };
    return { ok: true, document, operation, fragments };
  }

  async function run(req: Request, parsed: Parsed & { ok: true }, fieldResolver = resolver, rootValue?: unknown) {
    const contextValue: Context = { caller: req.caller, headers: req.headers, variables: req.variables ?? {} };
    const result = await execute({
      schema,
      document: parsed.document,
      operationName: parsed.operation.name?.value,
      variableValues: req.variables ?? {},
      contextValue,
      fieldResolver,
      rootValue,
    });
    const errors = result.errors?.map((e) => formatError(e, opts.log));
    return { data: result.data ?? null, ...(errors?.length ? { errors } : {}) };
  }

  /** HTTP (and executeAsIam): returns the status and JSON body to send. */
  async function handle(req: Request): Promise<{ status: number; body: { data?: unknown; errors?: AppSyncError[] } }> {
    const parsed = parseRequest(req.query, req.operationName);
    if (!parsed.ok)
      return {
        status: parsed.status,
        body: parsed.status === 200 ? { data: null, errors: parsed.errors } : { errors: parsed.errors },
      };
    if (parsed.operation.operation === 'subscription') {
      const errors = [
        {
          errorType: 'UnsupportedOperation',
          message: 'Subscriptions are only supported through the realtime endpoint.',
        },
      ];
      return { status: 200, body: { data: null, errors } };
    }
    const body = await run(req, parsed);
    if (parsed.operation.operation === 'mutation' && body.data) {
      const data = body.data as Record<string, unknown>;
      for (const f of fieldsOf(parsed.operation.selectionSet, parsed.fragments)) {
        if (opts.wantsMutation && !opts.wantsMutation(f.name.value)) continue; // nobody would receive it
        const value = data[f.alias?.value ?? f.name.value];
        if (value !== null && value !== undefined)
          opts.onMutation(f.name.value, byFieldName(value, f.selectionSet, parsed.fragments));
      }
    }
    return { status: 200, body };
  }

  return { handle, parseRequest, run, projector, event, checkAuth, isRoot: (t: unknown) => roots.has(t as never) };
}

export type Engine = ReturnType<typeof createEngine>;
