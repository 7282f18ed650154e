import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  UserPool,
  UserPoolClient,
  UserPoolOperation,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ACCESS_TOKEN_MINUTES } from '../backend/src/tokenLifetime.js';

/**
 * The Cognito user pool the app signs in to: email as the user name (case-insensitive), open sign-up
 * checked by the pre-sign-up trigger, email verified by a code, groups `staff` and `admin`, and one
 * public app client that signs in with SRP only (no password ever leaves the browser).
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: { preSignUp: IFunction; postConfirmation: IFunction }) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: 'huddle',
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: true,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      userVerification: { emailStyle: VerificationEmailStyle.CODE },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 8,
        requireUppercase: true,
        requireLowercase: true,
        requireDigits: true,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(7),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Accounts are the one thing a redeploy must never lose.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_SIGN_UP, props.preSignUp);
    this.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, props.postConfirmation);
    this.userPool.addGroup('Staff', { groupName: 'staff', description: 'Sports-centre staff' });
    this.userPool.addGroup('Admin', { groupName: 'admin', description: 'Administrators' });

    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: 'huddle-web',
      generateSecret: false,
      // The app signs in through the Cognito API (Amplify), never the hosted UI: no OAuth flows.
      disableOAuth: true,
      // SRP only; refresh tokens are always allowed. No USER_PASSWORD_AUTH, no admin flows.
      authFlows: { userSrp: true, userPassword: false, adminUserPassword: false, custom: false },
      // Forgot-password, resend and confirm answer alike whether an account exists or not.
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // Short (backend/src/tokenLifetime.ts): an ended session's open subscriptions last at most this long.
      accessTokenValidity: Duration.minutes(ACCESS_TOKEN_MINUTES),
      idTokenValidity: Duration.minutes(ACCESS_TOKEN_MINUTES),
      refreshTokenValidity: Duration.days(30),
    });
  }
}
