/**
 * cognito-local's Services with Huddle's parts plugged in: triggers call the in-process hooks
 * instead of AWS Lambda, messages go to the dev mailbox instead of the console, tokens are signed
 * with the per-install key, and codes come from a CSPRNG (cognito-local uses Math.random).
 */
import { randomInt } from 'node:crypto';
import { DateClock } from 'cognito-local/lib/services/clock.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { Messages } from 'cognito-local/lib/services/messages.js';
import type { Triggers } from 'cognito-local/lib/services/triggers/triggers.js';
import type { Config } from 'cognito-local/lib/server/config.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { LogService } from 'cognito-local/lib/services/LogService.js';
import type { AttributeListType } from 'aws-sdk/clients/cognitoidentityserviceprovider.js';
import type { Mailbox } from '../mailbox.js';
import type { LocalTokens } from './tokens.js';
import { cognitoError } from './errors.js';

export interface Hooks {
  preSignUp(input: { email: string; attributes: Record<string, string> }): Promise<void>;
  postConfirmation(input: {
    sub: string;
    email: string;
    attributes: Record<string, string>;
    groups: string[];
  }): Promise<void>;
  /**
   * A password was reset with a mailed code (Cognito's PostConfirmation trigger with source
   * PostConfirmation_ConfirmForgotPassword): the server ends the user's other sessions.
   */
  passwordReset?(input: { sub: string; email: string }): Promise<void>;
}

/** cognito-local logs through pino at debug level on every call; the emulator keeps quiet. */
const quiet: LogService = {
  child: () => quiet,
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
} as unknown as LogService;
export const CTX: Context = { logger: quiet };

export const record = (attributes: AttributeListType | undefined): Record<string, string> =>
  Object.fromEntries((attributes ?? []).filter((a) => a.Value !== undefined).map((a) => [a.Name, a.Value as string]));

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Cognito wraps a refusing trigger's message exactly like this (note the final full stop). */
export const lambdaRefusal = (trigger: 'PreSignUp' | 'PostConfirmation', err: unknown) =>
  cognitoError('UserLambdaValidationException', `${trigger} failed with error ${message(err)}.`);

function hookTriggers(hooks: Hooks, cognito: () => CognitoService): Triggers {
  const notEnabled = () => Promise.reject(new Error('trigger not enabled'));
  return {
    enabled: (name) => name === 'PreSignUp' || name === 'PostConfirmation',
    preSignUp: async (_ctx, { userAttributes }) => {
      const attributes = record(userAttributes);
      try {
        await hooks.preSignUp({ email: attributes.email ?? '', attributes });
      } catch (err) {
        throw lambdaRefusal('PreSignUp', err);
      }
      // The hook only decides yes/no: users still confirm with the mailed code, as in production.
      return { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };
    },
    postConfirmation: async (ctx, { source, userAttributes, username, userPoolId }) => {
      const attributes = record(userAttributes);
      // Cognito fires this trigger after ConfirmForgotPassword too, as in AWS (triggers/postConfirmation.ts).
      if (source === 'PostConfirmation_ConfirmForgotPassword') {
        try {
          await hooks.passwordReset?.({ sub: attributes.sub ?? username, email: attributes.email ?? '' });
        } catch (err) {
          throw lambdaRefusal('PostConfirmation', err);
        }
        return;
      }
      if (source !== 'PostConfirmation_ConfirmSignUp') return;
      delete attributes['cognito:user_status'];
      const pool = await cognito().getUserPool(ctx, userPoolId);
      const user = await pool.getUserByUsername(ctx, username);
      const groups = user ? [...(await pool.listUserGroupMembership(ctx, user))] : [];
      try {
        await hooks.postConfirmation({
          sub: attributes.sub ?? username,
          email: attributes.email ?? '',
          attributes,
          groups,
        });
      } catch (err) {
        throw lambdaRefusal('PostConfirmation', err);
      }
    },
    customMessage: notEnabled,
    customEmailSender: notEnabled,
    postAuthentication: notEnabled,
    preTokenGeneration: notEnabled,
    userMigration: notEnabled,
  } as Triggers;
}

const SUBJECTS: Record<string, string> = {
  SignUp: 'Your Huddle verification code',
  ResendCode: 'Your Huddle verification code',
  ForgotPassword: 'Your Huddle password reset code',
};

function mailboxMessages(mailbox: Mailbox, log: (line: string) => void): Messages {
  return {
    async deliver(_ctx, source, _clientId, _poolId, _user, code, _meta, details) {
      const subject = SUBJECTS[source] ?? 'Your Huddle code';
      mailbox.add({ to: details.Destination, subject, code });
      log(`[cognito] ${subject} for ${details.Destination}: ${code}`);
    },
  };
}

export function buildServices(p: {
  cognito: CognitoService;
  hooks: Hooks;
  mailbox: Mailbox;
  log: (line: string) => void;
  tokens: LocalTokens;
  config: Config;
}): Services {
  return {
    clock: new DateClock(),
    cognito: p.cognito,
    config: p.config,
    messages: mailboxMessages(p.mailbox, p.log),
    otp: () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
    tokenGenerator: p.tokens,
    triggers: hookTriggers(p.hooks, () => p.cognito),
  };
}
