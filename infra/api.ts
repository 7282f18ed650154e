import {
  AuthorizationType,
  type CfnGraphQLApi,
  Code,
  Definition,
  FunctionRuntime,
  FieldLogLevel,
  GraphqlApi,
  type LambdaDataSource,
} from 'aws-cdk-lib/aws-appsync';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { API_LIMITS } from '../backend/src/apiLimits.js';
import { resolverCode } from './resolverCode.js';
import { rootFields } from './schemaFields.js';

/** The IAM-only mutations the backend calls after commit to push realtime events (see publishing.ts). */
export const PUBLISH_FIELDS = [
  'publishNotification',
  'publishActivityChange',
  'publishConversationRead',
  'publishSessionChange',
] as const;

/**
 * The WAF's rate-based rules, per 5 minutes. A campus puts thousands of students behind a few
 * addresses, so the rule per address is wide (it stops one machine's flood); the rule per
 * Authorization header (one signed-in session) is the tight one: 1,500 requests in 5 minutes is
 * 5 a second sustained, well above what the app sends, far below what a script can.
 */
export const WAF_RATE_LIMITS = { perAddress: 10_000, perSession: 1_500, windowSeconds: 300 } as const;

/**
 * AppSync from backend/schema.graphql. User-pool tokens by default, IAM as the additional mode for the
 * server's publish mutations. Every root field is a resolver on the one data-source Lambda — the
 * publish mutations too. Its APPSYNC_JS code (backend/src/appsync/resolverCode.ts) sends the Lambda
 * the direct-resolver event and raises the Lambda's error envelope with util.error, the only way
 * errorInfo (each refusal's code and field) reaches clients. The publish mutations go through the
 * Lambda because their resolver adds the actor's public profile to a
 * notification, which a NONE data source returning its arguments could not (subscribers would get
 * `actor: null`), and it keeps AWS answering exactly as the local cloud does.
 */
export class Api extends Construct {
  readonly api: GraphqlApi;
  readonly dataSource: LambdaDataSource;

  constructor(scope: Construct, id: string, props: { schemaPath: string; userPool: IUserPool; handler: IFunction }) {
    super(scope, id);
    this.api = new GraphqlApi(this, 'Api', {
      name: 'huddle',
      definition: Definition.fromFile(props.schemaPath),
      authorizationConfig: {
        defaultAuthorization: {
          authorizationType: AuthorizationType.USER_POOL,
          userPoolConfig: { userPool: props.userPool },
        },
        additionalAuthorizationModes: [{ authorizationType: AuthorizationType.IAM }],
      },
      // Errors only, and never the request, response or headers (message text, tokens).
      logConfig: {
        fieldLogLevel: FieldLogLevel.ERROR,
        excludeVerboseContent: true,
        retention: RetentionDays.ONE_MONTH,
      },
      // The local gateway enforces the same two limits (backend/src/apiLimits.ts).
      queryDepthLimit: API_LIMITS.queryDepth,
      resolverCountLimit: API_LIMITS.resolverCount,
    });

    this.dataSource = this.api.addLambdaDataSource('Backend', props.handler);
    for (const { typeName, fieldName } of rootFields(props.schemaPath)) {
      this.dataSource.createResolver(`${typeName}${fieldName[0]!.toUpperCase()}${fieldName.slice(1)}`, {
        typeName,
        fieldName,
        runtime: FunctionRuntime.JS_1_0_0,
        code: Code.fromInline(resolverCode()),
      });
    }
    // SigV4-signed calls from the function's role reach the IAM-only publish mutations.
    this.api.grantMutation(props.handler, ...PUBLISH_FIELDS);

    // Volume before any resolver runs: AWS WAF blocks a source over its rate for the rest of the window.
    const rateRule = (name: string, priority: number, statement: CfnWebACL.RateBasedStatementProperty) => ({
      name,
      priority,
      action: { block: {} },
      statement: { rateBasedStatement: statement },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: `huddle-${name}`, sampledRequestsEnabled: false },
    });
    const webAcl = new CfnWebACL(this, 'Firewall', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'huddle-api', sampledRequestsEnabled: false },
      rules: [
        rateRule('per-address', 0, {
          aggregateKeyType: 'IP',
          limit: WAF_RATE_LIMITS.perAddress,
          evaluationWindowSec: WAF_RATE_LIMITS.windowSeconds,
        }),
        rateRule('per-session', 1, {
          aggregateKeyType: 'CUSTOM_KEYS',
          customKeys: [{ header: { name: 'authorization', textTransformations: [{ priority: 0, type: 'NONE' }] } }],
          limit: WAF_RATE_LIMITS.perSession,
          evaluationWindowSec: WAF_RATE_LIMITS.windowSeconds,
        }),
      ],
    });
    new CfnWebACLAssociation(this, 'FirewallAssociation', {
      resourceArn: this.api.arn,
      webAclArn: webAcl.attrArn,
    });
  }

  /** AppSync's realtime endpoint (wss://…appsync-realtime-api…/graphql), where subscriptions connect. */
  get realtimeUrl(): string {
    return (this.api.node.defaultChild as CfnGraphQLApi).attrRealtimeUrl;
  }
}
