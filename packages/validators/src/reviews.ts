import { z } from "zod";
import { idSchema } from "./common";

/** Product reviews and product questions: one schema per input, shared by the routers and the forms. */

export const REVIEW_TITLE_MAX = 120;
export const REVIEW_BODY_MAX = 5_000;
export const QUESTION_BODY_MAX = 1_000;
export const ANSWER_BODY_MAX = 3_000;
export const REVIEWS_PAGE_SIZE = 10;
export const QUESTIONS_PAGE_SIZE = 10;

export const ratingSchema = z
  .number({ message: "Choose a rating from 1 to 5 stars" })
  .int("Choose a rating from 1 to 5 stars")
  .min(1, "Choose a rating from 1 to 5 stars")
  .max(5, "Choose a rating from 1 to 5 stars");

const body = (what: string, min: number, max: number) =>
  z
    .string({ message: `Write ${what}` })
    .trim()
    .min(min, min > 1 ? `Write at least ${min} characters` : `Write ${what}`)
    .max(max, `Use at most ${max.toLocaleString("en-US")} characters`);

const reviewFields = {
  rating: ratingSchema,
  title: z.string().trim().min(1, "Give your review a title").max(REVIEW_TITLE_MAX, `Use at most ${REVIEW_TITLE_MAX} characters`),
  body: body("your review", 10, REVIEW_BODY_MAX),
};

export const createReviewSchema = z.object({ listingId: idSchema, ...reviewFields });
export type CreateReviewInput = z.infer<typeof createReviewSchema>;

export const updateReviewSchema = z.object({ reviewId: idSchema, ...reviewFields });
export type UpdateReviewInput = z.infer<typeof updateReviewSchema>;

/** The author deletes their own review. */
export const deleteReviewSchema = z.object({ reviewId: idSchema });
export type DeleteReviewInput = z.infer<typeof deleteReviewSchema>;

export const sellerReplySchema = z.object({ reviewId: idSchema, body: body("a reply", 2, 2_000) });
export type SellerReplyInput = z.infer<typeof sellerReplySchema>;

export const reviewSortSchema = z.enum(["newest", "highest", "lowest"]);
export type ReviewSort = z.infer<typeof reviewSortSchema>;

export const listReviewsSchema = z.object({
  listingId: idSchema,
  sort: reviewSortSchema.default("newest"),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(50).default(REVIEWS_PAGE_SIZE),
});
export type ListReviewsInput = z.infer<typeof listReviewsSchema>;

export const listingIdInputSchema = z.object({ listingId: idSchema });

export const sellerReviewsSchema = z.object({
  filter: z.enum(["all", "unreplied"]).default("all"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type SellerReviewsInput = z.infer<typeof sellerReviewsSchema>;

/** The asker deletes their own question (its answers go with it). */
export const deleteQuestionSchema = z.object({ questionId: idSchema });
export type DeleteQuestionInput = z.infer<typeof deleteQuestionSchema>;

/** The author deletes their own answer. */
export const deleteAnswerSchema = z.object({ answerId: idSchema });
export type DeleteAnswerInput = z.infer<typeof deleteAnswerSchema>;

export const askQuestionSchema = z.object({ listingId: idSchema, body: body("your question", 5, QUESTION_BODY_MAX) });
export type AskQuestionInput = z.infer<typeof askQuestionSchema>;

export const answerQuestionSchema = z.object({ questionId: idSchema, body: body("an answer", 2, ANSWER_BODY_MAX) });
export type AnswerQuestionInput = z.infer<typeof answerQuestionSchema>;

export const acceptProductAnswerSchema = z.object({ questionId: idSchema, answerId: idSchema });

export const listQuestionsSchema = z.object({
  listingId: idSchema,
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(50).default(QUESTIONS_PAGE_SIZE),
});
export type ListQuestionsInput = z.infer<typeof listQuestionsSchema>;

export const sellerQuestionsSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });

// Outputs of the public procedures (declared, so the API never leaks more than this).

const contentStatusOutput = z.enum(["pending", "visible", "hidden", "deleted"]);

export const ratingSummarySchema = z.object({ count: z.number().int(), average: z.number().nullable() });

export const reviewListOutputSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      rating: z.number().int(),
      title: z.string(),
      bodyHtml: z.string(),
      status: contentStatusOutput,
      authorName: z.string(),
      verifiedBuyer: z.boolean(),
      variantLabel: z.string().nullable(),
      createdAt: z.date(),
      editedAt: z.date().nullable(),
      mine: z.boolean(),
      sellerReply: z.object({ html: z.string(), repliedAt: z.date() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
  breakdown: ratingSummarySchema.extend({
    stars: z.array(z.object({ stars: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]), count: z.number().int() })),
  }),
  mine: z.object({ id: z.string(), status: contentStatusOutput }).nullable(),
});

export const questionListOutputSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      authorName: z.string(),
      bodyHtml: z.string(),
      status: contentStatusOutput,
      answerCount: z.number().int(),
      mine: z.boolean(),
      createdAt: z.date(),
      answers: z.array(
        z.object({
          id: z.string(),
          role: z.enum(["seller", "owner"]),
          authorName: z.string(),
          bodyHtml: z.string(),
          status: contentStatusOutput,
          accepted: z.boolean(),
          mine: z.boolean(),
          createdAt: z.date(),
        }),
      ),
    }),
  ),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  viewer: z.object({ answerRole: z.enum(["seller", "owner"]).nullable() }).nullable(),
});

export const listingDiscussionsOutputSchema = z.object({
  total: z.number().int(),
  threads: z.array(
    z.object({ threadId: z.string(), title: z.string(), href: z.string(), categoryName: z.string(), replyCount: z.number().int(), lastPostedAt: z.date() }),
  ),
});
