/**
 * Everything a message shows comes from recorded facts or user input: it is cleaned here, once,
 * before wording sees it, and escaped only when HTML is written.
 */

/** Control characters other than the newline; a CR or LF in a subject would start a new mail header. */
const CONTROL_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** One line of text: newlines and other control characters become spaces, runs of spaces one space. */
export function oneLine(value: string | null | undefined): string {
  return String(value ?? '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Free text that keeps its line breaks (comments, reasons), with Windows and old Mac newlines unified. */
export function multiline(value: string | null | undefined): string {
  return String(value ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(CONTROL_CHARACTERS, '')
    .trim();
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only absolute web addresses become links: never `javascript:` or anything that could break a line. */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\/[^\s<>"'\\]+$/i.test(value) && value.length <= 4096;
}
