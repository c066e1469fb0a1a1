import { DEFAULT_SORT } from "~/lib/browse-params";
import StorePage, { generateMetadata as browseMetadata, generateStaticParams as browseStaticParams } from "./[sort]/[page]/page";

/**
 * `/s/alder-co`: a store's first page in the default order, the address every link uses. It is its own
 * route instead of a rewrite to `/s/alder-co/popular/1` because evaluating the rewrite list cost a cached
 * page ~15% of its serving time; other sorts and pages are still rewritten (lib/browse-rewrites.ts).
 */
type Props = { params: Promise<{ slug: string }> };

export const ensureStatic = "navigation";

const firstPage = async (params: Props["params"]) => ({ slug: (await params).slug, sort: DEFAULT_SORT, page: "1" });

export async function generateStaticParams() {
  return (await browseStaticParams()).map(({ slug }) => ({ slug }));
}

export function generateMetadata({ params }: Props) {
  return browseMetadata({ params: firstPage(params) });
}

export default function StoreFirstPage({ params }: Props) {
  return <StorePage params={firstPage(params)} />;
}
