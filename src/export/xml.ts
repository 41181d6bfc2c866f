/**
 * Escaping text for XML 1.0 documents written as strings: markup characters become entities,
 * and characters XML 1.0 cannot hold at all (most control characters, lone surrogates) become
 * U+FFFD, so that every export is well-formed whatever a source wrote.
 */

// Everything outside XML 1.0's Char production.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&apos;',
  // A parser turns these into spaces inside an attribute unless they are written as references.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text content of an element. */
export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>]/g, (c) => TEXT_ENTITIES[c] as string)
    .replace(/\r/g, '&#13;');
}

/** An attribute value, to be written between double quotes. */
export function xmlAttribute(value: string): string {
  return value
    .replace(NOT_XML, '\uFFFD')
    .replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ENTITIES[c] as string);
}

/** `name="value"` pairs for the values that are set, escaped. */
export function attributes(pairs: Record<string, string | number | null | undefined>): string {
  return Object.entries(pairs)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}
