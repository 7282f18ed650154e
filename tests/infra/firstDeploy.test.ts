/**
 * What a first deploy needs beyond the resources themselves: the app's /config.json written by the
 * stack, cache rules that survive a redeploy, migrations before the code that needs them, the
 * recommended feature flags and an Aurora version AWS still offers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AURORA_VERSION } from '../../infra/database.js';
import { IMMUTABLE, NEVER_STORED, SPA_ROUTING_CODE, Site } from '../../infra/site.js';
import { cdkContext, synthesizeHuddle } from './synth.js';

let synthesized: ReturnType<typeof synthesizeHuddle>;
let template: Template;

beforeAll(() => {
  synthesized = synthesizeHuddle();
  template = synthesized.template;
});
afterAll(() => synthesized.cleanup());

const resources = (type: string) => template.findResources(type);
const only = (type: string) => {
  const found = Object.entries(resources(type));
  expect(found, type).toHaveLength(1);
  return found[0]!;
};
const deployment = (id: string) => {
  const found = Object.entries(resources('Custom::CDKBucketDeployment')).filter(([key]) => key.startsWith(`Site${id}`));
  expect(found, id).toHaveLength(1);
  return found[0]!;
};
const functionId = (constructId: string) => {
  const found = Object.keys(resources('AWS::Lambda::Function')).filter((id) =>
    new RegExp(`^${constructId}[0-9A-F]{8}$`).test(id),
  );
  expect(found, constructId).toHaveLength(1);
  return found[0]!;
};

describe('/config.json', () => {
  it('is written beside the app with the stack’s region, user pool, client and GraphQL URL', () => {
    const [, shell] = deployment('Shell');
    const markers = JSON.stringify(shell.Properties.SourceMarkers);
    expect(markers).toContain('{"Ref":"AWS::Region"}');
    expect(markers).toMatch(/\{"Ref":"AuthUserPool[0-9A-F]+"\}/);
    expect(markers).toMatch(/\{"Ref":"AuthUserPoolWebClient[0-9A-F]+"\}/);
    expect(markers).toMatch(/\{"Fn::GetAtt":\["GraphQLApi[0-9A-F]+","GraphQLUrl"\]\}/);

    // The staged source holds config.json with those four keys (deploy-time values as markers).
    const staged = readdirSync(synthesized.outdir)
      .filter((name) => name.startsWith('asset.'))
      .map((name) => join(synthesized.outdir, name, 'config.json'))
      .flatMap((path) => {
        try {
          return [JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>];
        } catch {
          return [];
        }
      });
    expect(staged).toHaveLength(1);
    expect(Object.keys(staged[0]!).sort()).toEqual(['graphqlUrl', 'region', 'userPoolClientId', 'userPoolId']);
  });

  it('is written even when no app was built', () => {
    const bare = new Stack(new App({ outdir: synthesized.tempDir('huddle-cdk-') }), 'NoDist');
    new Site(bare, 'Site', {
      config: { region: 'eu-west-1', userPoolId: 'p', userPoolClientId: 'c', graphqlUrl: 'https://g/graphql' },
      connect: { cognito: 'cognito-idp.eu-west-1.amazonaws.com', graphql: 'g', realtime: 'r' },
    });
    const deployments = Object.keys(Template.fromStack(bare).findResources('Custom::CDKBucketDeployment'));
    expect(deployments).toEqual([expect.stringMatching(/^SiteShell/)]);
  });
});

describe('cache rules', () => {
  it('keep hashed assets a year, immutable, and never prune them, so open tabs find their chunks after a redeploy', () => {
    const [, assets] = deployment('Assets');
    expect(assets.Properties).toMatchObject({
      DestinationBucketKeyPrefix: 'assets/',
      Prune: false,
      SystemMetadata: { 'cache-control': IMMUTABLE },
    });
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
  });

  it('never store index.html, config.json or the other unhashed files, and upload them after the assets', () => {
    const [, shell] = deployment('Shell');
    const [assetsId] = deployment('Assets');
    expect(shell.Properties).toMatchObject({ Prune: false, SystemMetadata: { 'cache-control': NEVER_STORED } });
    expect(NEVER_STORED).toBe('no-store');
    expect(shell.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^SiteAssets/)]));
    expect(assetsId).toMatch(/^SiteAssets/);
  });

  it('let CloudFront cache assets/* only, and route paths without an extension to index.html with no error fallback', () => {
    const [, distribution] = only('AWS::CloudFront::Distribution');
    const config = distribution.Properties.DistributionConfig;
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior).toMatchObject({
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      FunctionAssociations: [
        {
          EventType: 'viewer-request',
          FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^SiteSpaRouting/), 'FunctionARN'] },
        },
      ],
    });
    expect(config.CacheBehaviors).toEqual([
      expect.objectContaining({
        PathPattern: 'assets/*',
        CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6', // Managed-CachingOptimized
      }),
    ]);
    expect(config.CacheBehaviors[0].FunctionAssociations).toBeUndefined();
    const [, fn] = only('AWS::CloudFront::Function');
    expect(fn.Properties.FunctionCode).toBe(SPA_ROUTING_CODE);
    expect(fn.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
  });

  it('route as the CloudFront Function does: client routes to /index.html, files as they are', () => {
    const handler = new Function(`${SPA_ROUTING_CODE}; return handler;`)() as (event: { request: { uri: string } }) => {
      uri: string;
    };
    const routed = (uri: string) => handler({ request: { uri } }).uri;
    expect(routed('/')).toBe('/index.html');
    expect(routed('/activities/5b0c6a8e-8d4e-4a36-9d63-8b0c2b7e0c11')).toBe('/index.html');
    expect(routed('/account')).toBe('/index.html');
    expect(routed('/config.json')).toBe('/config.json');
    expect(routed('/favicon.svg')).toBe('/favicon.svg');
    expect(routed('/assets/index-old123.js')).toBe('/assets/index-old123.js');
  });

  it('read the bucket with list access, so a missing file is a 404 and not the app', () => {
    const policy = Object.values(resources('AWS::S3::BucketPolicy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Principal?: unknown }[])
      .filter((s) => JSON.stringify(s.Principal ?? '').includes('cloudfront.amazonaws.com'));
    expect(policy.flatMap((s) => [s.Action].flat()).sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
  });
});

describe('order of a deploy', () => {
  it('runs the migrations before the functions that read the tables are created or updated', () => {
    const [triggerId] = only('Custom::Trigger');
    for (const id of ['Resolver', 'PreSignUp', 'PostConfirmation']) {
      const fn = resources('AWS::Lambda::Function')[functionId(id)]!;
      expect(fn.DependsOn, id).toEqual(expect.arrayContaining([triggerId]));
    }
    const migrate = resources('AWS::Lambda::Function')[functionId('Migrate')]!;
    expect(migrate.DependsOn ?? []).not.toContain(triggerId);
  });
});

describe('cdk.json', () => {
  it('carries every feature flag aws-cdk-lib recommends, with its recommended value', () => {
    const recommended = JSON.parse(
      readFileSync(join(process.cwd(), 'node_modules/aws-cdk-lib/recommended-feature-flags.json'), 'utf8'),
    ) as Record<string, unknown>;
    const context = cdkContext();
    // One deliberate exception: extra metadata sent to AWS about the app's constructs stays off.
    const { '@aws-cdk/core:enableAdditionalMetadataCollection': metadata, ...flags } = recommended;
    expect(metadata).toBe(true);
    expect(context['@aws-cdk/core:enableAdditionalMetadataCollection']).toBe(false);
    for (const [flag, value] of Object.entries(flags)) expect(context[flag], flag).toEqual(value);
    // The synthesized stack was made with them.
    expect(synthesized.app.node.tryGetContext('@aws-cdk/aws-iam:minimizePolicies')).toBe(true);
  });
});

describe('Aurora', () => {
  it('runs a PostgreSQL 17 minor the Data API serves (17.4 or later)', () => {
    const [, cluster] = only('AWS::RDS::DBCluster');
    const version = cluster.Properties.EngineVersion as string;
    expect(version).toBe(AURORA_VERSION.auroraPostgresFullVersion);
    const [major, minor] = version.split('.').map(Number);
    expect(major).toBe(17);
    expect(minor).toBeGreaterThanOrEqual(4);
  });
});

describe('outputs', () => {
  it('name the site and what the admin commands need', () => {
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'DatabaseClusterArn',
        'DatabaseName',
        'DatabaseSecretArn',
        'GraphqlUrl',
        'Region',
        'SiteBucketName',
        'SiteUrl',
        'UserPoolClientId',
        'UserPoolId',
      ].sort(),
    );
    expect(outputs.Region!.Value).toEqual({ Ref: 'AWS::Region' });
  });
});
