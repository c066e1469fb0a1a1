import { env } from "~/env";
import { cachedCategoryTree } from "~/lib/catalog";
import { IntentLink } from "./intent-link";
import { Wordmark } from "./wordmark";

export async function SiteFooter() {
  const tree = await cachedCategoryTree();
  const heading = "text-sm font-semibold text-ink";
  const link = "text-sm text-stone-600 hover:text-brand-700 hover:underline";
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto grid max-w-7xl grid-cols-2 gap-8 px-4 py-10 lg:grid-cols-4">
        <div className="col-span-2 space-y-3 lg:col-span-1">
          <Wordmark />
          <p className="max-w-xs text-sm text-muted">Independent shops in one marketplace, with honest stock and clear return policies from every seller.</p>
        </div>
        <nav aria-labelledby="footer-shop">
          <h2 id="footer-shop" className={heading}>
            Shop
          </h2>
          <ul role="list" className="mt-3 space-y-2">
            {tree.map((c) => (
              <li key={c.id}>
                <IntentLink href={`/c/${c.slug}`} className={link}>
                  {c.name}
                </IntentLink>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-labelledby="footer-sell">
          <h2 id="footer-sell" className={heading}>
            Sell
          </h2>
          <ul role="list" className="mt-3 space-y-2">
            <li>
              <a href={env.SELLER_URL} className={link}>
                Sell on Agora
              </a>
            </li>
            <li>
              <IntentLink href="/about" className={link}>
                How Agora works
              </IntentLink>
            </li>
          </ul>
        </nav>
        <nav aria-labelledby="footer-account">
          <h2 id="footer-account" className={heading}>
            Your account
          </h2>
          <ul role="list" className="mt-3 space-y-2">
            <li>
              <IntentLink href="/account" className={link}>
                Account settings
              </IntentLink>
            </li>
            <li>
              <IntentLink href="/sign-in" className={link}>
                Sign in
              </IntentLink>
            </li>
            <li>
              <IntentLink href="/sign-up" className={link}>
                Create an account
              </IntentLink>
            </li>
          </ul>
        </nav>
      </div>
      <div className="border-t border-stone-100">
        <p className="mx-auto max-w-7xl px-4 py-4 text-xs text-muted">Every item on Agora is sold and shipped by an independent seller, under that seller&apos;s own return policy.</p>
      </div>
    </footer>
  );
}
