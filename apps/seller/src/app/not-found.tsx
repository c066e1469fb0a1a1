import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-20 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">This page does not exist</h1>
      <p className="mt-4">
        <Link href="/" className="font-medium text-brand-700 underline">
          Go to the seller portal
        </Link>
      </p>
    </main>
  );
}
