import { signUp } from 'aws-amplify/auth';
import { describe, expect, it, vi } from 'vitest';
import { authenticatorServices, readableSignUpError } from '@/auth/signUpServices';
import { setLocale } from '@/i18n';

vi.mock('aws-amplify/auth', () => ({ signUp: vi.fn() }));

function cognitoError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

describe('readableSignUpError', () => {
  it("keeps only the pre-sign-up trigger's own words", () => {
    const error = cognitoError(
      'UserLambdaValidationException',
      'PreSignUp failed with error Sign up with your university email address (e.g. @student.kuleuven.be)..',
    );
    expect((readableSignUpError(error) as Error).message).toBe(
      'Sign up with your university email address (e.g. @student.kuleuven.be)',
    );
  });

  it("tells the sign-up rule in the user's language, with the server's list of universities", async () => {
    const error = cognitoError(
      'UserLambdaValidationException',
      'PreSignUp failed with error Sign up with your university email address. Huddle is open to: KU Leuven (@kuleuven.be, @student.kuleuven.be)..',
    );
    expect((readableSignUpError(error) as Error).message).toBe(
      'Sign up with your university email address. Huddle is open to: KU Leuven (@kuleuven.be, @student.kuleuven.be)',
    );
    try {
      await setLocale('nl');
      expect((readableSignUpError(error) as Error).message).toBe(
        'Registreer je met het e-mailadres van je universiteit. Huddle is open voor: KU Leuven (@kuleuven.be, @student.kuleuven.be)',
      );
      await setLocale('fr');
      const invalid = cognitoError(
        'UserLambdaValidationException',
        'PreSignUp failed with error Enter a valid email address..',
      );
      expect((readableSignUpError(invalid) as Error).message).toBe('Indiquez une adresse e-mail valide');
    } finally {
      await setLocale('en');
    }
  });

  it("tells the display-name rule's refusals in the user's language", async () => {
    const refusal = (words: string) =>
      readableSignUpError(
        cognitoError('UserLambdaValidationException', `PreSignUp failed with error ${words}.`),
      ) as Error;
    const sentences = [
      'Enter a display name: the name other students see',
      'Your display name can be at most 60 characters',
      'Your display name contains characters that are not allowed',
    ];
    expect(sentences.map((words) => refusal(words).message)).toEqual(sentences);
    try {
      await setLocale('nl');
      expect(sentences.map((words) => refusal(words).message)).toEqual([
        'Vul een weergavenaam in: de naam die andere studenten zien',
        'Je weergavenaam mag hoogstens 60 tekens lang zijn',
        'Je weergavenaam bevat tekens die niet toegestaan zijn',
      ]);
      await setLocale('fr');
      expect(sentences.map((words) => refusal(words).message)).toEqual([
        'Indiquez un nom affiché : le nom que voient les autres étudiants',
        'Votre nom affiché peut compter au plus 60 caractères',
        'Votre nom affiché contient des caractères non autorisés',
      ]);
    } finally {
      await setLocale('en');
    }
  });

  it('passes other errors through unchanged', () => {
    const error = cognitoError('UsernameExistsException', 'User already exists');
    expect(readableSignUpError(error)).toBe(error);
  });
});

describe('authenticatorServices.handleSignUp', () => {
  it('signs up through Amplify and rethrows a refusal readably', async () => {
    vi.mocked(signUp).mockRejectedValueOnce(
      cognitoError('UserLambdaValidationException', 'PreSignUp failed with error Huddle is not open to gmail.com yet.'),
    );
    const input = { username: 'a@gmail.com', password: 'Secret123', options: { userAttributes: { name: 'A' } } };
    await expect(authenticatorServices.handleSignUp(input)).rejects.toThrow(/^Huddle is not open to gmail.com yet$/);
    expect(signUp).toHaveBeenCalledWith(input);
  });
});
