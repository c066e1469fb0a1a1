import { trpcHandler } from "@agora/api/http";
import { getViewer } from "@agora/auth";
import { revalidate } from "~/trpc/revalidate";

const handler = trpcHandler({ getViewer, revalidate });
export { handler as GET, handler as POST };
