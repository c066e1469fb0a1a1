import { Suspense } from "react";
import { env } from "~/env";
import { cachedCategoryTree } from "~/lib/catalog";
import { AccountMenu } from "./account-menu";
import { CartLink } from "./cart-link";
import { CategoryMenu } from "./category-menu";
import { CommunityLink } from "./community/forum/community-link";
import { IntentLink } from "./intent-link";
import { SearchBox } from "./search-box";
import { Wordmark } from "./wordmark";

/** The same for every visitor (so it is cached); only the account corner is filled in by the browser. */
export async function SiteHeader() {
  const tree = await cachedCategoryTree();
  const menu = tree.map((top) => ({
    slug: top.slug,
    name: top.name,
    children: top.children.map((c) => ({ slug: c.slug, name: c.name })),
  }));
  return (
    <header className="sticky top-0 z-30 border-b border-stone-200 bg-white/95 backdrop-blur supports-[backdrop-filter]:bg-white/85">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-3 px-4">
        <IntentLink href="/" className="-ml-1 rounded-md p-1" aria-label="Agora home">
          <Wordmark />
        </IntentLink>
        <SearchBox />
        <IntentLink href="/stories" className="hidden rounded-lg px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 hover:text-ink md:inline-flex">
          Stories
        </IntentLink>
        <CommunityLink />
        <a href={env.SELLER_URL} className="hidden rounded-lg px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 hover:text-ink md:inline-flex">
          Sell on Agora
        </a>
        <CartLink />
        {/* Routes whose path is only known per request (e.g. an order page) need a boundary around usePathname. */}
        <Suspense fallback={<span className="block size-10 shrink-0 rounded-full bg-stone-100 sm:w-48 sm:rounded-lg" aria-hidden />}>
          <AccountMenu sellerUrl={env.SELLER_URL} />
        </Suspense>
      </div>
      <CategoryMenu tree={menu} />
    </header>
  );
}
