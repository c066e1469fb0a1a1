import { changePassword, registerUser, updateProfile } from "@agora/core";
import { changePasswordSchema, signUpSchema, updateProfileSchema } from "@agora/validators";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

const viewerOutput = z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()) });

export const accountRouter = createTRPCRouter({
  signUp: publicProcedure
    .input(signUpSchema)
    .output(viewerOutput)
    .mutation(({ ctx, input }) => registerUser(ctx.db, input)),

  me: publicProcedure.query(({ ctx }) =>
    ctx.viewer ? { id: ctx.viewer.id, email: ctx.viewer.email, name: ctx.viewer.name, roles: ctx.viewer.roles, sellerId: ctx.viewer.sellerId } : null,
  ),

  updateProfile: protectedProcedure
    .input(updateProfileSchema)
    .output(viewerOutput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.viewer.id, input)),

  changePassword: protectedProcedure
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.viewer.id, input, ctx.viewer.sessionId)),
});
