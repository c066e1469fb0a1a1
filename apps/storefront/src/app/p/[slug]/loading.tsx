import { ProductSkeleton } from "~/components/skeletons";

export default function Loading() {
  return <ProductSkeleton />;
}
