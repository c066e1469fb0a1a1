import { describe, expect, it } from "vitest";
import { dispatchDate, estimateDelivery, estimatePickup, formatDateRange, isIsoDate } from "./delivery-estimate";

const timing = { handlingDays: 1, cutoffHour: 14, timeZone: "UTC" };
const standard = { transitDaysMin: 2, transitDaysMax: 4 };

// 2026-11-24 is a Tuesday.
const tuesdayMorning = new Date("2026-11-24T09:00:00Z");
const tuesdayEvening = new Date("2026-11-24T15:00:00Z");

describe("estimateDelivery", () => {
  it("counts handling then transit in business days from an order before the cut-off", () => {
    // Handling starts Tue, dispatch Wed 25; +2 → Fri 27, +4 → Tue Dec 1.
    expect(estimateDelivery(timing, standard, tuesdayMorning)).toEqual({ from: "2026-11-27", to: "2026-12-01" });
  });

  it("starts on the next business day after the cut-off", () => {
    expect(estimateDelivery(timing, standard, tuesdayEvening)).toEqual({ from: "2026-11-30", to: "2026-12-02" });
  });

  it("skips weekends: a Saturday order starts on Monday", () => {
    const saturday = new Date("2026-11-28T10:00:00Z");
    expect(dispatchDate(timing, saturday)).toBe("2026-12-01");
    expect(dispatchDate({ ...timing, handlingDays: 0 }, saturday)).toBe("2026-11-30");
  });

  it("uses the seller's time zone for the cut-off", () => {
    // 15:00 UTC is 10:00 in New York: before a 14:00 cut-off there.
    expect(dispatchDate({ ...timing, timeZone: "America/New_York" }, tuesdayEvening)).toBe("2026-11-25");
  });

  it("falls back to UTC for an unknown time zone", () => {
    expect(dispatchDate({ ...timing, timeZone: "Mars/Olympus" }, tuesdayMorning)).toBe("2026-11-25");
  });

  it("makes pickup ready on the dispatch day", () => {
    expect(estimatePickup(timing, tuesdayMorning)).toEqual({ from: "2026-11-25", to: "2026-11-25" });
  });
});

describe("formatting and parsing", () => {
  it("formats one day and a range", () => {
    expect(formatDateRange({ from: "2026-11-27", to: "2026-11-27" })).toBe("Fri, Nov 27");
    expect(formatDateRange({ from: "2026-11-27", to: "2026-12-01" })).toBe("Fri, Nov 27 – Tue, Dec 1");
  });

  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("28/02/2026")).toBe(false);
  });
});
