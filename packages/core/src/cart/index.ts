export { findCartId, isGuestCartToken, newGuestCartToken, type CartOwner } from "./owner";
export {
  cartItemCount,
  cartViewById,
  getCartView,
  variantLabel,
  type CartLine,
  type CartLineProblem,
  type CartSellerGroup,
  type CartView,
} from "./cart-view";
export { addToCart, removeCartLine, setCartLineQuantity } from "./cart-lines";
export { chooseDelivery } from "./delivery-choice";
export { mergeGuestCart } from "./merge";
