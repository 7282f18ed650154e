/**
 * @aws_subscribe semantics: a subscription registers at `start` (its resolver runs and may deny),
 * and each listed mutation that returns non-null pushes the mutation's own selection set,
 * projected onto the subscriber's selection, to subscribers whose non-null arguments all equal the
 * same-named top-level payload fields. Before each delivery `checkSubscriber` may end a
 * subscription whose session has ended since it started (sign out everywhere, a password change):
 * the subscriber gets an error instead of the event and is dropped.
 */
import type { GraphQLFieldResolver } from 'graphql';
import { plainError, type AppSyncError } from './errors.js';
import type { Context, Engine, Parsed, Request } from './execute.js';
import type { LocalSchema } from './schema.js';
import type { AppSyncResolverEvent, CognitoIdentity } from '../../src/event.js';

export interface Subscriber {
  id: string;
  fieldName: string;
  args: Record<string, unknown>;
  req: Request;
  parsed: Parsed & { ok: true };
  send(message: unknown): void;
  /** deliveries are chained so a subscriber sees events in mutation order */
  queue: Promise<void>;
}

type StartResult =
  | { ok: true; subscriber: Subscriber }
  | { ok: false; errors: (AppSyncError | { errorType: string; message: string })[] };

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return typeof a === 'object' || typeof b === 'object'
    ? JSON.stringify(a) === JSON.stringify(b)
    : String(a) === String(b);
}

export function createSubscriptions(deps: {
  engine: Engine;
  local: LocalSchema;
  invoke(event: AppSyncResolverEvent): Promise<unknown>;
  log(line: string): void;
  /** throws (an AppError) when this user's subscription must not receive anything any more */
  checkSubscriber?(identity: CognitoIdentity): Promise<void>;
}) {
  const subscribers = new Set<Subscriber>();
  /** live subscribers per subscription field name, so a mutation nobody listens to costs nothing */
  const perField = new Map<string, number>();
  const fieldsFor = new Map<string, ReadonlySet<string>>();
  const fieldsOfMutation = (mutationField: string): ReadonlySet<string> => {
    let fields = fieldsFor.get(mutationField);
    if (!fields) fieldsFor.set(mutationField, (fields = new Set(deps.local.subscriptionsFor(mutationField))));
    return fields;
  };

  async function start(id: string, req: Request, send: (m: unknown) => void): Promise<StartResult> {
    const parsed = deps.engine.parseRequest(req.query);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const op = parsed.operation.operation;
    if (op !== 'subscription') {
      return {
        ok: false,
        errors: [{ errorType: 'UnsupportedOperation', message: `${op} not supported through the realtime channel` }],
      };
    }
    let captured: { fieldName: string; args: Record<string, unknown> } | undefined;
    let failure: unknown;
    // Run the subscription field's resolver once, as AppSync does at registration; its result is discarded.
    const atStart: GraphQLFieldResolver<unknown, Context> = async (_source, args, ctx, info) => {
      if (!deps.engine.isRoot(info.parentType)) return null;
      try {
        deps.engine.checkAuth(ctx, info);
        await deps.invoke(deps.engine.event(null, args, ctx, info));
        captured = { fieldName: info.fieldName, args };
      } catch (err) {
        failure = err;
      }
      return null;
    };
    const result = await deps.engine.run(req, parsed, atStart);
    if (failure !== undefined) return { ok: false, errors: [plainError(failure, deps.log)] };
    if (!captured)
      return {
        ok: false,
        errors: result.errors ?? [{ errorType: 'InternalFailure', message: 'Subscription could not start.' }],
      };
    const subscriber: Subscriber = { id, ...captured, req, parsed, send, queue: Promise.resolve() };
    subscribers.add(subscriber);
    perField.set(subscriber.fieldName, (perField.get(subscriber.fieldName) ?? 0) + 1);
    return { ok: true, subscriber };
  }

  function matches(sub: Subscriber, payload: unknown): boolean {
    const top = (payload ?? {}) as Record<string, unknown>;
    return Object.entries(sub.args).every(([k, v]) => v === null || v === undefined || sameValue(top[k], v));
  }

  /** Ends a subscription from the server's side: an error frame, then nothing more. */
  function end(sub: Subscriber, err: unknown): void {
    if (!remove(sub)) return;
    sub.send({ id: sub.id, type: 'error', payload: { errors: [plainError(err, deps.log)] } });
  }

  async function deliver(sub: Subscriber, payload: unknown): Promise<void> {
    const { caller } = sub.req;
    if (deps.checkSubscriber && caller.kind === 'userPool') {
      try {
        await deps.checkSubscriber(caller.identity);
      } catch (err) {
        return end(sub, err);
      }
    }
    const result = await deps.engine.run(sub.req, sub.parsed, deps.engine.projector, { [sub.fieldName]: payload });
    if (subscribers.has(sub)) sub.send({ id: sub.id, type: 'data', payload: result });
  }

  /** Called after every mutation field that returned non-null (HTTP and executeAsIam alike). */
  function publish(mutationField: string, payload: unknown): void {
    if (!listening(mutationField)) return;
    const fields = fieldsOfMutation(mutationField);
    for (const sub of subscribers) {
      if (!fields.has(sub.fieldName) || !matches(sub, payload)) continue;
      sub.queue = sub.queue
        .then(() => deliver(sub, payload))
        .catch((err) => deps.log(`[appsync] delivery failed: ${String(err)}`));
    }
  }

  /** Whether a mutation field's result would reach anybody right now. */
  function listening(mutationField: string): boolean {
    for (const field of fieldsOfMutation(mutationField)) if (perField.get(field)) return true;
    return false;
  }

  function remove(sub: Subscriber): boolean {
    if (!subscribers.delete(sub)) return false;
    const left = (perField.get(sub.fieldName) ?? 1) - 1;
    if (left > 0) perField.set(sub.fieldName, left);
    else perField.delete(sub.fieldName);
    return true;
  }

  return { start, publish, listening, remove, count: () => subscribers.size };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;
