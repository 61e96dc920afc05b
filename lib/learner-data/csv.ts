/**
 * CSV writing as RFC 4180 has it: fields separated by commas, records ended by CRLF, and a field quoted (with
 * inner quotes doubled) when it contains a comma, a quote, a CR or an LF, or starts or ends with a space (which
 * some readers would trim). Every other field is written as it is, so numbers stay unquoted.
 *
 * @see https://www.rfc-editor.org/rfc/rfc4180
 */

export type CsvValue = string | number | null;

/** One field; null is the empty field. Numbers must be finite (NaN or Infinity is a bug in the caller). */
export function csvField(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`CSV field: ${value} is not a finite number`);
    return String(value);
  }
  return /[",\r\n]|^ | $/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record, CRLF included. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
