import { randomBytes } from "node:crypto";
import { DEMO_ACCOUNTS } from "@agora/db/seed";

export { DEMO_ACCOUNTS };

/** Every journey makes its own people, stores and listings, so runs never collide. */
export function uniqueId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
}

export interface Person {
  name: string;
  email: string;
  password: string;
}

export function newPerson(role: string): Person {
  const id = uniqueId();
  return { name: `Avery ${role} ${id}`, email: `${role}-${id}@e2e.agora.test`, password: `Journey-${id}-9` };
}

export interface StoreDraft {
  name: string;
  slug: string;
}

export function newStore(): StoreDraft {
  const id = uniqueId();
  return { name: `Harbor Goods ${id}`, slug: `harbor-goods-${id}` };
}

/** SKUs are unique per seller; a run-unique prefix keeps them readable. */
export function skuPrefix(): string {
  return `E2E-${uniqueId().toUpperCase()}`;
}
