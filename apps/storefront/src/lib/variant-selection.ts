/** The variant a product page starts on: the first one in stock, else the first. Shared by the picker and what follows its choice. */
export function initialVariant<V extends { stock: { kind: string } }>(variants: readonly V[]): V | undefined {
  return variants.find((v) => v.stock.kind !== "out_of_stock") ?? variants[0];
}
