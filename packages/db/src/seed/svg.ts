import { Rng } from "./random";

/**
 * Placeholder "product photography" for the demo catalogue, drawn as SVG at seed time (there is no
 * network to fetch photos from). Each image is a soft gradient studio backdrop in the category's
 * palette with a flat pictogram of the product type, so a grid of cards reads like a real shop.
 * Output is deterministic for the same input and never contains script or event attributes.
 */

export const PRODUCT_IMAGE_SIZE = 1200;
export const LOGO_SIZE = 256;
export const BANNER_WIDTH = 1600;
export const BANNER_HEIGHT = 400;

export const PICTOGRAM_KINDS = [
  "tent",
  "backpack",
  "camp-pot",
  "sleeping-bag",
  "rod",
  "lure",
  "tackle-box",
  "pan",
  "knife",
  "mug",
  "lamp",
  "cushion",
  "vase",
  "shirt",
  "jacket",
  "shoe",
  "tote",
  "headphones",
  "camera",
  "speaker",
  "tag",
] as const;
export type PictogramKind = (typeof PICTOGRAM_KINDS)[number];

const FONT_STACK = "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

interface Palette {
  primary: string;
  secondary: string;
  accent: string;
  ink: string;
  light: string;
  metal: string;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Hex rather than hsl(): every SVG rasteriser (browsers, librsvg, sharp) understands it. */
export function hsl(hue: number, saturation: number, lightness: number): string {
  const h = (((hue % 360) + 360) % 360) / 360;
  const s = Math.min(100, Math.max(0, saturation)) / 100;
  const l = Math.min(100, Math.max(0, lightness)) / 100;
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t0: number) => {
    let t = t0;
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    const v = t < 1 / 6 ? p + (q - p) * 6 * t : t < 1 / 2 ? q : t < 2 / 3 ? p + (q - p) * (2 / 3 - t) * 6 : p;
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(h + 1 / 3)}${channel(h)}${channel(h - 1 / 3)}`;
}

function productPalette(hue: number, accentOffset: number): Palette {
  return {
    primary: hsl(hue, 42, 42),
    secondary: hsl(hue + 16, 36, 68),
    accent: hsl(hue + accentOffset, 68, 56),
    ink: hsl(hue, 30, 20),
    light: hsl(hue, 40, 95),
    metal: "#dfe4e8",
  };
}

/** Pale tints for a pictogram drawn on a dark banner. */
function bannerPalette(hue: number): Palette {
  return {
    primary: hsl(hue, 30, 90),
    secondary: hsl(hue, 28, 74),
    accent: hsl(hue + 165, 70, 72),
    ink: hsl(hue, 35, 28),
    light: "#ffffff",
    metal: "#f1f4f6",
  };
}

/** Pictograms are drawn in a 400×400 box centred on the origin, resting on y ≈ 170. */
function pictogram(kind: PictogramKind, p: Palette): string {
  switch (kind) {
    case "tent":
      return [
        `<rect x="-235" y="160" width="470" height="12" rx="6" fill="${p.ink}" opacity="0.25"/>`,
        `<path d="M-195 165 L0 -150 L40 165 Z" fill="${p.primary}"/>`,
        `<path d="M0 -150 L195 165 L40 165 Z" fill="${p.secondary}"/>`,
        `<path d="M-45 165 L10 40 L75 165 Z" fill="${p.ink}" opacity="0.85"/>`,
        `<path d="M10 40 L75 165 L40 165 Z" fill="${p.light}" opacity="0.25"/>`,
        `<line x1="0" y1="-150" x2="0" y2="-190" stroke="${p.ink}" stroke-width="8" stroke-linecap="round"/>`,
        `<path d="M0 -190 L44 -178 L0 -164 Z" fill="${p.accent}"/>`,
        `<line x1="-195" y1="165" x2="-120" y2="40" stroke="${p.light}" stroke-width="4" opacity="0.35"/>`,
      ].join("");
    case "backpack":
      return [
        `<path d="M-40 -150 C-40 -200 40 -200 40 -150" fill="none" stroke="${p.ink}" stroke-width="14" stroke-linecap="round"/>`,
        `<rect x="-142" y="-70" width="26" height="200" rx="13" fill="${p.ink}" opacity="0.7"/>`,
        `<rect x="116" y="-70" width="26" height="200" rx="13" fill="${p.ink}" opacity="0.7"/>`,
        `<rect x="-122" y="-130" width="244" height="305" rx="62" fill="${p.primary}"/>`,
        `<rect x="-112" y="-155" width="224" height="95" rx="46" fill="${p.secondary}"/>`,
        `<rect x="-22" y="-72" width="44" height="26" rx="7" fill="${p.accent}"/>`,
        `<rect x="-82" y="40" width="164" height="110" rx="32" fill="${p.secondary}"/>`,
        `<line x1="-58" y1="72" x2="58" y2="72" stroke="${p.ink}" stroke-width="6" stroke-linecap="round" opacity="0.6"/>`,
        `<circle cx="62" cy="72" r="8" fill="${p.accent}"/>`,
      ].join("");
    case "camp-pot":
      return [
        `<rect x="-110" y="152" width="220" height="26" rx="10" fill="${p.ink}"/>`,
        `<path d="M-70 178 L-100 200 M70 178 L100 200" stroke="${p.ink}" stroke-width="10" stroke-linecap="round"/>`,
        `<path d="M-40 150 C-62 128 -50 108 -40 92 C-30 108 -18 128 -40 150 Z" fill="${p.accent}"/>`,
        `<path d="M0 150 C-26 124 -12 100 0 82 C12 100 26 124 0 150 Z" fill="${p.accent}"/>`,
        `<path d="M40 150 C18 128 30 108 40 92 C50 108 62 128 40 150 Z" fill="${p.accent}"/>`,
        `<path d="M-150 -40 C-150 -210 150 -210 150 -40" fill="none" stroke="${p.ink}" stroke-width="10"/>`,
        `<rect x="-150" y="-60" width="300" height="150" rx="28" fill="${p.primary}"/>`,
        `<rect x="-168" y="-78" width="336" height="32" rx="16" fill="${p.secondary}"/>`,
        `<rect x="-26" y="-112" width="52" height="36" rx="12" fill="${p.ink}"/>`,
        `<rect x="-120" y="-30" width="18" height="90" rx="9" fill="${p.light}" opacity="0.3"/>`,
      ].join("");
    case "sleeping-bag":
      return [
        `<rect x="-175" y="-90" width="305" height="180" rx="24" fill="${p.primary}"/>`,
        `<ellipse cx="-175" cy="0" rx="48" ry="90" fill="${p.ink}" opacity="0.35"/>`,
        `<ellipse cx="130" cy="0" rx="52" ry="90" fill="${p.secondary}"/>`,
        `<ellipse cx="130" cy="0" rx="32" ry="58" fill="none" stroke="${p.primary}" stroke-width="10"/>`,
        `<ellipse cx="130" cy="0" rx="13" ry="24" fill="${p.primary}"/>`,
        `<rect x="-115" y="-98" width="26" height="196" rx="9" fill="${p.ink}"/>`,
        `<rect x="10" y="-98" width="26" height="196" rx="9" fill="${p.ink}"/>`,
        `<rect x="-120" y="-16" width="36" height="32" rx="6" fill="${p.accent}"/>`,
        `<rect x="5" y="-16" width="36" height="32" rx="6" fill="${p.accent}"/>`,
        `<line x1="-160" y1="-50" x2="110" y2="-50" stroke="${p.light}" stroke-width="6" opacity="0.3"/>`,
      ].join("");
    case "rod":
      return [
        `<path d="M185 -185 C200 -60 185 40 150 120" fill="none" stroke="${p.ink}" stroke-width="3" opacity="0.55"/>`,
        `<circle cx="150" cy="128" r="12" fill="${p.accent}"/>`,
        `<line x1="-170" y1="165" x2="185" y2="-185" stroke="${p.ink}" stroke-width="9" stroke-linecap="round"/>`,
        `<circle cx="60" cy="-62" r="8" fill="none" stroke="${p.ink}" stroke-width="4"/>`,
        `<circle cx="125" cy="-126" r="6" fill="none" stroke="${p.ink}" stroke-width="4"/>`,
        `<line x1="-175" y1="170" x2="-85" y2="82" stroke="${p.secondary}" stroke-width="28" stroke-linecap="round"/>`,
        `<line x1="-62" y1="98" x2="-40" y2="122" stroke="${p.ink}" stroke-width="10"/>`,
        `<circle cx="-25" cy="140" r="52" fill="${p.primary}"/>`,
        `<circle cx="-25" cy="140" r="24" fill="${p.secondary}"/>`,
        `<line x1="-25" y1="140" x2="28" y2="168" stroke="${p.ink}" stroke-width="8" stroke-linecap="round"/>`,
        `<circle cx="30" cy="170" r="11" fill="${p.accent}"/>`,
      ].join("");
    case "lure":
      return [
        `<path d="M-40 70 L-40 128 C-40 160 -4 160 -4 130" fill="none" stroke="${p.ink}" stroke-width="7" stroke-linecap="round"/>`,
        `<path d="M60 66 L60 120 C60 152 96 152 96 122" fill="none" stroke="${p.ink}" stroke-width="7" stroke-linecap="round"/>`,
        `<path d="M-20 -78 C0 -132 52 -124 72 -74 Z" fill="${p.secondary}"/>`,
        `<path d="M128 0 L205 -74 L188 0 L205 74 Z" fill="${p.secondary}"/>`,
        `<path d="M-185 0 C-110 -112 80 -112 140 0 C80 112 -110 112 -185 0 Z" fill="${p.primary}"/>`,
        `<path d="M-150 30 C-80 80 60 80 125 20 C70 95 -90 100 -150 30 Z" fill="${p.light}" opacity="0.45"/>`,
        `<path d="M-10 -70 L-30 60 M40 -64 L20 62 M90 -44 L74 44" stroke="${p.accent}" stroke-width="14" stroke-linecap="round" opacity="0.85"/>`,
        `<path d="M-92 -52 C-72 -14 -72 18 -92 56" fill="none" stroke="${p.ink}" stroke-width="6" opacity="0.4"/>`,
        `<circle cx="-130" cy="-18" r="16" fill="#ffffff"/>`,
        `<circle cx="-127" cy="-18" r="8" fill="${p.ink}"/>`,
        `<path d="M-185 0 L-222 -12 L-222 12 Z" fill="${p.metal}"/>`,
      ].join("");
    case "tackle-box":
      return [
        `<path d="M-62 -92 L-62 -135 L62 -135 L62 -92" fill="none" stroke="${p.ink}" stroke-width="16" stroke-linejoin="round"/>`,
        `<rect x="-182" y="-40" width="364" height="210" rx="24" fill="${p.primary}"/>`,
        `<rect x="-194" y="-96" width="388" height="72" rx="22" fill="${p.secondary}"/>`,
        `<rect x="-150" y="20" width="300" height="120" rx="14" fill="${p.ink}" opacity="0.14"/>`,
        `<line x1="-50" y1="20" x2="-50" y2="140" stroke="${p.ink}" stroke-width="6" opacity="0.25"/>`,
        `<line x1="50" y1="20" x2="50" y2="140" stroke="${p.ink}" stroke-width="6" opacity="0.25"/>`,
        `<rect x="-22" y="-44" width="44" height="44" rx="9" fill="${p.accent}"/>`,
        `<rect x="-160" y="-80" width="120" height="10" rx="5" fill="${p.light}" opacity="0.35"/>`,
      ].join("");
    case "pan":
      return [
        `<path d="M88 -6 L222 -30 C238 -33 244 6 228 10 L94 38 Z" fill="${p.ink}"/>`,
        `<circle cx="212" cy="-10" r="8" fill="${p.light}" opacity="0.7"/>`,
        `<circle cx="-45" cy="20" r="150" fill="${p.ink}"/>`,
        `<circle cx="-45" cy="20" r="128" fill="${p.primary}"/>`,
        `<circle cx="-45" cy="20" r="110" fill="${p.ink}" opacity="0.18"/>`,
        `<path d="M-120 -10 C-130 -70 -40 -90 -10 -50 C30 -40 40 30 0 50 C-30 90 -110 70 -120 -10 Z" fill="#fbfaf6"/>`,
        `<circle cx="-58" cy="0" r="30" fill="${p.accent}"/>`,
        `<circle cx="-68" cy="-10" r="8" fill="#ffffff" opacity="0.6"/>`,
      ].join("");
    case "knife":
      return [
        `<rect x="-210" y="-130" width="420" height="270" rx="34" fill="${p.secondary}"/>`,
        `<circle cx="170" cy="-92" r="14" fill="${p.light}" opacity="0.6"/>`,
        `<g transform="rotate(-18)">`,
        `<path d="M-200 22 C-110 -40 50 -62 90 -62 L90 30 L-200 30 Z" fill="${p.metal}"/>`,
        `<path d="M-200 30 L90 30 L90 18 L-170 18 Z" fill="#b8c1c9"/>`,
        `<rect x="90" y="-66" width="20" height="100" rx="4" fill="${p.ink}"/>`,
        `<rect x="110" y="-54" width="150" height="74" rx="26" fill="${p.primary}"/>`,
        `<circle cx="146" cy="-17" r="7" fill="${p.accent}"/>`,
        `<circle cx="186" cy="-17" r="7" fill="${p.accent}"/>`,
        `<circle cx="226" cy="-17" r="7" fill="${p.accent}"/>`,
        `</g>`,
      ].join("");
    case "mug":
      return [
        `<path d="M-62 -112 C-84 -140 -40 -160 -62 -192 M-10 -112 C-32 -140 12 -160 -10 -192 M42 -112 C20 -140 64 -160 42 -192" fill="none" stroke="${p.secondary}" stroke-width="12" stroke-linecap="round" opacity="0.8"/>`,
        `<ellipse cx="-10" cy="162" rx="178" ry="24" fill="${p.secondary}"/>`,
        `<path d="M100 -30 C195 -30 195 112 100 112" fill="none" stroke="${p.primary}" stroke-width="30"/>`,
        `<rect x="-122" y="-84" width="224" height="236" rx="34" fill="${p.primary}"/>`,
        `<rect x="-106" y="-84" width="192" height="16" rx="8" fill="${p.ink}" opacity="0.75"/>`,
        `<rect x="-122" y="18" width="224" height="28" fill="${p.accent}"/>`,
        `<rect x="-96" y="-50" width="16" height="170" rx="8" fill="${p.light}" opacity="0.25"/>`,
      ].join("");
    case "lamp":
      return [
        `<path d="M-112 -40 L112 -40 L190 170 L-190 170 Z" fill="#fff1b8" opacity="0.45"/>`,
        `<rect x="-10" y="-40" width="20" height="172" fill="${p.ink}"/>`,
        `<ellipse cx="0" cy="150" rx="86" ry="22" fill="${p.ink}"/>`,
        `<rect x="-86" y="128" width="172" height="22" fill="${p.ink}"/>`,
        `<ellipse cx="0" cy="128" rx="86" ry="22" fill="${p.secondary}"/>`,
        `<circle cx="0" cy="-36" r="20" fill="#fff7d6"/>`,
        `<path d="M-124 -40 L-72 -178 L72 -178 L124 -40 Z" fill="${p.primary}"/>`,
        `<path d="M-124 -40 L124 -40 L120 -52 L-120 -52 Z" fill="${p.ink}" opacity="0.3"/>`,
        `<path d="M-72 -178 L-96 -110" stroke="${p.light}" stroke-width="8" stroke-linecap="round" opacity="0.35"/>`,
        `<line x1="48" y1="-40" x2="48" y2="14" stroke="${p.ink}" stroke-width="4"/>`,
        `<circle cx="48" cy="20" r="7" fill="${p.accent}"/>`,
      ].join("");
    case "cushion":
      return [
        `<rect x="-205" y="96" width="410" height="66" rx="16" fill="${p.secondary}"/>`,
        `<path d="M-185 162 l0 18 M-160 162 l0 18 M-135 162 l0 18 M135 162 l0 18 M160 162 l0 18 M185 162 l0 18" stroke="${p.secondary}" stroke-width="6" stroke-linecap="round"/>`,
        `<line x1="-205" y1="126" x2="205" y2="126" stroke="${p.ink}" stroke-width="4" opacity="0.15"/>`,
        `<path d="M-170 -140 Q0 -108 170 -140 Q142 -20 170 100 Q0 72 -170 100 Q-142 -20 -170 -140 Z" fill="${p.primary}"/>`,
        `<path d="M0 -100 L70 -20 L0 60 L-70 -20 Z" fill="none" stroke="${p.accent}" stroke-width="10" stroke-linejoin="round"/>`,
        `<path d="M-110 -100 L-70 -60 M110 -100 L70 -60 M-110 60 L-70 20 M110 60 L70 20" stroke="${p.light}" stroke-width="8" stroke-linecap="round" opacity="0.45"/>`,
        `<circle cx="0" cy="-20" r="12" fill="${p.secondary}"/>`,
      ].join("");
    case "vase":
      return [
        `<path d="M0 -128 C-6 -180 -40 -214 -82 -232" fill="none" stroke="${p.ink}" stroke-width="6" stroke-linecap="round"/>`,
        `<path d="M10 -128 C18 -190 52 -220 96 -226" fill="none" stroke="${p.ink}" stroke-width="6" stroke-linecap="round"/>`,
        `<ellipse cx="-52" cy="-196" rx="30" ry="12" transform="rotate(-35 -52 -196)" fill="${p.secondary}"/>`,
        `<ellipse cx="60" cy="-196" rx="30" ry="12" transform="rotate(30 60 -196)" fill="${p.secondary}"/>`,
        `<circle cx="-84" cy="-234" r="18" fill="${p.accent}"/>`,
        `<circle cx="98" cy="-228" r="14" fill="${p.accent}"/>`,
        `<path d="M-58 -118 C-58 -78 -112 -40 -112 42 C-112 132 -62 168 0 168 C62 168 112 132 112 42 C112 -40 58 -78 58 -118 Z" fill="${p.primary}"/>`,
        `<rect x="-70" y="-134" width="140" height="24" rx="10" fill="${p.secondary}"/>`,
        `<path d="M-106 40 C-40 64 40 64 106 40 L108 72 C40 96 -40 96 -108 72 Z" fill="${p.accent}" opacity="0.85"/>`,
        `<path d="M-70 -20 C-86 20 -88 70 -70 110" fill="none" stroke="${p.light}" stroke-width="10" stroke-linecap="round" opacity="0.35"/>`,
      ].join("");
    case "shirt":
      return [
        `<path d="M-72 -160 L-182 -112 L-224 -18 L-150 12 L-130 -30 L-130 172 L130 172 L130 -30 L150 12 L224 -18 L182 -112 L72 -160 C52 -122 -52 -122 -72 -160 Z" fill="${p.primary}"/>`,
        `<path d="M-72 -160 C-52 -118 52 -118 72 -160" fill="none" stroke="${p.secondary}" stroke-width="14" stroke-linecap="round"/>`,
        `<path d="M-224 -18 L-150 12 M224 -18 L150 12" stroke="${p.secondary}" stroke-width="10" stroke-linecap="round"/>`,
        `<rect x="48" y="-62" width="52" height="58" rx="6" fill="${p.secondary}" opacity="0.8"/>`,
        `<line x1="-130" y1="150" x2="130" y2="150" stroke="${p.ink}" stroke-width="4" opacity="0.2"/>`,
        `<path d="M-110 -110 L-110 120" stroke="${p.light}" stroke-width="10" stroke-linecap="round" opacity="0.18"/>`,
      ].join("");
    case "jacket":
      return [
        `<path d="M-80 -168 C-84 -242 84 -242 80 -168 C50 -140 -50 -140 -80 -168 Z" fill="${p.secondary}"/>`,
        `<path d="M-80 -168 L-188 -120 L-232 140 L-170 152 L-140 -20 L-140 180 L140 180 L140 -20 L170 152 L232 140 L188 -120 L80 -168 C50 -140 -50 -140 -80 -168 Z" fill="${p.primary}"/>`,
        `<path d="M-232 140 L-170 152 L-172 126 L-228 116 Z M232 140 L170 152 L172 126 L228 116 Z" fill="${p.ink}" opacity="0.45"/>`,
        `<line x1="0" y1="-146" x2="0" y2="180" stroke="${p.ink}" stroke-width="6"/>`,
        `<rect x="-9" y="-120" width="18" height="34" rx="5" fill="${p.accent}"/>`,
        `<path d="M-110 40 L-60 70 M110 40 L60 70" stroke="${p.ink}" stroke-width="6" stroke-linecap="round" opacity="0.5"/>`,
        `<rect x="-140" y="160" width="280" height="20" fill="${p.ink}" opacity="0.25"/>`,
      ].join("");
    case "shoe":
      return [
        `<path d="M-205 118 L200 118 C218 118 218 162 200 162 L-192 162 C-216 162 -216 118 -205 118 Z" fill="${p.light}"/>`,
        `<path d="M-205 150 L205 150" stroke="${p.ink}" stroke-width="6" opacity="0.25"/>`,
        `<path d="M-205 118 C-205 36 -186 -24 -134 -44 L-46 -64 C-6 -64 16 -24 58 -2 L168 36 C210 54 212 96 200 118 Z" fill="${p.primary}"/>`,
        `<path d="M120 20 L168 36 C210 54 212 96 200 118 L110 118 C120 80 112 50 120 20 Z" fill="${p.secondary}"/>`,
        `<path d="M-205 118 C-205 60 -196 20 -170 -10 L-150 -8 C-168 30 -172 70 -168 118 Z" fill="${p.accent}"/>`,
        `<path d="M-40 -40 L-10 -10 M-10 -30 L20 0 M20 -16 L50 12" stroke="${p.light}" stroke-width="9" stroke-linecap="round"/>`,
        `<path d="M-120 60 C-60 40 20 50 90 90" fill="none" stroke="${p.light}" stroke-width="8" stroke-linecap="round" opacity="0.5"/>`,
      ].join("");
    case "tote":
      return [
        `<path d="M-92 -40 C-92 -190 48 -190 48 -40" fill="none" stroke="${p.ink}" stroke-width="14" stroke-linecap="round"/>`,
        `<path d="M-48 -40 C-48 -180 92 -180 92 -40" fill="none" stroke="${p.secondary}" stroke-width="14" stroke-linecap="round"/>`,
        `<path d="M-152 -40 L152 -40 L182 172 L-182 172 Z" fill="${p.primary}"/>`,
        `<path d="M-152 -40 L152 -40 L156 -12 L-156 -12 Z" fill="${p.accent}"/>`,
        `<rect x="60" y="30" width="52" height="70" rx="8" fill="${p.light}" opacity="0.85"/>`,
        `<circle cx="86" cy="44" r="6" fill="${p.primary}"/>`,
        `<path d="M-120 20 L-134 150" stroke="${p.light}" stroke-width="10" stroke-linecap="round" opacity="0.25"/>`,
      ].join("");
    case "headphones":
      return [
        `<path d="M-150 50 C-150 -205 150 -205 150 50" fill="none" stroke="${p.primary}" stroke-width="30" stroke-linecap="round"/>`,
        `<path d="M-118 -40 C-96 -140 96 -140 118 -40" fill="none" stroke="${p.secondary}" stroke-width="12" stroke-linecap="round"/>`,
        `<rect x="-196" y="0" width="84" height="160" rx="38" fill="${p.primary}"/>`,
        `<rect x="112" y="0" width="84" height="160" rx="38" fill="${p.primary}"/>`,
        `<rect x="-124" y="18" width="26" height="124" rx="12" fill="${p.ink}"/>`,
        `<rect x="98" y="18" width="26" height="124" rx="12" fill="${p.ink}"/>`,
        `<circle cx="-162" cy="80" r="16" fill="${p.accent}"/>`,
        `<circle cx="162" cy="80" r="16" fill="${p.accent}"/>`,
      ].join("");
    case "camera":
      return [
        `<path d="M-76 -88 L-46 -140 L62 -140 L92 -88 Z" fill="${p.primary}"/>`,
        `<rect x="118" y="-120" width="54" height="32" rx="8" fill="${p.accent}"/>`,
        `<rect x="-192" y="-92" width="384" height="252" rx="36" fill="${p.primary}"/>`,
        `<rect x="-192" y="-30" width="384" height="36" fill="${p.ink}" opacity="0.25"/>`,
        `<rect x="-156" y="-74" width="62" height="30" rx="6" fill="${p.secondary}"/>`,
        `<circle cx="0" cy="40" r="104" fill="${p.ink}"/>`,
        `<circle cx="0" cy="40" r="76" fill="${p.secondary}"/>`,
        `<circle cx="0" cy="40" r="44" fill="${p.ink}" opacity="0.85"/>`,
        `<circle cx="-20" cy="20" r="14" fill="#ffffff" opacity="0.6"/>`,
      ].join("");
    case "speaker":
      return [
        `<path d="M150 -60 C182 -20 182 40 150 80 M186 -100 C236 -36 236 76 186 140" fill="none" stroke="${p.secondary}" stroke-width="12" stroke-linecap="round"/>`,
        `<path d="M-150 -60 C-182 -20 -182 40 -150 80 M-186 -100 C-236 -36 -236 76 -186 140" fill="none" stroke="${p.secondary}" stroke-width="12" stroke-linecap="round"/>`,
        `<rect x="-112" y="-168" width="224" height="338" rx="64" fill="${p.primary}"/>`,
        `<path d="M-112 -60 L112 -60 L112 106 C112 142 84 170 48 170 L-48 170 C-84 170 -112 142 -112 106 Z" fill="${p.ink}" opacity="0.18"/>`,
        `<ellipse cx="0" cy="-140" rx="72" ry="12" fill="${p.accent}"/>`,
        Array.from({ length: 5 }, (_, row) =>
          Array.from({ length: 5 }, (_, col) => `<circle cx="${-64 + col * 32}" cy="${-20 + row * 34}" r="5" fill="${p.light}" opacity="0.35"/>`).join(""),
        ).join(""),
      ].join("");
    case "tag":
      return [
        `<path d="M-160 -120 L40 -120 L180 20 L40 160 L-160 160 Z" fill="${p.primary}"/>`,
        `<circle cx="-110" cy="20" r="26" fill="${p.light}"/>`,
        `<path d="M-110 20 C-160 -60 -200 -120 -230 -170" fill="none" stroke="${p.ink}" stroke-width="6" stroke-linecap="round"/>`,
        `<rect x="-40" y="0" width="140" height="16" rx="8" fill="${p.secondary}"/>`,
        `<rect x="-40" y="40" width="90" height="16" rx="8" fill="${p.accent}"/>`,
      ].join("");
  }
}

export interface ProductImageInput {
  kind: PictogramKind;
  /** Base hue of the category palette, 0–360. */
  hue: number;
  /** Varies the hue shift and decoration, e.g. the listing id plus image number. */
  seed: string;
  /** 0 = hero shot, 1 = on a stage, 2 = close-up. */
  composition?: number;
  /** Small brand line in the corner; omitted for shared images. */
  label?: string;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

export function productImageSvg(input: ProductImageInput): string {
  const rng = new Rng(`img:${input.kind}:${input.seed}`);
  const hue = input.hue + rng.int(-18, 18);
  const p = productPalette(hue, rng.pick([140, 165, 195]));
  const size = PRODUCT_IMAGE_SIZE;
  const composition = (input.composition ?? 0) % 3;
  const bgFrom = hsl(hue - 10, 52, 96);
  const bgTo = hsl(hue + 14, 40, 85);
  const angle = rng.pick([0, 1, 2, 3]);
  const [x1, y1, x2, y2] = [
    [0, 0, 1, 1],
    [1, 0, 0, 1],
    [0, 0, 0, 1],
    [0.2, 0, 0.8, 1],
  ][angle] as [number, number, number, number];

  const defs = [
    `<linearGradient id="bg" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="${bgFrom}"/><stop offset="1" stop-color="${bgTo}"/></linearGradient>`,
    `<radialGradient id="glow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#ffffff" stop-opacity="0.9"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`,
    `<radialGradient id="shadow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="${p.ink}" stop-opacity="0.32"/><stop offset="1" stop-color="${p.ink}" stop-opacity="0"/></radialGradient>`,
    `<pattern id="dots" width="34" height="34" patternUnits="userSpaceOnUse"><circle cx="4" cy="4" r="3" fill="${p.primary}" fill-opacity="0.16"/></pattern>`,
  ];

  const layers: string[] = [`<rect width="${size}" height="${size}" fill="url(#bg)"/>`];
  let cx = 600;
  let cy = 570;
  let scale = 1.85;
  let rotate = rng.int(-4, 4);
  if (composition === 0) {
    const r = rng.int(140, 260);
    layers.push(`<circle cx="${rng.int(820, 1060)}" cy="${rng.int(120, 300)}" r="${r}" fill="${p.secondary}" opacity="0.16"/>`);
    layers.push(`<circle cx="600" cy="560" r="470" fill="url(#glow)"/>`);
  } else if (composition === 1) {
    layers.push(`<rect x="0" y="0" width="520" height="420" fill="url(#dots)"/>`);
    layers.push(`<path d="M230 1200 L230 520 C230 310 400 170 600 170 C800 170 970 310 970 520 L970 1200 Z" fill="${p.light}" opacity="0.75"/>`);
    layers.push(`<rect x="0" y="930" width="1200" height="270" fill="${p.secondary}" opacity="0.22"/>`);
    cy = 600;
    scale = 1.5;
    rotate = rng.pick([-8, -5, 5, 8]);
  } else {
    layers.push(`<circle cx="${rng.int(380, 820)}" cy="${rng.int(380, 820)}" r="560" fill="url(#glow)"/>`);
    layers.push(`<circle cx="${rng.int(80, 260)}" cy="${rng.int(900, 1100)}" r="${rng.int(120, 200)}" fill="${p.accent}" opacity="0.12"/>`);
    cx = rng.int(560, 700);
    cy = rng.int(560, 700);
    scale = 2.35;
    rotate = rng.pick([-12, 10, 14]);
  }

  const shadowY = cy + 182 * scale;
  layers.push(`<ellipse cx="${cx}" cy="${fmt(shadowY)}" rx="${fmt(250 * scale)}" ry="${fmt(30 * scale)}" fill="url(#shadow)"/>`);
  layers.push(`<g transform="translate(${cx} ${cy}) scale(${fmt(scale)}) rotate(${rotate})">${pictogram(input.kind, p)}</g>`);

  if (input.label && composition !== 2) {
    layers.push(
      `<text x="72" y="1128" font-family="${FONT_STACK}" font-size="34" font-weight="600" letter-spacing="3" fill="${p.ink}" fill-opacity="0.55">${escapeXml(input.label)}</text>`,
    );
    layers.push(`<rect x="72" y="1146" width="56" height="4" rx="2" fill="${p.accent}" opacity="0.8"/>`);
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><defs>${defs.join("")}</defs>${layers.join("")}</svg>\n`;
}

/** Two letters from the significant words of a shop name: "Cedar & Pine Camp Co." → "CP". */
export function monogram(name: string): string {
  const words = name
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((w) => w.length > 0 && !["and", "co", "the", "of"].includes(w.toLowerCase()));
  const letters = words.slice(0, 2).map((w) => w.charAt(0).toUpperCase());
  return letters.join("") || "A";
}

export function sellerLogoSvg(input: { name: string; hue: number }): string {
  const s = LOGO_SIZE;
  const from = hsl(input.hue, 45, 34);
  const to = hsl(input.hue + 28, 50, 48);
  const accent = hsl(input.hue + 165, 70, 70);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}">`,
    `<defs><linearGradient id="logo" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>`,
    `<rect width="${s}" height="${s}" rx="56" fill="url(#logo)"/>`,
    `<circle cx="128" cy="128" r="98" fill="none" stroke="#ffffff" stroke-opacity="0.28" stroke-width="3"/>`,
    `<text x="128" y="162" text-anchor="middle" font-family="${FONT_STACK}" font-size="96" font-weight="700" letter-spacing="-2" fill="#ffffff">${escapeXml(monogram(input.name))}</text>`,
    `<circle cx="128" cy="198" r="5" fill="${accent}"/>`,
    `</svg>\n`,
  ].join("");
}

const BANNER_PATTERNS = ["dots", "lines", "waves", "grid", "rings"] as const;
export type BannerPattern = (typeof BANNER_PATTERNS)[number];

function bannerPattern(pattern: BannerPattern): string {
  const stroke = `stroke="#ffffff" stroke-opacity="0.10" fill="none"`;
  switch (pattern) {
    case "dots":
      return `<pattern id="texture" width="28" height="28" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="2.5" fill="#ffffff" fill-opacity="0.12"/></pattern>`;
    case "lines":
      return `<pattern id="texture" width="24" height="24" patternUnits="userSpaceOnUse" patternTransform="rotate(35)"><line x1="0" y1="0" x2="0" y2="24" ${stroke} stroke-width="6"/></pattern>`;
    case "waves":
      return `<pattern id="texture" width="80" height="32" patternUnits="userSpaceOnUse"><path d="M0 16 C20 0 40 0 40 16 C40 32 60 32 80 16" ${stroke} stroke-width="3"/></pattern>`;
    case "grid":
      return `<pattern id="texture" width="40" height="40" patternUnits="userSpaceOnUse"><path d="M40 0 L0 0 0 40" ${stroke} stroke-width="2"/></pattern>`;
    case "rings":
      return `<pattern id="texture" width="120" height="120" patternUnits="userSpaceOnUse"><circle cx="60" cy="60" r="22" ${stroke} stroke-width="3"/><circle cx="60" cy="60" r="44" ${stroke} stroke-width="3"/></pattern>`;
  }
}

export function sellerBannerSvg(input: { hue: number; seed: string; kind: PictogramKind; pattern?: BannerPattern }): string {
  const rng = new Rng(`banner:${input.seed}`);
  const w = BANNER_WIDTH;
  const h = BANNER_HEIGHT;
  const pattern = input.pattern ?? rng.pick(BANNER_PATTERNS);
  const from = hsl(input.hue, 42, 26);
  const to = hsl(input.hue + 22, 48, 44);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<defs>`,
    `<linearGradient id="sky" x1="0" y1="0" x2="1" y2="0.4"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>`,
    `<radialGradient id="sun" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#ffffff" stop-opacity="0.22"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`,
    bannerPattern(pattern),
    `</defs>`,
    `<rect width="${w}" height="${h}" fill="url(#sky)"/>`,
    `<rect width="${w}" height="${h}" fill="url(#texture)"/>`,
    `<circle cx="${rng.int(1180, 1420)}" cy="${rng.int(140, 260)}" r="360" fill="url(#sun)"/>`,
    `<circle cx="${rng.int(80, 400)}" cy="${rng.int(360, 460)}" r="${rng.int(160, 260)}" fill="#ffffff" opacity="0.05"/>`,
    `<path d="M0 ${h} L0 ${rng.int(300, 340)} C300 ${rng.int(250, 300)} 700 ${rng.int(330, 370)} 1000 ${rng.int(290, 320)} C1250 ${rng.int(260, 300)} 1450 ${rng.int(320, 350)} ${w} ${rng.int(300, 330)} L${w} ${h} Z" fill="#000000" opacity="0.12"/>`,
    `<g transform="translate(1330 200) scale(0.72) rotate(-6)">${pictogram(input.kind, bannerPalette(input.hue))}</g>`,
    `</svg>\n`,
  ].join("");
}
