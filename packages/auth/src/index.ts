import { authenticate, createSession, DomainError, registerUser, revokeSession, viewerForSession } from "@agora/core";
import { getDb } from "@agora/db";
import { signInSchema, signUpSchema } from "@agora/validators";
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { authEnv } from "./env";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
  interface User {
    sessionId?: string;
  }
}

/** The code travels in the sign-in URL, so it names a kind of failure and nothing more. */
class SignInFailed extends CredentialsSignin {
  constructor(code: "invalid_credentials" | "rate_limited" | "suspended" | "invalid_input") {
    super();
    this.code = code;
  }
}

export const signInMessages: Record<string, string> = {
  invalid_credentials: "The e-mail or password is incorrect.",
  rate_limited: "Too many failed sign-in attempts. Please wait 15 minutes and try again.",
  suspended: "This account is suspended. Contact the marketplace team.",
  invalid_input: "Enter your e-mail and password.",
};

function clientIp(request: Request | undefined): string | null {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authEnv().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new SignInFailed("invalid_input");
        const db = getDb();
        try {
          const viewer = await authenticate(db, parsed.data, clientIp(request));
          const session = await createSession(db, viewer.id);
          return { id: viewer.id, email: viewer.email, name: viewer.name, sessionId: session.id };
        } catch (error) {
          if (error instanceof DomainError) {
            if (error.code === "RATE_LIMITED") throw new SignInFailed("rate_limited");
            if (error.code === "ACCOUNT_SUSPENDED") throw new SignInFailed("suspended");
            throw new SignInFailed("invalid_credentials");
          }
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(getDb(), sid);
    },
  },
}));

/**
 * The signed-in person for this request, read fresh from the database: a revoked session or a
 * suspended account is signed out at once, and roles are never stale.
 */
export const getViewer = cache(async () => {
  const session = await auth();
  if (!session?.sessionId) return null;
  const viewer = await viewerForSession(getDb(), session.sessionId);
  return viewer ? { ...viewer, sessionId: session.sessionId } : null;
});

export type FormResult = { ok: true } | { ok: false; message: string; fieldErrors: Record<string, string> };

/** Signs in with e-mail and password; returns a message for the form instead of throwing. */
export async function signInWithPassword(formData: FormData): Promise<FormResult> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
    return { ok: true };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const message = signInMessages[error.code] ?? signInMessages.invalid_credentials ?? "Sign-in failed.";
      return { ok: false, message, fieldErrors: error.code === "invalid_credentials" ? { password: message } : {} };
    }
    if (error instanceof AuthError) return { ok: false, message: "Sign-in failed. Please try again.", fieldErrors: {} };
    throw error;
  }
}

/** Creates the account and signs it in. */
export async function signUpWithPassword(formData: FormData): Promise<FormResult> {
  const parsed = signUpSchema.safeParse({
    name: formData.get("name"),
    email: formData.get("email"),
    password: formData.get("password"),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  try {
    await registerUser(getDb(), parsed.data);
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  return signInWithPassword(formData);
}

export async function signOutViewer(): Promise<void> {
  await signOut({ redirect: false });
}
