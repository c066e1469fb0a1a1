/**
 * Money typed by people ("19.99", "$1,299", "20") becomes integer minor units without floating point:
 * the digits are read as a string. What cannot be read becomes NaN and a fraction of a cent stays
 * fractional, so the shared schema reports it ("Enter a price", "Enter the price in whole cents").
 */
export function parseMoneyInput(text: string): number {
  const cleaned = text
    .trim()
    .replace(/^\$/, "")
    .replace(/^(-?)\s*\$/, "$1")
    .replace(/\s+/g, "");
  if (cleaned === "") return Number.NaN;
  // Thousands separators only in their proper places: "1,299.99" yes, "19,99" no.
  const withoutGrouping = /^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(cleaned) ? cleaned.replace(/,/g, "") : cleaned;
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(withoutGrouping);
  if (!match) return Number.NaN;
  const [, sign = "", whole = "", fraction = ""] = match;
  if (whole === "" && fraction === "") return Number.NaN;
  const cents = Number(whole || "0") * 100 + Number((fraction + "00").slice(0, 2));
  const rest = fraction.slice(2).replace(/0+$/, "");
  const value = rest ? cents + Number(`0.${rest}`) : cents;
  return sign === "-" ? -value : value;
}

/** Minor units back to the text a money input shows: 1999 → "19.99", 2000 → "20.00". */
export function formatMoneyInput(minor: number | null | undefined): string {
  if (minor === null || minor === undefined) return "";
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
