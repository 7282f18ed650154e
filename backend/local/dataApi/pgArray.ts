/** An element of a PostgreSQL array literal: its text, null, or a nested array. */
export type ArrayItem = string | null | ArrayItem[];

/**
 * Parses PostgreSQL's text form of an array (`{a,"b c",NULL}`, `{{1,2},{3,4}}`, `{}`), with an
 * optional `[1:2]=` dimension prefix.
 */
export function parseArrayLiteral(text: string): ArrayItem[] {
  let i = text.startsWith('[') ? text.indexOf('=') + 1 : 0;
  const parseList = (): ArrayItem[] => {
    const items: ArrayItem[] = [];
    i++; // {
    if (text[i] === '}') {
      i++;
      return items;
    }
    while (i < text.length) {
      if (text[i] === '{') items.push(parseList());
      else if (text[i] === '"') {
        let value = '';
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\') i++;
          value += text[i];
          i++;
        }
        i++;
        items.push(value);
      } else {
        let end = i;
        while (end < text.length && text[end] !== ',' && text[end] !== '}') end++;
        const value = text.slice(i, end);
        items.push(value === 'NULL' ? null : value);
        i = end;
      }
      if (text[i] === ',') i++;
      else {
        i++; // }
        return items;
      }
    }
    return items;
  };
  return parseList();
}
