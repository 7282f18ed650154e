/**
 * Opaque, tamper-proof blobs (AES-256-GCM) for state Cognito keeps between two calls: the SRP
 * SECRET_BLOCK carries the server's secret b, A, B and salt to RespondToAuthChallenge, so no
 * per-attempt state is held in memory (Cognito's secret block is likewise an encrypted blob).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export function seal(key: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** null when the blob was not made with this key or was altered. */
export function unseal<T>(key: Buffer, blob: unknown): T | null {
  if (typeof blob !== 'string') return null;
  try {
    const raw = Buffer.from(blob, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
  } catch {
    return null;
  }
}
