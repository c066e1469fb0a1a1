/**
 * Moderation: a member reports a spam reply, the operator finds it in the moderation queue (with the
 * report's reason and the text as plain text) and hides it; the reply is then gone from the thread for
 * everyone else, and its author is told.
 */
import { expect, test } from "@playwright/test";
import { makeRegularMember, post, startThread } from "../../support/community";
import { newPerson, uniqueId } from "../../support/data";
import { sellerUrl, storefrontUrl } from "../../support/env";
import { operatorConsole, signUp } from "../../support/flows";

test("a member reports a spam reply and the operator hides it from the moderation queue", async ({ page, browser }) => {
  const author = newPerson("asker");
  const title = `Best stove for winter trips? ${uniqueId()}`;
  const spam = `Cheap replica watches, 90% off today only ${uniqueId()}`;
  let threadUrl = "";

  await test.step("a member starts a thread", async () => {
    await signUp(page, storefrontUrl, author);
    await makeRegularMember(author);
    threadUrl = await startThread(page, title, "Which stove works best below freezing? Gas canisters struggle for me.");
  });

  const spammerContext = await browser.newContext();
  const spammerPage = await spammerContext.newPage();
  try {
    await test.step("another member replies with spam", async () => {
      const spammer = newPerson("spammer");
      await signUp(spammerPage, storefrontUrl, spammer);
      await makeRegularMember(spammer);
      await spammerPage.goto(threadUrl);
      // Text typed while the thread page is still settling can be lost; the forum returns the first reply
      // for a repeat of the same text, so trying again never posts twice.
      const box = spammerPage.getByRole("textbox", { name: "Message" });
      await expect(async () => {
        if ((await box.inputValue()) !== spam) await box.fill(spam);
        await spammerPage.getByRole("button", { name: "Post reply" }).click();
        await expect(spammerPage.getByText("Your reply was posted as #2.")).toBeVisible({ timeout: 4_000 });
      }).toPass({ timeout: 40_000 });
    });

    await test.step("the thread's author reports the reply", async () => {
      await page.goto(threadUrl);
      await page.waitForLoadState("networkidle");
      await expect(post(page, 2)).toContainText(spam);
      // One's own post has no report button.
      await expect(post(page, 1).getByRole("button", { name: "Report this post" })).toHaveCount(0);
      const dialog = page.getByRole("dialog", { name: "Report this post" });
      await expect(async () => {
        if (!(await dialog.isVisible())) await post(page, 2).getByRole("button", { name: "Report this post" }).click();
        await expect(dialog).toBeVisible({ timeout: 3_000 });
      }).toPass({ timeout: 30_000 });
      await dialog.getByLabel("Spam or advertising").check();
      await dialog.getByLabel(/Note for the moderators/).fill("Advertising fake watches");
      await dialog.getByRole("button", { name: "Send report" }).click();
      await expect(dialog.getByRole("status")).toHaveText("Thanks — a moderator will look at it.");
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step("the operator hides it from the moderation queue", async () => {
      const { context, page: console } = await operatorConsole(browser);
      try {
        await console.getByRole("navigation", { name: "Operator console" }).getByRole("link", { name: "Moderation" }).click();
        await expect(console).toHaveURL(sellerUrl("/admin/moderation"));
        const item = console.getByRole("listitem", { name: title });
        await expect(item).toContainText(spam);
        await expect(item).toContainText("1 report");
        await expect(item).toContainText("Spam or advertising × 1");
        await expect(item).toContainText("Advertising fake watches");
        await item.getByLabel("Note for the log (optional)").fill("Spam");
        await item.getByRole("button", { name: "Hide", exact: true }).click();
        await expect(console.getByRole("status").filter({ hasText: title })).toHaveText(
          `The forum post in “${title}” was hidden.`,
        );
        await expect(console.getByRole("listitem", { name: title })).toHaveCount(0);
      } finally {
        await context.close();
      }
    });

    await test.step("the reply is gone from the thread; its author sees it marked and is notified", async () => {
      await page.goto(threadUrl);
      await expect(post(page, 1)).toBeVisible();
      await expect(page.getByText(spam)).toHaveCount(0);

      await spammerPage.goto(threadUrl);
      await expect(post(spammerPage, 2)).toContainText("Hidden by a moderator");
      await spammerPage.goto(storefrontUrl("/community/notifications"));
      await expect(spammerPage.getByText(`A moderator hid your post in “${title}”: Spam`)).toBeVisible();
    });
  } finally {
    await spammerContext.close();
  }
});
