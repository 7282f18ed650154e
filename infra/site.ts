import { join } from 'node:path';
import { Annotations, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLevel,
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as EdgeFunction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

/** Vite's hashed output (`build.assetsDir`): a file's name changes whenever its content does. */
export const ASSETS_DIR = 'assets';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NEVER_STORED = 'no-store';

/**
 * CloudFront Function (viewer request, default behaviour): a path whose last segment has no file
 * extension is a client-side route (/account, /activities/<id>) and gets the app's index.html; a
 * path with one (/config.json, /favicon.svg) is a file, and a missing file is a 404, never the app.
 */
export const SPA_ROUTING_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.lastIndexOf('.') <= uri.lastIndexOf('/')) request.uri = '/index.html';
  return request;
}`;

/** What the app needs to reach its backend, written as /config.json beside it (src/loadConfig.ts). */
export interface AppConfigJson {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  graphqlUrl: string;
}

/** The hosts the app talks to besides its own origin: Cognito's API, AppSync, AppSync's realtime socket. */
export interface ConnectHosts {
  cognito: string;
  graphql: string;
  realtime: string;
}

/** The host of a URL that may be a deploy-time token (`https://host/graphql` → `host`). */
export const hostOf = (url: string): string => Fn.select(2, Fn.split('/', url));

/**
 * The app's Content-Security-Policy. Tokens sit in localStorage (Amplify's default), so no script
 * may run but the app's own files: no inline script, no eval, no other origin; styles only from
 * its own files (Vue sets styles through the CSSOM, which the policy allows); images also as data:
 * URIs (Amplify UI's icons). It may connect to its own origin (/config.json, the service worker's
 * precache) and to the three hosts of its backend only, and no page may frame it.
 */
export function contentSecurityPolicy(hosts: ConnectHosts): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' https://${hosts.cognito} https://${hosts.graphql} wss://${hosts.realtime}`,
    "manifest-src 'self'",
    "worker-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Browsers keep to HTTPS for the site for two years once they have seen it. */
export const HSTS_MAX_AGE = Duration.days(730);

/**
 * The built SPA: a private bucket that only CloudFront reads (origin access control, with list
 * access so a missing file is a 404 rather than a 403). Hashed assets are cached for a year and
 * kept after a redeploy, so a tab opened before it can still load the chunks its index.html
 * names; index.html, config.json and the other unhashed files are never stored by CloudFront or
 * browsers, so a redeploy is seen at the next load.
 */
export class Site extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  readonly headers: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: { distDir?: string; config: AppConfigJson; connect: ConnectHosts }) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Only build output lives here; every deploy uploads it again.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket, {
      originAccessLevels: [AccessLevel.READ, AccessLevel.LIST],
    });
    // List access would let a request for "/" list the bucket; "/" is answered by index.html (the
    // default root object, and the routing function below), so nothing is listed.
    Annotations.of(this).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      '"/" is index.html: defaultRootObject and the SPA routing function',
    );
    this.headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Huddle: strict CSP, HSTS, no framing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.connect), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: HSTS_MAX_AGE,
          includeSubdomains: true,
          override: true,
        },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true },
        ],
      },
    });
    const common: BehaviorOptions = {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      responseHeadersPolicy: this.headers,
      compress: true,
    };
    const spaRouting = new EdgeFunction(this, 'SpaRouting', {
      code: FunctionCode.fromInline(SPA_ROUTING_CODE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Client-side routes (no file extension) get index.html',
    });
    this.distribution = new Distribution(this, 'Distribution', {
      defaultRootObject: 'index.html',
      defaultBehavior: {
        ...common,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: { [`${ASSETS_DIR}/*`]: { ...common, cachePolicy: CachePolicy.CACHING_OPTIMIZED } },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
    });

    // Assets first, never pruned: old chunks stay for the tabs still running an older index.html.
    const assets = props.distDir
      ? new BucketDeployment(this, 'Assets', {
          sources: [Source.asset(join(props.distDir, ASSETS_DIR))],
          destinationBucket: this.bucket,
          destinationKeyPrefix: `${ASSETS_DIR}/`,
          cacheControl: [CacheControl.fromString(IMMUTABLE)],
          prune: false,
          memoryLimit: 512,
        })
      : undefined;
    // Then the shell that names them, and the configuration. Not pruned either: pruning here
    // would delete the assets, which are not among this deployment's sources.
    const shell = new BucketDeployment(this, 'Shell', {
      sources: [
        ...(props.distDir ? [Source.asset(props.distDir, { exclude: [`${ASSETS_DIR}/**`, '.vite/**'] })] : []),
        Source.jsonData('config.json', props.config),
      ],
      destinationBucket: this.bucket,
      cacheControl: [CacheControl.fromString(NEVER_STORED)],
      prune: false,
      memoryLimit: 512,
    });
    if (assets) shell.node.addDependency(assets);
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
