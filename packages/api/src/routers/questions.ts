import {
  acceptProductAnswer,
  answerQuestion,
  askQuestion,
  deleteAnswer,
  deleteQuestion,
  listListingQuestions,
  listSellerUnansweredQuestions,
} from "@agora/core";
import {
  acceptProductAnswerSchema,
  answerQuestionSchema,
  askQuestionSchema,
  deleteAnswerSchema,
  deleteQuestionSchema,
  listQuestionsSchema,
  questionListOutputSchema,
  sellerQuestionsSchema,
} from "@agora/validators";
import { createTRPCRouter, protectedProcedure, publicProcedure, sellerProcedure } from "../trpc";

/** Product Q&A: members ask, the seller and verified owners answer, the asker accepts one answer. */
export const questionsRouter = createTRPCRouter({
  list: publicProcedure
    .input(listQuestionsSchema)
    .output(questionListOutputSchema)
    .query(({ ctx, input }) => listListingQuestions(ctx.db, input, ctx.viewer?.id ?? null)),

  ask: protectedProcedure.input(askQuestionSchema).mutation(async ({ ctx, input }) => {
    const question = await askQuestion(ctx.db, ctx.viewer.id, input);
    return { id: question.id, status: question.status };
  }),

  answer: protectedProcedure.input(answerQuestionSchema).mutation(async ({ ctx, input }) => {
    const answer = await answerQuestion(ctx.db, ctx.viewer.id, input);
    return { id: answer.id, role: answer.role, status: answer.status };
  }),

  accept: protectedProcedure.input(acceptProductAnswerSchema).mutation(async ({ ctx, input }) => {
    const question = await acceptProductAnswer(ctx.db, ctx.viewer.id, input);
    return { id: question.id, acceptedAnswerId: question.acceptedAnswerId };
  }),

  /** The asker deletes their own question. */
  delete: protectedProcedure.input(deleteQuestionSchema).mutation(async ({ ctx, input }) => {
    await deleteQuestion(ctx.db, ctx.viewer.id, input);
    return { ok: true as const };
  }),

  /** The author deletes their own answer. */
  deleteAnswer: protectedProcedure.input(deleteAnswerSchema).mutation(async ({ ctx, input }) => {
    await deleteAnswer(ctx.db, ctx.viewer.id, input);
    return { ok: true as const };
  }),

  /** Unanswered questions about the seller's own listings. */
  sellerUnanswered: sellerProcedure
    .input(sellerQuestionsSchema)
    .query(({ ctx, input }) => listSellerUnansweredQuestions(ctx.db, ctx.seller.id, input)),
});
