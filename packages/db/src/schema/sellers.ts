import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { citext, id, timestamps } from "./_types";
import { users } from "./identity";

export const sellerStatus = pgEnum("seller_status", ["pending", "approved", "rejected", "suspended"]);
export const sellerMemberRole = pgEnum("seller_member_role", ["owner", "staff"]);

export const sellers = pgTable(
  "sellers",
  {
    id: id(),
    slug: citext("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    contactEmail: citext("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    returnPolicy: text("return_policy").notNull(),
    /** Markdown source of the store's about text; aboutHtml is its sanitised rendering. */
    about: text("about").notNull().default(""),
    aboutHtml: text("about_html").notNull().default(""),
    logoKey: text("logo_key"),
    bannerKey: text("banner_key"),
    status: sellerStatus("status").notNull().default("pending"),
    statusReason: text("status_reason"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("sellers_status_idx").on(t.status, t.createdAt)],
);

export const sellerMembers = pgTable(
  "seller_members",
  {
    sellerId: uuid("seller_id")
      .notNull()
      .references(() => sellers.id, { onDelete: "cascade" }),
    /** A person works for one shop at a time: it keeps "which shop am I acting for" unambiguous. */
    userId: uuid("user_id")
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    role: sellerMemberRole("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.userId] })],
);
