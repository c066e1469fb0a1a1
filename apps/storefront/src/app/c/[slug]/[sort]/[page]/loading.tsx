import { BrowseSkeleton } from "~/components/skeletons";

export default function Loading() {
  return <BrowseSkeleton />;
}
