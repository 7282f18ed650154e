/**
 * The ?redirect= value after sign-in, accepted only when it is a path on this site.
 * "//evil.example" and "/\evil.example" are protocol-relative URLs to another origin, so refused.
 */
export function safeRedirectPath(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  if (value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
