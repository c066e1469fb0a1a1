import type { RouterOutputs } from "@agora/api";

export type Cart = RouterOutputs["cart"]["get"];
export type CartGroup = Cart["groups"][number];
export type CartLine = CartGroup["lines"][number];
export type DeliveryOption = CartGroup["deliveryOptions"][number];

export interface SavedAddressOption {
  id: string;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
  isDefault: boolean;
}

export interface TestCard {
  number: string;
  label: string;
}

/** The new-address form as typed. */
export interface AddressDraft {
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  phone: string;
}

/** The card form as typed: the number with spaces, the expiry as MM/YY. */
export interface CardDraft {
  number: string;
  expiry: string;
  cvc: string;
}

/** Field errors keyed by the server's input paths ("address.city", "payment.number", "delivery.<sellerId>"). */
export type FieldErrors = Record<string, string>;

/** Ids of the inputs, so that the error summary can link to them. */
export const fieldIds = {
  savedAddress: "checkout-saved-address",
  name: "checkout-address-name",
  line1: "checkout-address-line1",
  line2: "checkout-address-line2",
  city: "checkout-address-city",
  region: "checkout-address-region",
  postalCode: "checkout-address-postal-code",
  country: "checkout-address-country",
  phone: "checkout-address-phone",
  cardNumber: "checkout-card-number",
  expiry: "checkout-card-expiry",
  cvc: "checkout-card-cvc",
} as const;

/** A country for the address form, named on the server (browsers' name tables differ from Node's). */
export interface CountryOption {
  code: string;
  name: string;
}

export function optionKey(option: DeliveryOption): string {
  return option.kind === "shipping" ? `m:${option.methodId}` : `p:${option.locationId}`;
}
