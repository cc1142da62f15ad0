/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. */
export function toCsv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  const field = (x: string | number | undefined) => {
    const s = x === undefined ? '' : String(x);
    // A leading =, +, - or @ would run as a formula in a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
