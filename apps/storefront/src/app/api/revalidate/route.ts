import { readRevalidateRequest } from "@agora/api/http";
import { revalidate } from "~/trpc/revalidate";

/** Called by the seller portal after catalog writes; signed with the shared secret. */
export async function POST(req: Request) {
  const tags = await readRevalidateRequest(req);
  if (!tags) return Response.json({ error: "Invalid signature" }, { status: 401 });
  await revalidate(tags);
  return Response.json({ revalidated: tags.length });
}
