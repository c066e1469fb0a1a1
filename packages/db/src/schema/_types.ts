import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

/** Case-insensitive text (the citext extension): e-mails, slugs, SKUs. */
export const citext = customType<{ data: string }>({
  dataType: () => "citext",
});

export const id = () => uuid("id").primaryKey().defaultRandom();

export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
