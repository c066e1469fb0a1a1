/**
 * Suspension: a new member's reply waits in the moderation queue; the operator suspends its author from
 * there with a reason. The member is refused when they try to post and is told why; the operator finds
 * them under "Suspended members", lifts the suspension early, and the member can post again.
 */
import { expect, test } from "@playwright/test";
import { makeRegularMember, startThread } from "../../support/community";
import { newPerson, uniqueId } from "../../support/data";
import { sellerUrl, storefrontUrl } from "../../support/env";
import { operatorConsole, signUp } from "../../support/flows";

test("the operator suspends a member from the moderation queue and lifts the suspension early", async ({ page, browser }) => {
  const title = `Which lantern for a week off-grid? ${uniqueId()}`;
  const firstReply = `Try the one with the crank, mine lasts days ${uniqueId()}`;
  const laterReply = `Back again: the crank one is still going strong ${uniqueId()}`;
  let threadUrl = "";

  await test.step("a regular member starts a thread", async () => {
    const author = newPerson("author");
    await signUp(page, storefrontUrl, author);
    await makeRegularMember(author);
    threadUrl = await startThread(page, title, "Batteries or solar? I will be away from the grid for a week.");
  });

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  const newcomer = newPerson("newcomer");
  const reply = async (text: string) => {
    await member.goto(threadUrl);
    await member.waitForLoadState("networkidle");
    const box = member.getByRole("textbox", { name: "Message" });
    await box.fill(text);
    await member.getByRole("button", { name: "Post reply" }).click();
  };
  try {
    await test.step("a new member replies; the reply waits for a moderator", async () => {
      await signUp(member, storefrontUrl, newcomer);
      await reply(firstReply);
      await expect(member.getByText("Your reply is waiting for a moderator’s approval")).toBeVisible();
    });

    const { context: consoleContext, page: operator } = await operatorConsole(browser);
    try {
      await test.step("the operator suspends the reply's author from the queue, with a reason", async () => {
        await operator.goto(sellerUrl("/admin/moderation"));
        const item = operator.getByRole("listitem", { name: title });
        await expect(item).toContainText(firstReply);
        await item.getByRole("button", { name: "Suspend author…" }).click();
        await item.getByLabel("Days").fill("3");
        await item.getByLabel("Reason (optional)").fill("Off-topic replies while we look into your account");
        await item.getByRole("button", { name: `Suspend ${newcomer.name}` }).click();
        await expect(operator.getByRole("status").filter({ hasText: newcomer.name }).first()).toContainText(
          `${newcomer.name} cannot take part in the community until`,
        );
        await operator.reload();
        const suspended = operator.getByRole("list", { name: "Suspended members" });
        await expect(suspended).toContainText(newcomer.name);
        await expect(suspended).toContainText("Off-topic replies while we look into your account");
      });

      await test.step("the member is refused when posting, and told why", async () => {
        await reply(laterReply);
        await expect(member.getByText(/A moderator has suspended your community access until \d{4}-\d{2}-\d{2}\./)).toBeVisible();
        await member.goto(storefrontUrl("/community/notifications"));
        await expect(
          member.getByText(/A moderator suspended your community access until \d{4}-\d{2}-\d{2}: Off-topic replies/),
        ).toBeVisible();
      });

      await test.step("the operator lifts the suspension early", async () => {
        const suspended = operator.getByRole("list", { name: "Suspended members" });
        await suspended.getByRole("button", { name: `Lift suspension of ${newcomer.name}` }).click();
        await expect(operator.getByRole("status").filter({ hasText: "can take part in the community again" })).toHaveText(
          `${newcomer.name} can take part in the community again.`,
        );
        await expect(suspended.getByRole("button", { name: `Lift suspension of ${newcomer.name}` })).toHaveCount(0);
      });
    } finally {
      await consoleContext.close();
    }

    await test.step("the member can post again and is told the suspension was lifted", async () => {
      await reply(laterReply);
      await expect(member.getByText("Your reply is waiting for a moderator’s approval")).toBeVisible();
      await member.goto(storefrontUrl("/community/notifications"));
      await expect(member.getByText("A moderator lifted your suspension: you can post again.")).toBeVisible();
    });
  } finally {
    await memberContext.close();
  }
});
