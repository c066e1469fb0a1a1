import { firstPageParams } from "~/lib/browse-route";
import StorePage, { generateMetadata as browseMetadata, generateStaticParams as browseStaticParams } from "./[sort]/[page]/page";

type Props = { params: Promise<{ slug: string }> };

export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return (await browseStaticParams()).map(({ slug }) => ({ slug }));
}

export function generateMetadata({ params }: Props) {
  return browseMetadata({ params: firstPageParams(params) });
}

/** `/s/alder-co`: a store's first page in the default order (see firstPageParams). */
export default function StoreFirstPage({ params }: Props) {
  return <StorePage params={firstPageParams(params)} />;
}
