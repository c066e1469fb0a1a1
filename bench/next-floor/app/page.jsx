const paragraphs = [
  "A marketplace is only as good as the trust between the people on both sides of it. Shoppers want to know that what they see is in stock, that the price they are shown is the price they pay, and that a parcel will arrive when the page said it would.",
  "Sellers want a fair place to trade: clear rules, quick payouts, tools that do not get in the way, and customers who come back because the whole experience was good, not only the product.",
  "A community around the catalogue turns a shop into a place people return to. Stories and guides explain how to choose, forums let members help each other, and reviews and questions tell the next shopper what the listing cannot.",
  "Delivery promises are front-office features. An honest date range, a clear note when a seller is running late, and an easy return when something is not right earn more loyalty than any discount.",
  "Personalisation helps only when people have chosen it. Recommendations built from what someone viewed and bought are useful when they are asked for, and never shown to those who said no.",
  "Good product data sells. A title in capitals, a missing image or a price that does not match the page costs a listing its place in a shopping feed, so feeds are checked before they go out.",
  "Membership pays off for shops of every size: free shipping, member prices and points that arrive as an apology when an order is late make people feel looked after.",
  "Every page should be quick on a phone over a slow connection, readable at any size, and usable with a keyboard or a screen reader, because that is how most people shop.",
  "This page is the smallest a site built this way can send: text, a title and the framework that makes every other page interactive.",
];

export default function Page() {
  return (
    <main>
      <h1>About this marketplace</h1>
      {paragraphs.map((text) => (
        <p key={text.slice(0, 24)}>{text}</p>
      ))}
    </main>
  );
}
