import { describe, expect, it } from "vitest";
import { imageFileKey, imageSources, mediaUrl } from "./urls";

describe("imageSources", () => {
  it("serves a vector original as one SVG file without srcset", () => {
    expect(imageSources({ storageKey: "seed/listings/abc/0", widths: [] })).toEqual({
      src: "/media/seed/listings/abc/0.svg",
      srcSet: undefined,
    });
  });

  it("picks the smallest rendition at least as wide as preferred, and lists all widths in srcset", () => {
    const image = { storageKey: "listings/l1/i1", widths: [1280, 320, 640] };
    expect(imageSources(image)).toEqual({
      src: "/media/listings/l1/i1-640.webp",
      srcSet: "/media/listings/l1/i1-320.webp 320w, /media/listings/l1/i1-640.webp 640w, /media/listings/l1/i1-1280.webp 1280w",
    });
    expect(imageSources(image, 400).src).toBe("/media/listings/l1/i1-640.webp");
    expect(imageSources(image, 100).src).toBe("/media/listings/l1/i1-320.webp");
  });

  it("falls back to the largest rendition when none is wide enough", () => {
    expect(imageSources({ storageKey: "k", widths: [320, 640] }, 2000).src).toBe("/media/k-640.webp");
  });
});

describe("imageFileKey", () => {
  it("uses the largest width when the asked width was not rendered", () => {
    expect(imageFileKey({ storageKey: "k", widths: [320, 640] }, 500)).toBe("k-640.webp");
    expect(imageFileKey({ storageKey: "k", widths: [320, 640] }, 320)).toBe("k-320.webp");
    expect(imageFileKey({ storageKey: "k", widths: [320, 640] })).toBe("k-640.webp");
  });
});

describe("mediaUrl", () => {
  it("prefixes a key and passes missing keys through as null", () => {
    expect(mediaUrl("sellers/s/logo.webp")).toBe("/media/sellers/s/logo.webp");
    expect(mediaUrl(null)).toBeNull();
    expect(mediaUrl(undefined)).toBeNull();
    expect(mediaUrl("")).toBeNull();
  });
});
