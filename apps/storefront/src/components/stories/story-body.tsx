import { splitListingCards } from "@agora/core";
import { connection } from "next/server";
import { Suspense } from "react";
import { communityProse } from "../community/community-text";
import { ListingCard } from "../community/listing-card";

/**
 * A story's stored HTML (sanitised when it was saved) with its product cards as per-request holes: the
 * text is part of the cached page, each card is rendered for the request, so its price and stock are
 * the current ones.
 */
export function StoryBody({ html }: { html: string }) {
  return (
    <div className={communityProse}>
      {splitListingCards(html).map((part, i) =>
        part.kind === "html" ? (
          <div key={i} dangerouslySetInnerHTML={{ __html: part.html }} />
        ) : (
          <Suspense key={i} fallback={<CardSkeleton />}>
            <LiveCard slug={part.slug} />
          </Suspense>
        ),
      )}
    </div>
  );
}

async function LiveCard({ slug }: { slug: string }) {
  await connection();
  return <ListingCard slug={slug} />;
}

function CardSkeleton() {
  return <div className="my-3 h-[106px] max-w-md animate-pulse rounded-xl border border-stone-200 bg-stone-50" aria-hidden />;
}
