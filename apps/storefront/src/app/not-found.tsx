import { buttonClasses } from "@agora/ui/button";
import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight text-ink sm:text-3xl">We couldn&apos;t find that page</h1>
      <p className="mt-3 text-stone-600">The product, store or category may have been removed, or the link may be mistyped.</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/" className={buttonClasses("primary")}>
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
