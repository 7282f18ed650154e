/**
 * Request and response adjustments that make cognito-local behave like Huddle's production pool.
 * Emails are case-insensitive there (username = email, UsernameConfiguration CaseSensitive=false),
 * so every username and email arrives here lower-cased and is stored that way. Usernames that are
 * subs are lower-case UUIDs already, so lower-casing every Username is safe.
 */
import { assertPasswordPolicy } from './passwordPolicy.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

function lowerEmailAttributes(list: unknown) {
  if (!Array.isArray(list)) return list;
  return list.map((a: unknown) => (isObject(a) && a.Name === 'email' ? { ...a, Value: lower(a.Value) } : a));
}

export function normalizeRequest(req: unknown): Json {
  if (!isObject(req)) return {};
  const out: Json = { ...req };
  if ('Username' in out) out.Username = lower(out.Username);
  if ('UserAttributes' in out) out.UserAttributes = lowerEmailAttributes(out.UserAttributes);
  for (const key of ['AuthParameters', 'ChallengeResponses']) {
    const params = out[key];
    if (isObject(params) && 'USERNAME' in params) out[key] = { ...params, USERNAME: lower(params.USERNAME) };
  }
  return out;
}

/** Where each operation carries a password the pool policy applies to. */
const NEW_PASSWORDS: Record<string, (req: Json) => unknown> = {
  SignUp: (r) => r.Password,
  ChangePassword: (r) => r.ProposedPassword,
  ConfirmForgotPassword: (r) => r.Password,
  AdminSetUserPassword: (r) => r.Password,
  AdminCreateUser: (r) => r.TemporaryPassword,
  RespondToAuthChallenge: (r) =>
    r.ChallengeName === 'NEW_PASSWORD_REQUIRED' && isObject(r.ChallengeResponses)
      ? r.ChallengeResponses.NEW_PASSWORD
      : undefined,
};

export function checkPasswordPolicy(op: string, req: Json): void {
  const pick = NEW_PASSWORDS[op];
  if (pick) assertPasswordPolicy(pick(req));
}

/** Cognito never echoes an address in full: "a***@e***". */
export function maskDestination(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`;
}

export function maskResponse(res: unknown): unknown {
  if (!isObject(res) || !isObject(res.CodeDeliveryDetails)) return res;
  const d = res.CodeDeliveryDetails;
  if (d.DeliveryMedium !== 'EMAIL' || typeof d.Destination !== 'string') return res;
  return { ...res, CodeDeliveryDetails: { ...d, Destination: maskDestination(d.Destination) } };
}
