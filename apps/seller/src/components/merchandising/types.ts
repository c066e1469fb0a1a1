import type { RouterOutputs } from "@agora/api";
import type { MerchandisingRuleInput, UpdateMerchandisingRuleInput } from "@agora/validators";

export type PinRule = RouterOutputs["discovery"]["seller"]["list"][number];
export type PinnableListing = RouterOutputs["discovery"]["seller"]["pinnableListings"][number];

/** A listing chosen in the form: enough to offer its categories and name it. */
export interface ChosenListing {
  id: string;
  title: string;
  sellerName: string;
  category: { id: string; name: string };
  parentCategory: { id: string; name: string } | null;
}

/** A category for the operator's pickers, with its parent's name for context. */
export interface CategoryOption {
  id: string;
  name: string;
  children: { id: string; name: string }[];
}

/** The calls the pins manager makes; the seller portal and the operator console bind their own procedures. */
export interface PinsApi {
  mode: "seller" | "operator";
  list: (status: "current" | "ended") => Promise<PinRule[]>;
  search: (q: string) => Promise<PinnableListing[]>;
  create: (input: MerchandisingRuleInput) => Promise<{ id: string }>;
  update: (input: UpdateMerchandisingRuleInput) => Promise<{ id: string }>;
  remove: (id: string) => Promise<{ id: string }>;
}
