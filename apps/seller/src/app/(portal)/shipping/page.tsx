import { COUNTRY_CODES } from "@agora/validators";
import type { Metadata } from "next";
import { PageHeader } from "~/components/page-header";
import { requireStore } from "~/lib/session";
import { api } from "~/trpc/server";
import { ShippingSettings, type CountryOption, type TimeZoneGroup } from "./shipping-settings";

export const metadata: Metadata = { title: "Shipping" };

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** Country names for the ships-to picker, computed here so the browser's own data cannot disagree. */
function countryOptions(): CountryOption[] {
  return COUNTRY_CODES.map((code) => ({ code, name: regionNames.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name, "en"),
  );
}

function offsetOf(timeZone: string, now: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(now)
    .find((p) => p.type === "timeZoneName");
  return (part?.value ?? "GMT").replace("-", "−");
}

/** IANA zones grouped by region ("America", "Europe"…), labelled with their current offset. */
function timeZoneGroups(current: string | undefined): TimeZoneGroup[] {
  const now = new Date();
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  if (current && current !== "UTC") zones.add(current);
  const groups = new Map<string, TimeZoneGroup>();
  for (const zone of [...zones].sort()) {
    const [region = zone, ...rest] = zone.split("/");
    const place = (rest.length ? rest.join(" / ") : region).replaceAll("_", " ");
    const group = groups.get(region) ?? { label: region, zones: [] };
    group.zones.push({ value: zone, label: `${place} (${offsetOf(zone, now)})` });
    groups.set(region, group);
  }
  return [{ label: "Universal", zones: [{ value: "UTC", label: "UTC (GMT)" }] }, ...groups.values()];
}

export default async function ShippingPage() {
  await requireStore();
  const caller = await api();
  const [{ profile, methods }, locations] = await Promise.all([caller.seller.shipping.get(), caller.seller.locations.list()]);
  const locationCountries = [...new Set(locations.map((l) => l.country.trim().toUpperCase()))];

  return (
    <>
      <PageHeader
        title="Shipping"
        description="When orders leave and how they travel. Product pages, the cart and checkout show shoppers delivery dates worked out from these settings."
      />
      <ShippingSettings
        profile={
          profile && {
            handlingDays: profile.handlingDays,
            cutoffHour: profile.cutoffHour,
            timeZone: profile.timeZone,
            shipsTo: profile.shipsTo,
          }
        }
        defaultShipsTo={locationCountries.length ? locationCountries : ["US"]}
        methods={methods.map((m) => ({
          id: m.id,
          name: m.name,
          transitDaysMin: m.transitDaysMin,
          transitDaysMax: m.transitDaysMax,
          priceMinor: m.priceMinor,
          freeOverMinor: m.freeOverMinor,
          active: m.active,
        }))}
        pickupLocations={locations.filter((l) => l.pickupEnabled).map((l) => ({ id: l.id, name: l.name, city: l.city }))}
        timeZones={timeZoneGroups(profile?.timeZone)}
        countries={countryOptions()}
      />
    </>
  );
}
