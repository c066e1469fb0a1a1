import { availableChannels, changePassword, getNotificationPreferences, notificationSettings, registerUser, setNotificationPreferences, updateProfile } from "@agora/core";
import { changePasswordSchema, notificationPreferencesSchema, signUpSchema, updateProfileSchema } from "@agora/validators";
import { z } from "zod";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

const preferencesOutput = z.object({ email: z.boolean(), sms: z.boolean(), phone: z.string().nullable() });

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

  /** The viewer's channels, which channels this marketplace can deliver, and whether the development inbox is on. */
  getNotificationPreferences: protectedProcedure
    .output(z.object({ preferences: preferencesOutput, available: z.object({ email: z.boolean(), sms: z.boolean() }), devInbox: z.boolean() }))
    .query(async ({ ctx }) => ({
      preferences: await getNotificationPreferences(ctx.db, ctx.viewer.id),
      available: availableChannels(),
      devInbox: notificationSettings().devInbox,
    })),

  setNotificationPreferences: protectedProcedure
    .input(notificationPreferencesSchema)
    .output(preferencesOutput)
    .mutation(({ ctx, input }) => setNotificationPreferences(ctx.db, ctx.viewer.id, input, availableChannels())),
});
