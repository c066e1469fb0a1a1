import { serveMedia } from "@agora/api/http";

export async function GET(_req: Request, { params }: { params: Promise<{ key: string[] }> }) {
  return serveMedia((await params).key);
}
