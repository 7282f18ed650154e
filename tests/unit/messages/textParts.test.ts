import { describe, expect, it } from 'vitest';
import { textParts } from '@/messages/textParts';

describe('textParts', () => {
  it('turns http and https addresses into links, leaving the sentence’s punctuation outside', () => {
    expect(textParts('Map: https://osm.org/go/abc?x=1, or http://kuleuven.be.')).toEqual([
      { kind: 'text', text: 'Map: ' },
      { kind: 'link', text: 'https://osm.org/go/abc?x=1', href: 'https://osm.org/go/abc?x=1' },
      { kind: 'text', text: ', or ' },
      { kind: 'link', text: 'http://kuleuven.be', href: 'http://kuleuven.be' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps everything else inert text: other schemes, markup, bare domains', () => {
    for (const text of [
      'javascript:alert(1)',
      '<a href="https://x.be">x</a> <b>hi</b>',
      'www.example.com',
      'ftp://files.be',
    ]) {
      expect(
        textParts(text)
          .filter((part) => part.kind === 'link')
          .map((part) => part.text),
      ).toEqual(text.includes('https://x.be') ? ['https://x.be'] : []);
    }
    expect(textParts('just words')).toEqual([{ kind: 'text', text: 'just words' }]);
  });
});
