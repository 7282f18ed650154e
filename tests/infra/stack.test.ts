import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_LIMITS } from '../../backend/src/apiLimits.js';
import { servedFields } from '../../backend/src/handler.js';
import { fromRoot } from '../../infra/paths.js';
import { resolverCode } from '../../infra/resolverCode.js';
import { rootFields } from '../../infra/schemaFields.js';
import { synthesizeHuddle } from './synth.js';

/** Synthesizes the real stack offline (the four Lambdas are bundled by the local esbuild). */
let template: Template;
let synthesized: ReturnType<typeof synthesizeHuddle>;

beforeAll(() => {
  synthesized = synthesizeHuddle();
  template = synthesized.template;
});

afterAll(() => synthesized.cleanup());

/** The logical id of the only resource of a type whose properties match. */
function onlyId(type: string, props: Record<string, unknown> = {}): string {
  const found = Object.keys(template.findResources(type, { Properties: props }));
  expect(found, `${type} ${JSON.stringify(props)}`).toHaveLength(1);
  return found[0]!;
}

const ref = (id: string) => ({ Ref: id });
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('Cognito', () => {
  it('signs in by email, case-insensitively, with self sign-up, code verification and the password policy', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      VerificationMessageTemplate: Match.objectLike({ DefaultEmailOption: 'CONFIRM_WITH_CODE' }),
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: false,
        }),
      },
    });
  });

  it('has the staff and admin groups', () => {
    const pool = onlyId('AWS::Cognito::UserPool');
    for (const name of ['staff', 'admin']) {
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: name, UserPoolId: ref(pool) });
    }
  });

  it('has one public client with SRP and refresh only', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0]!;
    expect(client.Properties.GenerateSecret).toBe(false);
    expect([...client.Properties.ExplicitAuthFlows].sort()).toEqual([
      'ALLOW_REFRESH_TOKEN_AUTH',
      'ALLOW_USER_SRP_AUTH',
    ]);
    expect(JSON.stringify(client)).not.toContain('USER_PASSWORD_AUTH');
    expect(client.Properties.AllowedOAuthFlowsUserPoolClient).toBe(false);
  });

  it('hides whether an account exists, and keeps access tokens short (15 minutes)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AccessTokenValidity: 15,
      IdTokenValidity: 15,
      TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes', IdToken: 'minutes' }),
    });
  });

  it('lets the resolver and the post-confirmation trigger end a user’s sessions (AdminUserGlobalSignOut) on this pool only', () => {
    const pool = arnOf(onlyId('AWS::Cognito::UserPool'));
    for (const id of ['Resolver', 'PostConfirmation']) {
      const statement = policyStatementsOf(id).find((s) =>
        [s.Action].flat().includes('cognito-idp:AdminUserGlobalSignOut'),
      );
      expect(statement?.Resource, id).toEqual(pool);
    }
    expect(policyStatementsOf('PreSignUp').flatMap((s) => [s.Action].flat())).not.toContain(
      'cognito-idp:AdminUserGlobalSignOut',
    );
  });

  it('runs the pre-sign-up and post-confirmation triggers from backend/src/triggers', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        PreSignUp: arnOf(functionId('PreSignUp')),
        PostConfirmation: arnOf(functionId('PostConfirmation')),
      },
    });
    for (const id of ['PreSignUp', 'PostConfirmation']) {
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(functionId(id)),
        Principal: 'cognito-idp.amazonaws.com',
      });
    }
  });
});

describe('AppSync', () => {
  it('takes user-pool tokens by default and IAM as the additional mode', () => {
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
      UserPoolConfig: Match.objectLike({ UserPoolId: ref(onlyId('AWS::Cognito::UserPool')) }),
      AdditionalAuthenticationProviders: [{ AuthenticationType: 'AWS_IAM' }],
    });
  });

  it('sets the query depth and resolver count limits the local gateway enforces', () => {
    template.hasResourceProperties('AWS::AppSync::GraphQLApi', {
      QueryDepthLimit: API_LIMITS.queryDepth,
      ResolverCountLimit: API_LIMITS.resolverCount,
    });
  });

  it('serves the schema file', () => {
    const schema = Object.values(template.findResources('AWS::AppSync::GraphQLSchema'))[0]!;
    expect(schema.Properties.Definition).toContain(
      'publishNotification(input: PublishNotificationInput!): Notification @aws_iam',
    );
  });

  it('attaches the one Lambda data source to every root field the handler serves, each with the errorInfo mapping', () => {
    const schemaKeys = rootFields(fromRoot('backend/schema.graphql')).map((f) => `${f.typeName}.${f.fieldName}`);
    expect([...schemaKeys].sort()).toEqual([...servedFields].sort());

    const dataSource =
      template.findResources('AWS::AppSync::DataSource')[
        onlyId('AWS::AppSync::DataSource', {
          Type: 'AWS_LAMBDA',
          LambdaConfig: { LambdaFunctionArn: arnOf(functionId('Resolver')) },
        })
      ]!;
    const resolvers = Object.values(template.findResources('AWS::AppSync::Resolver'));
    expect(resolvers).toHaveLength(schemaKeys.length);
    for (const resolver of resolvers) {
      expect(resolver.Properties.DataSourceName).toEqual(dataSource.Properties.Name);
      // No VTL: the APPSYNC_JS code that sends the direct-resolver event and raises errorInfo.
      expect(resolver.Properties.RequestMappingTemplate).toBeUndefined();
      expect(resolver.Properties.Runtime).toEqual({ Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' });
      expect(resolver.Properties.Code).toBe(resolverCode());
    }
    for (const [TypeName, FieldName] of [
      ['Query', 'me'],
      ['Mutation', 'bookSession'],
      ['Subscription', 'onMessage'],
      ['Mutation', 'publishNotification'],
    ]) {
      template.hasResourceProperties('AWS::AppSync::Resolver', { TypeName, FieldName, Kind: 'UNIT' });
    }
  });

  it('lets the Lambda call only the IAM publish mutations', () => {
    const statements = policyStatementsOf('Resolver').filter((s) => s.Action === 'appsync:GraphQL');
    expect(statements).toHaveLength(1);
    const resources = JSON.stringify(statements[0]!.Resource);
    expect(resources).toContain('/types/Mutation/fields/publishNotification');
    expect(resources).toContain('/types/Mutation/fields/publishActivityChange');
    expect(resources).toContain('/types/Mutation/fields/publishConversationRead');
    expect(resources).not.toContain('/types/Mutation/fields/bookSession');
  });
});

describe('publishNotification from the schema', () => {
  it('is IAM-only: not reachable with a user-pool token', () => {
    const sdl = Object.values(template.findResources('AWS::AppSync::GraphQLSchema'))[0]!.Properties
      .Definition as string;
    for (const field of [
      'publishNotification',
      'publishActivityChange',
      'publishConversationRead',
      'publishSessionChange',
    ]) {
      const line = sdl.split('\n').find((l) => l.trim().startsWith(`${field}(`))!;
      expect(line).toMatch(/@aws_iam\s*$/);
      expect(line).not.toContain('@aws_cognito_user_pools');
    }
  });
});

describe('the no-show job', () => {
  it('runs on an EventBridge schedule, with the database and the publish mutations', () => {
    const job = functionId('NoShowJob');
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: arnOf(job) })],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: arnOf(job),
      Principal: 'events.amazonaws.com',
    });
    const fn = template.findResources('AWS::Lambda::Function')[job]!;
    expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
      expect.arrayContaining(['DATABASE_CLUSTER_ARN', 'GRAPHQL_URL']),
    );
    const resources = JSON.stringify(policyStatementsOf('NoShowJob').filter((s) => s.Action === 'appsync:GraphQL'));
    expect(resources).toContain('/types/Mutation/fields/publishSessionChange');
  });
});

describe('staff membership', () => {
  it('lets the resolver change Cognito groups of its own user pool and end its users’ sessions, and nothing more of it', () => {
    const pool = onlyId('AWS::Cognito::UserPool');
    const statement = policyStatementsOf('Resolver').find((s) =>
      [s.Action].flat().includes('cognito-idp:AdminAddUserToGroup'),
    );
    expect([statement!.Action].flat().sort()).toEqual([
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminUserGlobalSignOut',
      'cognito-idp:ListUsers',
    ]);
    expect(statement!.Resource).toEqual(arnOf(pool));
  });
});

describe('Aurora', () => {
  it('is Serverless v2 PostgreSQL with the Data API and a generated secret', () => {
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      EnableHttpEndpoint: true,
      DatabaseName: 'huddle',
      StorageEncrypted: true,
      ServerlessV2ScalingConfiguration: { MinCapacity: Match.anyValue(), MaxCapacity: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceClass: 'db.serverless' });
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ GenerateStringKey: 'password' }),
    });
  });

  it('gives every backend Lambda the Data API and the cluster in its environment', () => {
    for (const id of ['Resolver', 'PreSignUp', 'PostConfirmation', 'Migrate', 'NoShowJob']) {
      const fn = template.findResources('AWS::Lambda::Function')[functionId(id)]!;
      expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
        expect.arrayContaining(['DATABASE_CLUSTER_ARN', 'DATABASE_SECRET_ARN', 'DATABASE_NAME']),
      );
      const actions = policyStatementsOf(id).flatMap((s) => [s.Action].flat());
      // The sign-up check runs single statements only (hardening.test.ts).
      expect(actions).toEqual(expect.arrayContaining(['rds-data:ExecuteStatement']));
    }
  });

  it('migrates on deploy with a Trigger after the cluster exists', () => {
    const trigger = Object.values(template.findResources('Custom::Trigger'))[0]!;
    expect(trigger.Properties.HandlerArn).toEqual({ Ref: expect.stringMatching(/^MigrateCurrentVersion/) });
    expect(trigger.DependsOn).toEqual(
      expect.arrayContaining([onlyId('AWS::RDS::DBCluster'), onlyId('AWS::RDS::DBInstance')]),
    );
  });
});

/** The logical id of the Lambda made by the stack's construct of this id (`Resolver`, `PreSignUp`, …). */
function functionId(constructId: string): string {
  const found = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) =>
    new RegExp(`^${constructId}[0-9A-F]{8}$`).test(id),
  );
  expect(found, constructId).toHaveLength(1);
  return found[0]!;
}

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of the policies attached to that Lambda's role. */
function policyStatementsOf(constructId: string): Statement[] {
  const fn = template.findResources('AWS::Lambda::Function')[functionId(constructId)]!;
  const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify(ref(role))))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}
