import { createDb, eq, schema } from "@agora/db";
import { expect, type Page } from "@playwright/test";
import { uniqueId, type Person } from "./data";
import { storefrontUrl } from "./env";

/**
 * New members' posts wait for a moderator (a journey of its own): journeys that need members who post
 * at once make them regular members (trust level 1) straight in the journey database, as a moderator's
 * earlier approvals would have. Returns the member's handle.
 */
export async function makeRegularMember(person: Person): Promise<string> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the journeys through `npm run test:e2e`.");
  const { db, close } = createDb(url, { max: 1 });
  try {
    const [user] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, person.email));
    if (!user) throw new Error(`${person.email} has not signed up`);
    const handle = `e2e-${uniqueId()}`;
    await db
      .insert(schema.memberProfiles)
      .values({ userId: user.id, handle, level: 1, approvedPosts: 2 })
      .onConflictDoUpdate({ target: schema.memberProfiles.userId, set: { level: 1, approvedPosts: 2 } });
    const [profile] = await db
      .select({ handle: schema.memberProfiles.handle })
      .from(schema.memberProfiles)
      .where(eq(schema.memberProfiles.userId, user.id));
    return profile?.handle ?? handle;
  } finally {
    await close();
  }
}

/** A post of a thread page by its number (#1 is the opening post). */
export const post = (page: Page, number: number) => page.locator(`#post-${number}`);

/** A signed-in regular member starts a thread in General; returns the thread's address. */
export async function startThread(page: Page, title: string, message: string): Promise<string> {
  await page.goto(storefrontUrl("/community/new"));
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Category").selectOption({ label: "General" });
  await page.getByLabel("Title").fill(title);
  await page.getByRole("textbox", { name: "Message" }).fill(message);
  await page.getByRole("button", { name: "Post thread" }).click();
  await expect(page).toHaveURL(/\/community\/t\/[0-9a-f-]{36}\//);
  return page.url();
}
