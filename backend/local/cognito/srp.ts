/**
 * Server side of Cognito's SRP-6a (USER_SRP_AUTH → PASSWORD_VERIFIER), written to match the client
 * math in @aws-amplify/auth (utils/srp): RFC 5054 3072-bit group, g = 2, SHA-256, Java-style
 * two's-complement hex padding, HKDF info "Caldera Derived Key". Cognito stores a verifier; this
 * emulator has the password (cognito-local keeps it), so the verifier is derived per attempt.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

// RFC 5054 3072-bit group, the one Cognito and Amplify use.
const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';
const N = BigInt(`0x${N_HEX}`);
const g = 2n;

/** Even-length hex with a leading 00 when the top bit is set (Java BigInteger.toByteArray), as Amplify's getPaddedHex. */
export function padHex(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}
const hashHex = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
const hashText = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const big = (hex: string) => BigInt(`0x${hex}`);

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

const k = big(hashHex(padHex(N) + padHex(g)));

/** x = H(salt | H(poolName | userId | ":" | password)), v = g^x */
function verifier(poolName: string, userId: string, password: string, saltHex: string): bigint {
  const x = big(hashHex(padHex(big(saltHex)) + hashText(`${poolName}${userId}:${password}`)));
  return modPow(g, x, N);
}

/** The server's secret b and public B for one attempt; salt is fresh because no verifier is stored. */
export function startChallenge(poolName: string, userId: string, password: string) {
  const saltHex = randomBytes(16).toString('hex');
  const b = big(randomBytes(128).toString('hex'));
  const v = verifier(poolName, userId, password, saltHex);
  const B = (k * v + modPow(g, b, N)) % N;
  return { saltHex, bHex: b.toString(16), BHex: B.toString(16) };
}

/** A mod N = 0 would let a client skip knowing the password. */
export const isValidA = (AHex: string) => /^[0-9a-f]+$/i.test(AHex) && big(AHex) % N !== 0n;

/**
 * The PASSWORD_CLAIM_SIGNATURE an honest client with this password computes:
 * HMAC(HKDF(S, u), poolName | userId | secretBlock bytes | timestamp), base64.
 */
export function expectedSignature(p: {
  poolName: string;
  userId: string;
  password: string;
  saltHex: string;
  AHex: string;
  bHex: string;
  BHex: string;
  secretBlock: Buffer;
  timestamp: string;
}): string {
  const A = big(p.AHex);
  const B = big(p.BHex);
  const u = big(hashHex(padHex(A) + padHex(B)));
  const v = verifier(p.poolName, p.userId, p.password, p.saltHex);
  const S = modPow(A * modPow(v, u, N), big(p.bHex), N);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  const key = createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
  return createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(p.poolName), Buffer.from(p.userId), p.secretBlock, Buffer.from(p.timestamp)]))
    .digest('base64');
}
