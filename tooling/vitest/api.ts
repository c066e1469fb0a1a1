/**
 * Calling the tRPC API in-process as a given person, the way the apps' server code does, and reading
 * failures the way API clients see them (through the router's own errorFormatter).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { appRouter, createCaller, type CartTokenAccessor, type SessionViewer } from "@agora/api";
import { localMediaStore, type MediaStore } from "@agora/core/media";
import { createTestPaymentProvider, type PaymentProvider } from "@agora/core/payments";
import type { Db } from "@agora/db";
import { getTRPCErrorShape, TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { afterAll } from "vitest";

export interface TestApi {
  media: MediaStore;
  mediaDir: string;
  /** Every revalidate([...tags]) call, in order. */
  revalidations: string[][];
  /**
   * A caller acting as this person; null is a signed-out visitor. Each caller has its own cart cookie
   * (so two signed-out callers are two guests) unless a jar is passed to share or inspect it.
   */
  as: (viewer: SessionViewer | null, jar?: CookieJar) => ReturnType<typeof createCaller>;
}

/** The browser's guest cart cookie, in memory: `cartToken` is what the server last set (null when cleared). */
export interface CookieJar {
  cartToken: string | null;
}

export const cookieJar = (cartToken: string | null = null): CookieJar => ({ cartToken });

function cartCookieOf(jar: CookieJar): CartTokenAccessor {
  return {
    get: () => jar.cartToken,
    set: (token) => {
      jar.cartToken = token;
    },
    clear: () => {
      jar.cartToken = null;
    },
  };
}

export async function useTestApi(db: Db, options: { payments?: PaymentProvider } = {}): Promise<TestApi> {
  const mediaDir = await mkdtemp(path.join(os.tmpdir(), "agora-media-"));
  afterAll(() => rm(mediaDir, { recursive: true, force: true }));
  const media = localMediaStore(mediaDir);
  const payments = options.payments ?? createTestPaymentProvider();
  const revalidations: string[][] = [];
  const revalidate = async (tags: string[]) => {
    revalidations.push(tags);
  };
  return {
    media,
    mediaDir,
    revalidations,
    as: (viewer, jar = cookieJar()) => createCaller({ db, viewer, media, revalidate, payments, cartToken: cartCookieOf(jar) }),
  };
}

export interface ApiFailure {
  code: TRPC_ERROR_CODE_KEY;
  message: string;
  domainCode: string | null;
  fieldErrors: Record<string, string>;
  retryAfterSeconds: number | null;
}

/** Awaits a call that must fail and returns the error as a client would receive it. */
export async function failureOf(call: Promise<unknown>): Promise<ApiFailure> {
  let error: unknown;
  try {
    await call;
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) throw new Error("expected the call to fail, but it succeeded");
  if (!(error instanceof TRPCError)) throw error;
  const shape = getTRPCErrorShape({
    config: appRouter._def._config,
    error,
    type: "unknown",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return {
    code: error.code,
    message: shape.message,
    domainCode: shape.data.domainCode,
    fieldErrors: shape.data.fieldErrors,
    retryAfterSeconds: shape.data.retryAfterSeconds,
  };
}
