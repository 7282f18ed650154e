/**
 * Issue 11 on the synthesized stack: the app's response headers (a strict CSP naming only the
 * backend's hosts, HSTS, no referrer), the WAF's rate-based rules on the API, AppSync's logs
 * without verbose content, and each function's database access cut to the role it needs, with
 * every database secret rotating.
 */
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAF_RATE_LIMITS } from '../../infra/api.js';
import { ROTATION_DAYS } from '../../infra/database.js';
import { synthesizeHuddle } from './synth.js';

let template: Template;
let synthesized: ReturnType<typeof synthesizeHuddle>;

beforeAll(() => {
  synthesized = synthesizeHuddle();
  template = synthesized.template;
});

afterAll(() => synthesized.cleanup());

type Resource = { Type: string; Properties: Record<string, unknown> };
const resources = (type: string) => Object.entries(template.findResources(type)) as [string, Resource][];
const only = (type: string): [string, Resource] => {
  const found = resources(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
};

/** What CloudFormation would make of a value in eu-west-1, with the API's URLs as AWS gives them. */
function evaluate(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(evaluate);
  if (!value || typeof value !== 'object') return value;
  const [key, arg] = Object.entries(value)[0]! as [string, unknown];
  const apiId = only('AWS::AppSync::GraphQLApi')[0];
  switch (key) {
    case 'Ref':
      return { 'AWS::Region': 'eu-west-1', 'AWS::URLSuffix': 'amazonaws.com' }[arg as string] ?? `<${arg as string}>`;
    case 'Fn::GetAtt': {
      const [id, attribute] = arg as [string, string];
      if (id === apiId && attribute === 'GraphQLUrl')
        return 'https://abc123.appsync-api.eu-west-1.amazonaws.com/graphql';
      if (id === apiId && attribute === 'RealtimeUrl') {
        return 'wss://abc123.appsync-realtime-api.eu-west-1.amazonaws.com/graphql';
      }
      return `<${id}.${attribute}>`;
    }
    case 'Fn::Join': {
      const [separator, parts] = arg as [string, unknown[]];
      return (evaluate(parts) as string[]).join(separator);
    }
    case 'Fn::Split': {
      const [separator, source] = arg as [string, unknown];
      return (evaluate(source) as string).split(separator);
    }
    case 'Fn::Select': {
      const [index, list] = arg as [number, unknown];
      return (evaluate(list) as unknown[])[index];
    }
    default:
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v)]));
  }
}

describe('the app’s response headers', () => {
  it('send a strict Content-Security-Policy that connects only to Cognito and AppSync (HTTPS and realtime)', () => {
    const [, policy] = only('AWS::CloudFront::ResponseHeadersPolicy');
    const security = (policy.Properties.ResponseHeadersPolicyConfig as Record<string, Record<string, unknown>>)
      .SecurityHeadersConfig!;
    const csp = security.ContentSecurityPolicy as { ContentSecurityPolicy: unknown; Override: boolean };
    expect(csp.Override).toBe(true);
    const directives = (evaluate(csp.ContentSecurityPolicy) as string).split('; ');
    expect(directives).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com https://abc123.appsync-api.eu-west-1.amazonaws.com wss://abc123.appsync-realtime-api.eu-west-1.amazonaws.com",
      "manifest-src 'self'",
      "worker-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ]);
    expect(directives.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('send HSTS for two years with subdomains, no referrer, nosniff and no framing', () => {
    const [, policy] = only('AWS::CloudFront::ResponseHeadersPolicy');
    const security = (policy.Properties.ResponseHeadersPolicyConfig as Record<string, Record<string, unknown>>)
      .SecurityHeadersConfig!;
    expect(security.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
  });

  it('are the headers of every path the distribution serves (the app, its assets, config.json)', () => {
    const [policyId] = only('AWS::CloudFront::ResponseHeadersPolicy');
    const [, distribution] = only('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig as {
      DefaultCacheBehavior: { ResponseHeadersPolicyId: unknown };
      CacheBehaviors: { ResponseHeadersPolicyId: unknown }[];
    };
    const behaviours = [config.DefaultCacheBehavior, ...config.CacheBehaviors];
    expect(behaviours.length).toBeGreaterThan(1);
    for (const behaviour of behaviours) expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });
});

describe('the API', () => {
  it('logs errors only, without verbose content (no request, response or headers)', () => {
    const [, api] = only('AWS::AppSync::GraphQLApi');
    expect(api.Properties.LogConfig).toMatchObject({ FieldLogLevel: 'ERROR', ExcludeVerboseContent: true });
  });

  it('sits behind a regional WAF web ACL whose rate-based rules block per address and per session', () => {
    const [aclId, acl] = only('AWS::WAFv2::WebACL');
    expect(acl.Properties).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
    const rules = acl.Properties.Rules as { Name: string; Action: unknown; Statement: Record<string, unknown> }[];
    expect(rules.map((r) => [r.Name, r.Action, r.Statement.RateBasedStatement])).toEqual([
      [
        'per-address',
        { Block: {} },
        { AggregateKeyType: 'IP', Limit: WAF_RATE_LIMITS.perAddress, EvaluationWindowSec: 300 },
      ],
      [
        'per-session',
        { Block: {} },
        {
          AggregateKeyType: 'CUSTOM_KEYS',
          CustomKeys: [{ Header: { Name: 'authorization', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } }],
          Limit: WAF_RATE_LIMITS.perSession,
          EvaluationWindowSec: 300,
        },
      ],
    ]);
    const [, association] = only('AWS::WAFv2::WebACLAssociation');
    expect(association.Properties).toEqual({
      ResourceArn: { 'Fn::GetAtt': [only('AWS::AppSync::GraphQLApi')[0], 'Arn'] },
      WebACLArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
    });
  });
});

describe('database access (least privilege)', () => {
  const functionId = (constructId: string) => {
    const found = resources('AWS::Lambda::Function')
      .map(([id]) => id)
      .filter((id) => new RegExp(`^${constructId}[0-9A-F]{8}$`).test(id));
    expect(found, constructId).toHaveLength(1);
    return found[0]!;
  };
  const secretOf = (constructId: string) => {
    const fn = template.findResources('AWS::Lambda::Function')[functionId(constructId)]!;
    return (fn.Properties.Environment.Variables as Record<string, unknown>).DATABASE_SECRET_ARN as { Ref: string };
  };
  interface Statement {
    Action: string | string[];
    Resource: unknown;
  }
  const statementsOf = (constructId: string): Statement[] => {
    const fn = template.findResources('AWS::Lambda::Function')[functionId(constructId)]!;
    const role = JSON.stringify({ Ref: (fn.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0] });
    return resources('AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === role))
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  };
  const secretsReadBy = (constructId: string) =>
    statementsOf(constructId)
      .filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'))
      .flatMap((s) => [s.Resource].flat());
  const dataApiActionsOf = (constructId: string) =>
    statementsOf(constructId)
      .flatMap((s) => [s.Action].flat())
      .filter((a) => a.startsWith('rds-data:'))
      .sort();
  const attachment = (secret: string) => {
    const found = resources('AWS::SecretsManager::SecretTargetAttachment').filter(([id]) => id.includes(secret));
    expect(found, secret).toHaveLength(1);
    return { Ref: found[0]![0] };
  };

  it('gives each function one database login: the sign-up check, the app, and the master for migrations only', () => {
    const master = attachment('ClusterSecret');
    const app = attachment('AppSecret');
    const signUp = attachment('SignUpSecret');
    expect(secretOf('PreSignUp')).toEqual(signUp);
    expect(secretOf('PostConfirmation')).toEqual(app);
    expect(secretOf('Resolver')).toEqual(app);
    expect(secretOf('Migrate')).toEqual(master);
    expect(secretsReadBy('PreSignUp')).toEqual([signUp]);
    expect(secretsReadBy('PostConfirmation')).toEqual([app]);
    expect(secretsReadBy('Resolver')).toEqual([app]);
    // The Trigger makes the other two roles from their secrets.
    expect(secretsReadBy('Migrate')).toEqual(expect.arrayContaining([master, app, signUp]));
    const readers = resources('AWS::Lambda::Function')
      .map(([id]) => id.replace(/[0-9A-F]{8}$/, ''))
      .filter((id) => ['PreSignUp', 'PostConfirmation', 'Resolver', 'Migrate'].includes(id))
      .filter((id) => JSON.stringify(secretsReadBy(id)).includes(master.Ref));
    expect(readers).toEqual(['Migrate']);
  });

  it('lets the sign-up check run single statements only, never a transaction or a batch', () => {
    expect(dataApiActionsOf('PreSignUp')).toEqual(['rds-data:ExecuteStatement']);
    expect(dataApiActionsOf('Resolver')).not.toContain('rds-data:BatchExecuteStatement');
    expect(dataApiActionsOf('Resolver')).toEqual(expect.arrayContaining(['rds-data:BeginTransaction']));
  });

  it('rotates every database secret, the roles’ by the master, with a Secrets Manager endpoint in the VPC', () => {
    const schedules = resources('AWS::SecretsManager::RotationSchedule').map(([, s]) => s.Properties);
    expect(schedules.map((s) => s.SecretId).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [attachment('AppSecret'), attachment('ClusterSecret'), attachment('SignUpSecret')],
    );
    for (const schedule of schedules) {
      expect(schedule.RotationRules).toEqual({ ScheduleExpression: `rate(${ROTATION_DAYS} days)` });
    }
    for (const secret of ['AppSecret', 'SignUpSecret']) {
      const [, generated] = resources('AWS::SecretsManager::Secret').find(([id]) =>
        id.startsWith(`Database${secret}`),
      )!;
      expect(JSON.stringify(generated.Properties.GenerateSecretString)).toContain('masterarn');
    }
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.secretsmanager']] },
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: true,
    });
  });
});
