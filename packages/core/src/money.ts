// Building an Intl.NumberFormat costs far more than formatting with one, and a page formats dozens of
// prices (each product card renders again in the browser while it hydrates): keep one per locale and currency.
const formats = new Map<string, Intl.NumberFormat>();

/** Formats integer minor units for people; all arithmetic stays in minor units. */
export function formatMoney(minor: number, currency = "USD", locale = "en-US"): string {
  const key = `${locale} ${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    formats.set(key, format);
  }
  return format.format(minor / 100);
}
