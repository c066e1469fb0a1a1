import { buttonClasses } from "@agora/ui/button";
import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">We could not find that</h1>
      <p className="mt-2 text-sm text-muted">It may have been deleted, or it belongs to another store.</p>
      <Link href="/listings" className={`${buttonClasses("secondary")} mt-6`}>
        Go to your listings
      </Link>
    </div>
  );
}
