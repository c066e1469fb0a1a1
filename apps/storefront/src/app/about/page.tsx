import type { Metadata } from "next";
import { PaintedLink } from "~/components/painted-link";
import { env } from "~/env";

export const metadata: Metadata = {
  title: "About Agora",
  description:
    "Agora is a marketplace of independent shops: one checkout across sellers, stock you can trust, honest delivery dates and clear returns. Here is how it works for shoppers and for sellers.",
};

const shopperPromises = [
  {
    title: "Independent shops, one checkout",
    body: "Every listing comes from a shop that runs its own store page, with its story, contact details and policies. Put items from several shops in one cart and pay once; each shop ships its own part and you can follow every parcel.",
  },
  {
    title: "Stock you can trust",
    body: "Shops keep stock for each size, colour and location. When a page says only a few are left, that is the real count, and an item that has sold out cannot be bought by mistake.",
  },
  {
    title: "Delivery dates before you pay",
    body: "You see an estimated delivery window on the product page, in your cart and at checkout. If a shop runs late, it posts a new date and you are told straight away.",
  },
  {
    title: "Returns without the runaround",
    body: "Each shop publishes its return policy on its store page. You start a return from your order, and if you and the shop cannot agree, the Agora team steps in.",
  },
  {
    title: "A community, not just a catalogue",
    body: "Read guides and stories, ask questions on product pages and share what you bought. Reviews from people who bought the item carry a verified-buyer badge.",
  },
  {
    title: "Your data, your choice",
    body: "Personal recommendations and marketing messages are off until you switch them on, and you can change your mind, download your data or close your account at any time.",
  },
] as const;

const sellerSteps = [
  {
    title: "Apply",
    body: "Tell us about your shop, what you sell and where you ship from.",
  },
  {
    title: "Get reviewed",
    body: "The Agora team checks every application before a shop goes live, so shoppers know who they are buying from.",
  },
  {
    title: "Set up your store page",
    body: "Add your logo, banner, the story behind your shop, your contact details and your return policy.",
  },
  {
    title: "List and stock your products",
    body: "Create listings with options like size and colour, photos, details and prices, and keep stock for each of your locations.",
  },
  {
    title: "Fulfil and get paid",
    body: "Orders arrive split by shop, so you only see and ship your part. Sales, returns and payouts are all in your seller portal.",
  },
] as const;

const fairPlay = [
  "Shops are reviewed before they can sell, and listings that break the rules are taken down.",
  "Prices, discounts and shipping are checked again at checkout, so you pay exactly what the shop charges today.",
  "A shop only ever sees its own listings, stock and orders, and never another shop's customers.",
] as const;

export default function AboutPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 pb-4">
      <header className="border-b border-stone-200 py-10 sm:py-14">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">About Agora</p>
        <h1 className="mt-2 max-w-3xl text-3xl leading-tight font-bold text-ink sm:text-4xl">
          Independent shops, one marketplace you can rely on
        </h1>
        <p className="mt-4 max-w-2xl text-lg leading-relaxed text-stone-700">
          Agora brings together independent sellers of outdoor gear, home goods and more. You browse and buy from many shops in
          one place, and every shop plays by the same rules: real stock counts, honest delivery dates and clear returns.
        </p>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <PaintedLink
            href="/"
            className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-5 text-sm font-medium text-white transition-colors hover:bg-brand-700"
          >
            Start shopping
          </PaintedLink>
          <a
            href="#for-sellers"
            className="inline-flex min-h-11 items-center justify-center rounded-lg bg-white px-5 text-sm font-medium text-ink ring-1 ring-stone-300 transition-colors hover:bg-stone-100"
          >
            Selling on Agora
          </a>
        </div>
      </header>

      <section aria-labelledby="for-shoppers" className="py-10 sm:py-12">
        <h2 id="for-shoppers" className="text-2xl font-bold text-ink">
          For shoppers
        </h2>
        <p className="mt-2 max-w-2xl text-stone-700">
          Shopping from small shops should feel as dependable as shopping from a big one. This is what Agora promises on every
          order.
        </p>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shopperPromises.map((item) => (
            <li key={item.title} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-stone-200">
              <h3 className="font-semibold text-ink">{item.title}</h3>
              <p className="mt-2 text-[15px] leading-relaxed text-stone-700">{item.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="for-sellers" className="scroll-mt-6 border-t border-stone-200 py-10 sm:py-12">
        <h2 id="for-sellers" className="text-2xl font-bold text-ink">
          For sellers
        </h2>
        <p className="mt-2 max-w-2xl text-stone-700">
          Agora gives independent shops a storefront, a checkout and a community of shoppers, while you keep your own brand, your
          own stock and your own customers&rsquo; trust. Getting started takes five steps.
        </p>
        <ol className="mt-6 grid gap-4 lg:grid-cols-5">
          {sellerSteps.map((step, index) => (
            <li
              key={step.title}
              className="flex gap-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-stone-200 lg:flex-col lg:gap-3"
            >
              <span
                className="flex size-9 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-bold text-brand-700 ring-1 ring-brand-100"
                aria-hidden
              >
                {index + 1}
              </span>
              <div>
                <h3 className="font-semibold text-ink">
                  <span className="sr-only">Step {index + 1}: </span>
                  {step.title}
                </h3>
                <p className="mt-1 text-[15px] leading-relaxed text-stone-700">{step.body}</p>
              </div>
            </li>
          ))}
        </ol>
        <p className="mt-6 max-w-2xl text-stone-700">
          Shops also answer product questions, reply to reviews and export product feeds that are checked for problems before they
          go out, so your listings look right wherever shoppers find them.
        </p>
        <a
          href={env.SELLER_URL}
          className="mt-6 inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-5 text-sm font-medium text-white transition-colors hover:bg-brand-700"
        >
          Open a shop on Agora
        </a>
      </section>

      <section aria-labelledby="fair-play" className="border-t border-stone-200 py-10 sm:py-12">
        <div className="rounded-2xl bg-brand-900 p-6 text-white sm:p-8">
          <h2 id="fair-play" className="text-2xl font-bold">
            The same rules for everyone
          </h2>
          <p className="mt-2 max-w-2xl text-brand-100">
            The Agora team runs the marketplace: it approves shops, moderates listings and community posts, and settles disputes
            between shoppers and sellers.
          </p>
          <ul className="mt-5 space-y-3">
            {fairPlay.map((rule) => (
              <li key={rule} className="flex gap-3 leading-relaxed">
                <svg viewBox="0 0 20 20" className="mt-1 size-4 shrink-0 fill-brand-100" aria-hidden>
                  <path d="M8.2 13.6 4.6 10l-1.4 1.4 5 5 9-9-1.4-1.4z" />
                </svg>
                <span>{rule}</span>
              </li>
            ))}
          </ul>
          <PaintedLink
            href="/"
            className="mt-6 inline-flex min-h-11 items-center justify-center rounded-lg bg-white px-5 text-sm font-medium text-brand-900 transition-colors hover:bg-brand-50 focus-visible:outline-white"
          >
            Browse the marketplace
          </PaintedLink>
        </div>
      </section>
    </div>
  );
}
