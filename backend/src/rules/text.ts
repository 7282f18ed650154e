/**
 * What is wrong with text a person typed, by the rules both the app and the server apply: the
 * length of the trimmed text in characters (code points, so an emoji counts once, as PostgreSQL's
 * char_length does), and no control characters (tab and line breaks only where text may span lines).
 */

// Control characters other than tab, line feed and carriage return: a person never types them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Bidirectional overrides and isolates can make a name read as something else.
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;

export type TextProblem = 'required' | 'tooShort' | 'tooLong' | 'invalidCharacters';

export interface TextRule {
  min?: number;
  max: number;
  multiline?: boolean;
}

export const characterCount = (text: string): number => [...text].length;

export function textProblem(value: unknown, rule: TextRule): TextProblem | null {
  if (typeof value !== 'string') return 'required';
  const text = value.trim();
  const min = rule.min ?? 1;
  const length = characterCount(text);
  if (length < min) return min <= 1 ? 'required' : 'tooShort';
  if (length > rule.max) return 'tooLong';
  if (CONTROL.test(text) || BIDI_OVERRIDE.test(text) || (!rule.multiline && /[\r\n]/.test(text))) {
    return 'invalidCharacters';
  }
  return null;
}

/** An http(s) address with no spaces, or null when it is not one. */
export function isWebAddress(text: string): boolean {
  if (/\s/.test(text)) return false;
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
}
