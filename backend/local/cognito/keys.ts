/**
 * The pool's signing key, generated once per install into the data folder. cognito-local signs
 * with a private key shipped inside its npm package, so anyone could forge tokens for it; a key
 * made on this machine keeps local tokens unforgeable, and the AppSync emulator checks them
 * against this JWKS like AppSync checks real Cognito's.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

export interface PoolKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
  jwk: JWK;
  /** AES key sealing SRP secret blocks, derived from the private key so it survives restarts */
  blockKey: Buffer;
}

export async function loadOrCreateKeys(dataDir: string): Promise<PoolKeys> {
  const file = join(dataDir, 'signing-key.pem');
  let pem: string;
  if (existsSync(file)) {
    pem = readFileSync(file, 'utf8');
  } else {
    pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    writeFileSync(file, pem, { mode: 0o600 });
  }
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  const jwk = await exportJWK(publicKey);
  const kid = (await calculateJwkThumbprint(jwk)).slice(0, 16);
  return {
    privateKey,
    publicKey,
    kid,
    jwk: { ...jwk, kid, alg: 'RS256', use: 'sig' },
    blockKey: createHash('sha256').update(pem).update('srp-secret-block').digest(),
  };
}
