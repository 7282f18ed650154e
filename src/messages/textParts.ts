import { isWebAddress } from '@rules/text';

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Anything from http(s):// up to whitespace; closing punctuation after it belongs to the sentence.
const CANDIDATE = /https?:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,!?;:'")\]}]+$/;

/**
 * A message as text and links. Only addresses starting with http:// or https:// become links;
 * everything else (other schemes, markup, look-alikes) stays inert text that Vue escapes.
 */
export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    let address = match[0];
    const trailing = TRAILING.exec(address)?.[0] ?? '';
    address = address.slice(0, address.length - trailing.length);
    if (!isWebAddress(address)) continue;
    const at = match.index;
    if (at > from) parts.push({ kind: 'text', text: text.slice(from, at) });
    parts.push({ kind: 'link', text: address, href: address });
    from = at + address.length;
  }
  if (from < text.length) parts.push({ kind: 'text', text: text.slice(from) });
  return parts;
}
