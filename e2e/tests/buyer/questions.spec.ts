/**
 * Product Q&A: a member asks on the product page, the seller answers there with the "Seller" badge,
 * the asker accepts the answer, and then deletes the question after a confirmation.
 */
import { expect, test } from "@playwright/test";
import { makeRegularMember } from "../../support/community";
import { newPerson, uniqueId } from "../../support/data";
import { storefrontUrl } from "../../support/env";
import { signIn, signUp } from "../../support/flows";
import { createShopWithProduct } from "../../support/shop";

test("a member asks, the seller answers with a badge, the asker accepts it and later deletes the question", async ({ page, browser }) => {
  const shop = await createShopWithProduct({ title: `Enamel camp kettle ${uniqueId()}`, priceMinor: 4200, stock: 5 });
  const productPath = `/p/${shop.product.slug}`;
  const question = "Does it work on an induction hob?";

  await test.step("a member asks on the product page", async () => {
    const person = newPerson("asker");
    await signUp(page, storefrontUrl, person);
    // A regular member: a new member's first question would wait for a moderator (a journey of its own).
    await makeRegularMember(person);
    await page.goto(storefrontUrl(productPath));
    const qa = page.getByRole("region", { name: "Questions and answers" });
    await expect(qa.getByText("No questions yet.")).toBeVisible();
    // An empty question is refused next to the field, and nothing is posted.
    await qa.getByRole("button", { name: "Ask", exact: true }).click();
    await expect(qa.getByText(/Write (at least|your question)/)).toBeVisible();
    await qa.getByLabel("Ask a question").fill(question);
    await qa.getByRole("button", { name: "Ask", exact: true }).click();
    await expect(qa.getByText("Thanks! Your question is posted.")).toBeVisible();
    await expect(qa.getByRole("listitem").filter({ hasText: question }).getByText(/Asked by you/)).toBeVisible();
  });

  const sellerContext = await browser.newContext();
  try {
    await test.step("the seller answers it on the product page, with the Seller badge", async () => {
      const seller = await sellerContext.newPage();
      await signIn(seller, storefrontUrl, shop.person, productPath);
      await seller.goto(storefrontUrl(productPath));
      const item = seller.getByRole("region", { name: "Questions and answers" }).getByRole("listitem").filter({ hasText: question });
      await item.getByRole("button", { name: "Answer as the seller" }).click();
      await item.getByLabel(/Your answer/).fill("Yes: the base is magnetic steel under the enamel.");
      await item.getByRole("button", { name: "Post answer" }).click();
      await expect(item.getByText("Yes: the base is magnetic steel")).toBeVisible();
    });
  } finally {
    await sellerContext.close();
  }

  await test.step("the asker accepts the answer", async () => {
    await page.reload();
    const item = page.getByRole("region", { name: "Questions and answers" }).getByRole("listitem").filter({ hasText: question }).first();
    const answer = item.getByRole("listitem").filter({ hasText: "magnetic steel" });
    await expect(answer.getByText("Seller", { exact: true })).toBeVisible();
    await answer.getByRole("button", { name: "Accept this answer" }).click();
    await expect(answer.getByText("Accepted answer")).toBeVisible();
  });

  await test.step("the asker deletes the question after a confirmation", async () => {
    const qa = page.getByRole("region", { name: "Questions and answers" });
    const item = qa.getByRole("listitem").filter({ hasText: question }).first();
    await item.getByRole("button", { name: "Delete question" }).click();
    const confirm = item.getByRole("group", { name: "Delete question?" });
    await expect(confirm.getByRole("button", { name: "Delete question" })).toBeFocused();
    await confirm.getByRole("button", { name: "Delete question" }).click();
    await expect(qa.getByText("No questions yet.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "Questions and answers" }).getByText("No questions yet.")).toBeVisible();
  });
});
