import { generate } from 'lean-qr/nano';

/**
 * A QR code as one SVG path (one square per dark module), with its size in modules including the
 * 4-module quiet zone scanners need. lean-qr's nano build (≈4 KB) only makes the bit matrix.
 */
export function qrPath(text: string): { d: string; size: number } {
  const code = generate(text);
  const quiet = 4;
  const parts: string[] = [];
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (code.get(x, y)) parts.push(`M${x + quiet} ${y + quiet}h1v1h-1z`);
    }
  }
  return { d: parts.join(''), size: code.size + 2 * quiet };
}
