import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  UsernameExistsException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

/**
 * Names a university's first administrator: a user-pool account for the email (Cognito mails a
 * temporary password; the first sign-in asks for a new one) in the `admin` group. The user's
 * university follows from the email's domain, as for everyone, so the university must exist
 * first (the pre-sign-up trigger checks it). An existing account is only added to the group.
 */
export async function nameFirstAdmin(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  admin: { email: string; name?: string },
): Promise<'invited' | 'promoted'> {
  const email = admin.email.trim().toLowerCase();
  let outcome: 'invited' | 'promoted' = 'invited';
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        DesiredDeliveryMediums: ['EMAIL'],
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          ...(admin.name ? [{ Name: 'name', Value: admin.name }] : []),
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof UsernameExistsException) && (error as Error).name !== 'UsernameExistsException') throw error;
    outcome = 'promoted';
  }
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: 'admin' }));
  return outcome;
}
