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
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import type { AppSyncResolverEvent } from '../../src/event.js';
import { allowed, type Caller } from './auth.js';
import { FieldUnauthorized, formatError, type AppSyncError } from './errors.js';
import type { LocalSchema } from './schema.js';
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
}

export function createEngine(opts: EngineOptions) {
  const { schema } = opts.local;
  const resolved = new Set(opts.resolvedFields);
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean),
  );

  function checkAuth(ctx: Context, info: GraphQLResolveInfo): void {
    if (info.fieldName.startsWith('__')) return;
    if (!allowed(opts.local.ruleFor(info.parentType.name, info.fieldName), ctx.caller)) {
      throw new FieldUnauthorized(info.fieldName, info.parentType.name);
    }
  }

  function event(
    source: unknown,
    args: Record<string, unknown>,
    ctx: Context,
    info: GraphQLResolveInfo,
  ): AppSyncResolverEvent {
    const node = info.fieldNodes[0];
    const isRoot = roots.has(info.parentType);
    return {
      arguments: { ...args },
      identity: ctx.caller.identity,
      source: isRoot ? null : (source as Record<string, unknown>),
      request: { headers: ctx.headers, domainName: null },
      info: {
        fieldName: info.fieldName,
        parentTypeName: info.parentType.name,
        variables: ctx.variables,
        selectionSetList: selectionSetList(node?.selectionSet, info.fragments),
        selectionSetGraphQL: selectionSetGraphQL(node?.selectionSet, info.fragments),
      },
      prev: null,
      stash: {},
    };
  }

  const resolver: GraphQLFieldResolver<unknown, Context> = (source, args, ctx, info) => {
    checkAuth(ctx, info);
    if (roots.has(info.parentType) || resolved.has(`${info.parentType.name}.${info.fieldName}`)) {
      return opts.invoke(event(source, args, ctx, info));
    }
    return defaultFieldResolver(source, args, ctx, info);
  };

  /** Subscription payloads: data comes from the mutation, only nested field auth applies. */
  const projector: GraphQLFieldResolver<unknown, Context> = (source, args, ctx, info) => {
    if (!roots.has(info.parentType)) checkAuth(ctx, info);
    return defaultFieldResolver(source, args, ctx, info);
  };

  function parseRequest(query: string, operationName?: string | null): Parsed {
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
    const operation = getOperationAST(document, operationName);
    if (!operation)
      return {
        ok: false,
        status: 200,
        errors: [{ message: 'Unknown or ambiguous operation name.', errorType: 'ValidationError' }],
      };
    const fragments: Fragments = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
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
