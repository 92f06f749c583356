/**
 * CSV for spreadsheets. A cell a spreadsheet would read as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, so a signer named "=HYPERLINK(…)" stays text (OWASP CSV injection).
 */
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** Excel opens UTF-8 (Cyrillic, Kazakh) correctly only with a byte-order mark. */
export const csvBom = "\uFEFF";
