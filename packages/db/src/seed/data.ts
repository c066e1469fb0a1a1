import type { BannerPattern, PictogramKind } from "./svg";

/**
 * What the demo marketplace sells and who sells it. Brands, shops and people are invented;
 * word lists are combined by a seeded generator into titles, descriptions, variants and stock.
 */

export interface OptionSpec {
  name: string;
  values: readonly string[];
  /** Each later value costs this much more (percent of the base price), e.g. bigger sizes. */
  priceStepPct?: number;
}

export interface AttributeSpec {
  name: string;
  values: readonly string[];
}

export interface SubcategorySpec {
  slug: string;
  name: string;
  pictogram: PictogramKind;
  nouns: readonly string[];
  descriptors: readonly string[];
  /** Base price range in whole dollars. */
  priceRange: readonly [number, number];
  /** Candidate option combinations; an empty one means a single-variant listing. */
  optionSets: readonly (readonly OptionSpec[])[];
  attributes: readonly AttributeSpec[];
  features: readonly string[];
  /** Share of listings sold used or refurbished. */
  secondHandShare?: number;
}

export interface TopCategorySpec {
  slug: string;
  name: string;
  hue: number;
  brands: readonly string[];
  uses: readonly string[];
  promises: readonly string[];
  care: readonly string[];
  subcategories: readonly SubcategorySpec[];
}

const opt = (name: string, values: readonly string[], priceStepPct?: number): OptionSpec => ({ name, values, priceStepPct });
const attr = (name: string, values: readonly string[]): AttributeSpec => ({ name, values });

const SIZES_APPAREL = ["XS", "S", "M", "L", "XL"];

export const CATEGORY_TREE: readonly TopCategorySpec[] = [
  {
    slug: "outdoor",
    name: "Outdoor",
    hue: 148,
    brands: ["Ridgeline", "Alderpeak", "Trailmark", "Northfold", "Granite Bay", "Cairn & Co."],
    uses: ["long weekends in the backcountry", "fast-and-light overnighters", "family camping trips", "shoulder-season hikes", "thru-hikes and bikepacking trips"],
    promises: [
      "Every seam is taped and every buckle is field-tested before it leaves the workshop.",
      "It packs down small and sets up in minutes, even with cold hands.",
      "Made with recycled fabrics and PFC-free water repellents.",
      "It has been dragged up real mountains by our test team, not just photographed on them.",
    ],
    care: ["Dry fully before storing.", "Spot clean with mild soap; never machine wash.", "Store loosely in a cool, dry place."],
    subcategories: [
      {
        slug: "tents-shelters",
        name: "Tents & Shelters",
        pictogram: "tent",
        nouns: ["Backpacking Tent", "Dome Tent", "Trekking Pole Shelter", "Family Cabin Tent", "Bivy Shelter", "Tarp Shelter"],
        descriptors: ["Ultralight", "Four-Season", "Trail", "Basecamp", "Alpine", "Featherweight", "Stormproof"],
        priceRange: [89, 549],
        optionSets: [[opt("Capacity", ["1-Person", "2-Person", "3-Person", "4-Person"], 18)], [opt("Colour", ["Sage", "Sand", "Rust", "Slate"])], []],
        attributes: [
          attr("Material", ["20D ripstop nylon", "Silnylon", "68D polyester", "Dyneema composite"]),
          attr("Packed Weight", ["1.1 kg", "1.6 kg", "2.3 kg", "3.8 kg"]),
          attr("Season Rating", ["3-season", "3+ season", "4-season"]),
          attr("Waterproof Rating", ["1,500 mm", "3,000 mm", "5,000 mm"]),
        ],
        features: [
          "Two doors and two vestibules, so nobody climbs over anybody at 3 a.m.",
          "Colour-coded clips and poles for a five-minute pitch",
          "Fully taped seams and a bathtub floor",
          "Mesh inner for airflow on warm nights",
          "Reflective guy lines and aluminium stakes included",
          "Packs into a compression stuff sack",
        ],
      },
      {
        slug: "backpacks",
        name: "Backpacks",
        pictogram: "backpack",
        nouns: ["Daypack", "Hiking Pack", "Travel Pack", "Hydration Pack", "Summit Pack", "Roll-Top Pack"],
        descriptors: ["Trail", "Everyday", "Expedition", "Lightweight", "Ventilated", "Weatherproof"],
        priceRange: [49, 279],
        optionSets: [
          [opt("Capacity", ["18 L", "24 L", "32 L", "45 L"], 12)],
          [opt("Colour", ["Moss", "Charcoal", "Ochre", "Glacier Blue"])],
          [opt("Size", ["S/M", "M/L"]), opt("Colour", ["Moss", "Charcoal", "Ochre"])],
        ],
        attributes: [
          attr("Material", ["210D recycled nylon", "420D Cordura", "Waxed canvas", "Recycled polyester"]),
          attr("Weight", ["0.6 kg", "0.9 kg", "1.3 kg", "1.7 kg"]),
          attr("Back System", ["Suspended mesh", "Framesheet", "Frameless"]),
          attr("Hydration Compatible", ["Yes", "No"]),
        ],
        features: [
          "Adjustable torso length for a proper fit",
          "Hip-belt pockets big enough for a phone",
          "Stretch side pockets that hold a 1 L bottle",
          "Integrated rain cover in the base",
          "Lockable zips on the main compartment",
          "Padded laptop sleeve up to 16 inches",
        ],
      },
      {
        slug: "camp-kitchen",
        name: "Camp Kitchen",
        pictogram: "camp-pot",
        nouns: ["Camp Stove", "Cook Set", "Titanium Pot", "Percolator", "Camp Kettle", "Insulated Mug"],
        descriptors: ["Compact", "Backcountry", "Nesting", "Lightweight", "Trail", "Basecamp"],
        priceRange: [19, 189],
        optionSets: [[], [opt("Colour", ["Forest", "Ember", "Graphite"])], [opt("Capacity", ["750 ml", "1.1 L", "1.6 L"], 14)]],
        attributes: [
          attr("Material", ["Titanium", "Hard-anodised aluminium", "Stainless steel", "Enamelled steel"]),
          attr("Weight", ["120 g", "340 g", "780 g", "2.4 kg"]),
          attr("Fuel Type", ["Isobutane canister", "Propane", "Multi-fuel", "Not applicable"]),
          attr("Dishwasher Safe", ["Yes", "No"]),
        ],
        features: [
          "Nests inside itself with room for a fuel canister",
          "Folding, heat-resistant handles",
          "Boils a litre of water in about four minutes",
          "Wind-shielded burner with piezo ignition",
          "Measurement marks inside the pot",
        ],
      },
      {
        slug: "sleeping-bags",
        name: "Sleeping Bags & Pads",
        pictogram: "sleeping-bag",
        nouns: ["Down Sleeping Bag", "Synthetic Sleeping Bag", "Camp Quilt", "Sleeping Pad", "Sleeping Bag Liner"],
        descriptors: ["Three-Season", "Four-Season", "Ultralight", "Packable", "Expedition"],
        priceRange: [39, 429],
        optionSets: [[opt("Length", ["Regular", "Long"], 8)], [opt("Zip", ["Left Zip", "Right Zip"])], [opt("Length", ["Regular", "Long"], 8), opt("Zip", ["Left Zip", "Right Zip"])]],
        attributes: [
          attr("Comfort Rating", ["-7 °C", "-2 °C", "4 °C", "10 °C"]),
          attr("Fill", ["650-fill responsibly sourced down", "800-fill goose down", "Recycled synthetic"]),
          attr("Packed Size", ["14 × 25 cm", "18 × 32 cm", "22 × 40 cm"]),
          attr("Weight", ["480 g", "820 g", "1.2 kg", "1.9 kg"]),
        ],
        features: [
          "Draught collar and insulated zip baffle",
          "Contoured hood with a single-hand drawcord",
          "Zips together with a matching left/right bag",
          "Storage sack and compression sack included",
          "Water-resistant shell for damp tents",
        ],
      },
    ],
  },
  {
    slug: "fishing",
    name: "Fishing",
    hue: 196,
    brands: ["Eddyline", "Stillwater", "Castwell", "Riffle & Reed", "Deepcove", "Kingfisher Tackle"],
    uses: ["early mornings on the river", "weekend trips to the lake", "inshore saltwater sessions", "fly fishing on small streams", "kayak fishing"],
    promises: [
      "Tested by our guides over a full season before we put our name on it.",
      "Balanced for all-day casting without a sore wrist.",
      "Corrosion-resistant hardware that shrugs off salt and spray.",
      "Built to be repaired, not replaced: spare parts are available for years.",
    ],
    care: ["Rinse with fresh water after every trip.", "Dry before storing and keep out of direct sun.", "A drop of reel oil each season keeps it smooth."],
    subcategories: [
      {
        slug: "rods-reels",
        name: "Rods & Reels",
        pictogram: "rod",
        nouns: ["Spinning Rod", "Casting Rod", "Fly Rod", "Spinning Reel", "Baitcasting Reel", "Rod & Reel Combo", "Travel Rod"],
        descriptors: ["Graphite", "Carbon", "Inshore", "Freshwater", "Telescopic", "Lightweight", "Tournament"],
        priceRange: [39, 399],
        optionSets: [
          [opt("Length", ["6'6\"", "7'0\"", "7'6\"", "9'0\""], 8)],
          [opt("Power", ["Light", "Medium", "Medium Heavy"])],
          [opt("Length", ["6'6\"", "7'0\"", "7'6\""], 8), opt("Power", ["Medium", "Medium Heavy"])],
          [],
        ],
        attributes: [
          attr("Material", ["30T carbon", "IM8 graphite", "Fibreglass composite"]),
          attr("Pieces", ["1", "2", "4"]),
          attr("Line Weight", ["4–10 lb", "8–17 lb", "12–25 lb"]),
          attr("Bearings", ["5+1", "7+1", "10+1"]),
        ],
        features: [
          "Fuji-style guides with alumina inserts",
          "Split cork and EVA grip",
          "Sealed carbon drag for smooth runs",
          "Comes in a padded rod sock",
          "Two-year no-questions warranty",
        ],
        secondHandShare: 0.08,
      },
      {
        slug: "lures-flies",
        name: "Lures & Flies",
        pictogram: "lure",
        nouns: ["Crankbait", "Jerkbait", "Spinnerbait", "Soft Plastic Swimbait", "Topwater Popper", "Jig Head Kit", "Spoon Lure"],
        descriptors: ["Shallow-Diving", "Weedless", "Rattling", "Saltwater", "Freshwater", "Bass"],
        priceRange: [5, 39],
        optionSets: [
          [opt("Colour", ["Firetiger", "Chartreuse Shad", "Natural Perch", "Ghost Minnow", "Black/Blue"])],
          [opt("Weight", ["1/8 oz", "1/4 oz", "3/8 oz", "1/2 oz"], 6)],
          [opt("Weight", ["1/4 oz", "3/8 oz"], 6), opt("Colour", ["Firetiger", "Natural Perch", "Ghost Minnow"])],
          [],
        ],
        attributes: [
          attr("Length", ["5 cm", "7 cm", "9 cm", "11 cm"]),
          attr("Running Depth", ["0–1 m", "1–2 m", "2–3 m"]),
          attr("Hooks", ["Size 4 treble", "Size 6 treble", "Single barbless"]),
          attr("Pack Size", ["1", "3", "5", "12"]),
        ],
        features: [
          "Chemically sharpened hooks",
          "Internal rattle for murky water",
          "Holographic finish that flashes like baitfish",
          "Tied by hand on barbless hooks",
          "Tight wobble even at slow retrieves",
        ],
      },
      {
        slug: "tackle-storage",
        name: "Tackle Storage",
        pictogram: "tackle-box",
        nouns: ["Tackle Box", "Tackle Backpack", "Utility Tray Set", "Rod Case", "Fly Box", "Wader Bag"],
        descriptors: ["Waterproof", "Three-Tray", "Modular", "Hard-Shell", "Compact"],
        priceRange: [12, 149],
        optionSets: [[opt("Size", ["Small", "Medium", "Large"], 20)], [opt("Colour", ["Olive", "Stone", "Navy"])], []],
        attributes: [
          attr("Material", ["Polypropylene", "600D polyester", "EVA foam", "Aluminium"]),
          attr("Compartments", ["12", "24", "36"]),
          attr("Water Resistance", ["Waterproof seal", "Splash-resistant"]),
          attr("Dimensions", ["27 × 18 × 5 cm", "36 × 22 × 20 cm", "46 × 25 × 28 cm"]),
        ],
        features: [
          "Removable dividers for any lure size",
          "O-ring seal keeps water out",
          "Stacks with other trays in the range",
          "Rust-proof latches",
          "Padded shoulder strap",
        ],
      },
    ],
  },
  {
    slug: "kitchen",
    name: "Kitchen",
    hue: 16,
    brands: ["Forge & Field", "Saltbox", "Copperleaf", "Mise", "Brightside Kitchen", "Hearthstone"],
    uses: ["weeknight dinners", "slow Sunday cooking", "small city kitchens", "hosting a crowd", "your first proper kitchen"],
    promises: [
      "It goes from hob to oven to table and lasts for decades.",
      "Made in a family-run foundry that has been casting since 1962.",
      "Heats evenly, so the edges cook as well as the middle.",
      "Tested in a restaurant kitchen for six months before we sold it.",
    ],
    care: ["Hand wash and dry straight away.", "Dishwasher safe, though hand washing keeps it looking new.", "Re-season with a thin coat of oil now and then."],
    subcategories: [
      {
        slug: "cookware",
        name: "Cookware",
        pictogram: "pan",
        nouns: ["Cast Iron Skillet", "Carbon Steel Pan", "Dutch Oven", "Saucepan", "Stainless Sauté Pan", "Nonstick Frying Pan", "Wok"],
        descriptors: ["Professional", "Heritage", "Induction-Ready", "Everyday", "Oven-Safe", "Classic"],
        priceRange: [29, 329],
        optionSets: [[opt("Size", ["8\"", "10\"", "12\""], 15)], [opt("Colour", ["Cast Black", "Flame", "Sea Salt", "Sage"])], [opt("Capacity", ["2.8 L", "4.7 L", "6.7 L"], 18)], []],
        attributes: [
          attr("Material", ["Cast iron", "Carbon steel", "Tri-ply stainless steel", "Enamelled cast iron", "Hard-anodised aluminium"]),
          attr("Oven Safe", ["Up to 260 °C", "Up to 230 °C", "Up to 200 °C"]),
          attr("Hob Compatibility", ["All hobs including induction", "Gas and electric"]),
          attr("Weight", ["1.2 kg", "2.1 kg", "3.4 kg", "5.6 kg"]),
        ],
        features: [
          "Pre-seasoned and ready to cook on day one",
          "Riveted stay-cool handle",
          "Pour spouts on both sides",
          "Oven safe, lid included",
          "PFAS-free surface",
          "Lifetime warranty",
        ],
      },
      {
        slug: "kitchen-knives",
        name: "Knives & Boards",
        pictogram: "knife",
        nouns: ["Chef's Knife", "Santoku Knife", "Paring Knife", "Bread Knife", "Knife Block Set", "Utility Knife", "Nakiri Knife"],
        descriptors: ["Damascus", "Forged", "High-Carbon", "Japanese-Style", "German Steel", "Everyday"],
        priceRange: [19, 249],
        optionSets: [[], [opt("Blade Length", ["6\"", "8\"", "10\""], 12)], [opt("Handle", ["Walnut", "Black Pakka", "Olive Wood"])]],
        attributes: [
          attr("Steel", ["VG-10", "AUS-10", "X50CrMoV15", "67-layer Damascus"]),
          attr("Hardness", ["56 HRC", "58 HRC", "60 HRC"]),
          attr("Handle Material", ["Walnut", "Pakkawood", "Olive wood", "Micarta"]),
          attr("Weight", ["120 g", "180 g", "230 g"]),
        ],
        features: [
          "Hand-sharpened to a 15° edge",
          "Full tang for balance",
          "Comes with a magnetic blade guard",
          "Free sharpening for life",
          "Gift box with care guide",
        ],
      },
      {
        slug: "coffee-tea",
        name: "Coffee & Tea",
        pictogram: "mug",
        nouns: ["Pour-Over Coffee Set", "French Press", "Stovetop Espresso Maker", "Ceramic Mug Set", "Gooseneck Kettle", "Loose Leaf Teapot", "Burr Coffee Grinder"],
        descriptors: ["Matte", "Precision", "Classic", "Everyday", "Barista", "Compact"],
        priceRange: [16, 189],
        optionSets: [[opt("Colour", ["Oat", "Charcoal", "Terracotta", "Sea Glass"])], [opt("Capacity", ["350 ml", "600 ml", "1 L"], 12)], []],
        attributes: [
          attr("Material", ["Stoneware", "Borosilicate glass", "Stainless steel", "Porcelain"]),
          attr("Dishwasher Safe", ["Yes", "Hand wash recommended"]),
          attr("Made In", ["Portugal", "Japan", "Oregon, USA", "Vietnam"]),
        ],
        features: [
          "Keeps coffee hot for an hour",
          "Drip-free spout",
          "Fine mesh filter, no paper needed",
          "Each piece glazed by hand, so no two are alike",
          "Stepless grind adjustment",
        ],
      },
    ],
  },
  {
    slug: "home",
    name: "Home",
    hue: 36,
    brands: ["Hollow Oak", "Linden House", "Quill & Cloth", "Everlight", "Moorland", "Juniper Row"],
    uses: ["a calm bedroom", "reading corners", "rented flats", "open-plan living rooms", "slow mornings at home"],
    promises: [
      "Made in small runs by the workshop we have worked with for years.",
      "Natural materials that soften and improve with use.",
      "Designed to fit in with what you already own.",
      "Every piece is checked by hand before it is packed.",
    ],
    care: ["Machine wash cold and line dry.", "Wipe clean with a damp cloth.", "Keep out of strong direct sunlight to protect the colour."],
    subcategories: [
      {
        slug: "lighting",
        name: "Lighting",
        pictogram: "lamp",
        nouns: ["Table Lamp", "Floor Lamp", "Pendant Light", "Desk Lamp", "Rechargeable Lantern", "Wall Sconce"],
        descriptors: ["Mid-Century", "Dimmable", "Linen Shade", "Brass", "Minimalist", "Ceramic"],
        priceRange: [39, 349],
        optionSets: [[opt("Finish", ["Brushed Brass", "Matte Black", "Satin Nickel"])], [opt("Shade", ["Natural Linen", "Oat", "Charcoal"])], []],
        attributes: [
          attr("Bulb", ["E26 LED bulb included", "Integrated LED"]),
          attr("Colour Temperature", ["2700 K", "3000 K", "Tunable 2200–4000 K"]),
          attr("Cord Length", ["1.8 m", "2.5 m", "3 m"]),
          attr("Height", ["38 cm", "52 cm", "148 cm"]),
        ],
        features: [
          "Stepless touch dimmer",
          "Braided fabric cord",
          "Weighted base that will not tip",
          "Works with smart bulbs",
          "UL-listed wiring",
        ],
      },
      {
        slug: "home-textiles",
        name: "Bedding & Textiles",
        pictogram: "cushion",
        nouns: ["Throw Pillow Cover", "Wool Throw Blanket", "Linen Duvet Cover", "Cotton Bath Towel Set", "Quilted Bedspread", "Jute Rug"],
        descriptors: ["Stonewashed", "Organic", "Woven", "Herringbone", "Heirloom", "Soft-Washed"],
        priceRange: [24, 289],
        optionSets: [
          [opt("Colour", ["Oatmeal", "Terracotta", "Olive", "Dusty Blue", "Charcoal"])],
          [opt("Size", ["Twin", "Queen", "King"], 15)],
          [opt("Size", ["Twin", "Queen", "King"], 15), opt("Colour", ["Oatmeal", "Olive", "Dusty Blue"])],
        ],
        attributes: [
          attr("Material", ["100% linen", "Organic cotton", "Merino wool", "Recycled polyester"]),
          attr("Care", ["Machine wash cold", "Dry clean only", "Machine wash warm"]),
          attr("Certification", ["OEKO-TEX Standard 100", "GOTS organic", "None"]),
        ],
        features: [
          "Pre-washed for softness from the first night",
          "Hidden zip closure",
          "Breathable for warm sleepers",
          "Woven on traditional looms",
          "Gets softer with every wash",
        ],
      },
      {
        slug: "decor",
        name: "Decor",
        pictogram: "vase",
        nouns: ["Ceramic Vase", "Bud Vase Set", "Wall Mirror", "Candle Holder", "Planter Pot", "Framed Art Print", "Serving Tray"],
        descriptors: ["Handmade", "Sculptural", "Rustic", "Modern", "Artisan", "Minimal"],
        priceRange: [14, 189],
        optionSets: [[opt("Colour", ["Bone", "Sage", "Sand", "Ink"])], [opt("Size", ["Small", "Medium", "Large"], 25)], []],
        attributes: [
          attr("Material", ["Stoneware", "Recycled glass", "Mango wood", "Terracotta"]),
          attr("Dimensions", ["12 × 12 × 20 cm", "18 × 18 × 30 cm", "50 × 70 cm"]),
          attr("Finish", ["Matte glaze", "Gloss glaze", "Raw clay", "Oiled"]),
        ],
        features: [
          "Thrown and glazed by hand",
          "Watertight for fresh flowers",
          "Felt pads protect your furniture",
          "Ready to hang, fixings included",
          "Small variations make each one unique",
        ],
      },
    ],
  },
  {
    slug: "fashion",
    name: "Fashion",
    hue: 332,
    brands: ["Fernhill", "Harbor Thread", "Kestrel", "Ashby", "Wren & Wool", "Coastline Co."],
    uses: ["everyday wear", "travel days", "the office and the weekend", "cool evenings", "layering through the seasons"],
    promises: [
      "Cut from fabric milled in Portugal and sewn in a fair-wage factory we visit every year.",
      "A relaxed fit that keeps its shape wash after wash.",
      "Made to be worn for years, not for one season.",
      "Sized generously: if you are between sizes, take the smaller one.",
    ],
    care: ["Machine wash cold, inside out.", "Line dry to keep the shape.", "Cool iron if needed."],
    subcategories: [
      {
        slug: "tops",
        name: "Tops & Tees",
        pictogram: "shirt",
        nouns: ["Organic Cotton T-Shirt", "Merino Crew Tee", "Linen Button-Down Shirt", "Flannel Shirt", "Heavyweight Hoodie", "Pocket Tee", "Long-Sleeve Henley"],
        descriptors: ["Relaxed", "Garment-Dyed", "Everyday", "Classic", "Slub", "Brushed"],
        priceRange: [22, 98],
        optionSets: [[opt("Size", SIZES_APPAREL), opt("Colour", ["Bone", "Navy", "Forest", "Clay", "Heather Grey"])], [opt("Size", SIZES_APPAREL)]],
        attributes: [
          attr("Material", ["100% organic cotton", "Merino wool blend", "European linen", "Cotton-hemp blend"]),
          attr("Fit", ["Relaxed", "Regular", "Slim"]),
          attr("Care", ["Machine wash cold", "Hand wash"]),
          attr("Made In", ["Portugal", "Peru", "USA"]),
        ],
        features: [
          "Pre-shrunk, so the size you buy is the size you keep",
          "Reinforced shoulder seams",
          "Garment-dyed for a soft, lived-in colour",
          "Side-seamed for a better drape",
          "Naturally odour-resistant",
        ],
      },
      {
        slug: "outerwear",
        name: "Outerwear",
        pictogram: "jacket",
        nouns: ["Rain Shell Jacket", "Insulated Puffer Jacket", "Fleece Pullover", "Waxed Cotton Jacket", "Softshell Vest", "Down Parka", "Wind Anorak"],
        descriptors: ["Packable", "Waterproof", "Recycled", "Lightweight", "Heritage", "Storm"],
        priceRange: [59, 379],
        optionSets: [[opt("Size", ["S", "M", "L", "XL"]), opt("Colour", ["Black", "Olive", "Navy", "Rust"])], [opt("Size", ["S", "M", "L", "XL"])]],
        attributes: [
          attr("Shell Material", ["2.5-layer recycled nylon", "Waxed cotton", "Recycled polyester fleece", "Ripstop nylon"]),
          attr("Insulation", ["None", "700-fill down", "PrimaLoft Gold", "Recycled synthetic"]),
          attr("Waterproof Rating", ["10,000 mm", "20,000 mm", "Water-resistant"]),
          attr("Fit", ["Regular", "Relaxed", "Athletic"]),
        ],
        features: [
          "Helmet-compatible adjustable hood",
          "Pit zips for venting on the climb",
          "Packs into its own chest pocket",
          "Two-way front zip",
          "Fleece-lined hand pockets",
        ],
      },
      {
        slug: "footwear",
        name: "Footwear",
        pictogram: "shoe",
        nouns: ["Leather Sneaker", "Trail Running Shoe", "Hiking Boot", "Canvas Slip-On", "Chelsea Boot", "Camp Moccasin"],
        descriptors: ["Waterproof", "Minimalist", "Grippy", "Classic", "Recycled", "All-Terrain"],
        priceRange: [49, 239],
        optionSets: [[opt("Size", ["US 7", "US 8", "US 9", "US 10", "US 11", "US 12"])], [opt("Size", ["US 8", "US 9", "US 10", "US 11"]), opt("Colour", ["Black", "Tan", "White", "Olive"])]],
        attributes: [
          attr("Upper", ["Full-grain leather", "Recycled mesh", "Organic canvas", "Suede"]),
          attr("Sole", ["Natural rubber", "Vibram Megagrip", "EVA foam"]),
          attr("Drop", ["0 mm", "4 mm", "8 mm"]),
          attr("Weight Per Shoe", ["240 g", "320 g", "480 g"]),
        ],
        features: [
          "Removable cork footbed",
          "Waterproof membrane",
          "Resoleable Goodyear welt",
          "Wide toe box for natural splay",
          "Free exchanges on sizing",
        ],
      },
      {
        slug: "bags-accessories",
        name: "Bags & Accessories",
        pictogram: "tote",
        nouns: ["Tote Bag", "Crossbody Bag", "Weekender Duffel", "Laptop Messenger Bag", "Belt Bag", "Card Wallet"],
        descriptors: ["Waxed Canvas", "Full-Grain Leather", "Recycled", "Everyday", "Foldable", "Minimal"],
        priceRange: [19, 229],
        optionSets: [[opt("Colour", ["Tan", "Black", "Olive", "Natural"])], []],
        attributes: [
          attr("Material", ["Waxed cotton canvas", "Full-grain leather", "Recycled nylon", "Organic cotton"]),
          attr("Dimensions", ["38 × 40 × 12 cm", "26 × 18 × 8 cm", "55 × 30 × 28 cm"]),
          attr("Closure", ["Zip", "Magnetic snap", "Open top", "Drawstring"]),
        ],
        features: [
          "Solid brass hardware",
          "Interior zip pocket and key clip",
          "Adjustable, removable strap",
          "Water-resistant finish",
          "Develops a patina over time",
        ],
      },
    ],
  },
  {
    slug: "electronics",
    name: "Electronics",
    hue: 232,
    brands: ["Voltline", "Sonora Audio", "Pixelgate", "Halcyon", "Lumio", "Northbeam"],
    uses: ["commutes and long flights", "home offices", "weekend trips", "small apartments", "creators on the move"],
    promises: [
      "Two-year warranty and free firmware updates for the life of the product.",
      "Charges over USB-C, so one cable does it all.",
      "Set up in under five minutes, no account required.",
      "Repairable: batteries and ear pads can be swapped at home.",
    ],
    care: ["Keep away from water unless rated for it.", "Charge fully before first use.", "Clean with a dry microfibre cloth."],
    subcategories: [
      {
        slug: "audio",
        name: "Audio",
        pictogram: "headphones",
        nouns: ["Wireless Headphones", "Noise-Cancelling Headphones", "True Wireless Earbuds", "Bluetooth Speaker", "Studio Monitor Headphones", "Portable Turntable"],
        descriptors: ["Hi-Fi", "Sport", "Studio", "Compact", "Everyday", "Travel"],
        priceRange: [29, 399],
        optionSets: [[opt("Colour", ["Midnight", "Silver", "Sandstone", "Forest"])], []],
        attributes: [
          attr("Battery Life", ["20 hours", "30 hours", "40 hours", "60 hours"]),
          attr("Connectivity", ["Bluetooth 5.3", "Bluetooth 5.3 and 3.5 mm jack", "USB-C audio"]),
          attr("Driver", ["40 mm dynamic", "50 mm dynamic", "10 mm graphene"]),
          attr("Weight", ["48 g", "250 g", "310 g", "1.1 kg"]),
        ],
        features: [
          "Adaptive noise cancelling with a transparency mode",
          "Multipoint pairing with two devices",
          "Fast charge: ten minutes gives three hours",
          "Replaceable ear cushions",
          "IPX4 sweat and splash resistance",
        ],
        secondHandShare: 0.1,
      },
      {
        slug: "cameras",
        name: "Cameras",
        pictogram: "camera",
        nouns: ["Mirrorless Camera", "Instant Camera", "Action Camera", "35mm Film Camera", "Trail Camera", "Compact Camera"],
        descriptors: ["Weather-Sealed", "Retro", "Pocket", "Rugged", "Everyday", "Travel"],
        priceRange: [59, 899],
        optionSets: [[opt("Kit", ["Body Only", "With 18–55 mm Lens"], 25)], [opt("Colour", ["Black", "Silver"])], []],
        attributes: [
          attr("Sensor", ["APS-C 24 MP", "Full-frame 33 MP", "1-inch 20 MP", "35 mm film"]),
          attr("Video", ["4K 30p", "4K 60p", "1080p", "None"]),
          attr("Storage", ["SD UHS-II", "microSD", "Instant film"]),
          attr("Weight", ["160 g", "390 g", "650 g"]),
        ],
        features: [
          "In-body image stabilisation",
          "Tilting touchscreen",
          "Weather-sealed body",
          "USB-C charging in the camera",
          "Includes strap, battery and charger",
        ],
        secondHandShare: 0.12,
      },
      {
        slug: "smart-home",
        name: "Smart Home",
        pictogram: "speaker",
        nouns: ["Smart Speaker", "Smart Plug", "Video Doorbell", "Wi-Fi Smart Bulb Set", "Indoor Security Camera", "Smart Thermostat"],
        descriptors: ["Voice-Controlled", "Matter-Compatible", "Energy-Saving", "Compact", "Wireless"],
        priceRange: [19, 249],
        optionSets: [[opt("Colour", ["Chalk", "Charcoal", "Sage"])], [opt("Pack", ["Single", "2-Pack", "4-Pack"], 80)], []],
        attributes: [
          attr("Connectivity", ["Wi-Fi 6", "Matter over Thread", "Zigbee", "Bluetooth LE"]),
          attr("Power", ["USB-C", "Mains", "Rechargeable battery"]),
          attr("Works With", ["Apple Home, Google Home and Alexa", "Google Home and Alexa", "Home Assistant"]),
          attr("Warranty", ["1 year", "2 years", "3 years"]),
        ],
        features: [
          "Works locally, even when the internet is down",
          "Energy reports in the app",
          "Privacy shutter and mute switch",
          "Schedules and scenes without a hub",
          "Over-the-air updates",
        ],
      },
    ],
  },
];

export interface LocationSpec {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
  pickupEnabled: boolean;
}

export interface SellerSpec {
  slug: string;
  name: string;
  /** Upper-case SKU prefix, unique among the demo shops. */
  skuPrefix: string;
  hue: number;
  pattern: BannerPattern;
  logoKind: PictogramKind;
  /** Top-level category slugs the shop sells in, plus single subcategories. */
  categories: readonly string[];
  subcategories?: readonly string[];
  /** Relative share of the demo listings in its categories. */
  weight: number;
  description: string;
  story: string;
  values: readonly string[];
  returnPolicy: string;
  contactPhone: string;
  owner: { name: string };
  locations: readonly LocationSpec[];
  createdDaysAgo: number;
  status: "approved" | "pending";
}

const RETURNS_30 =
  "Return unused items in their original packaging within 30 days of delivery for a full refund. Faulty or wrong items are on us: we send a prepaid label. For change-of-mind returns a $6.95 label is deducted from the refund.";
const RETURNS_60 =
  "60-day returns on anything unused, with free return shipping within the US. Refunds go back to your original payment method within five business days of the parcel reaching us.";
const RETURNS_CLOTHING =
  "Free exchanges for a different size within 45 days. Returns on unworn items with tags attached within 30 days; sale items can be exchanged but not refunded.";
const RETURNS_ELECTRONICS =
  "30-day returns on unopened items, 14 days on opened items in full working order with all accessories. Anything faulty is covered by the two-year warranty and replaced or repaired free of charge.";

/** The demo seller account's shop is the first one. */
export const SELLER_SPECS: readonly SellerSpec[] = [
  {
    slug: "northwind-outfitters",
    name: "Northwind Outfitters",
    skuPrefix: "NWO",
    hue: 160,
    pattern: "rings",
    logoKind: "tent",
    categories: ["outdoor", "fishing"],
    weight: 1.3,
    description: "Tents, packs and fishing gear tested in the Pacific Northwest rain.",
    story:
      "Northwind started in 2012 as a rental shed next to the trailhead in Bend, Oregon. We still test every piece of kit on our own trips before it goes on the shelf, and we only sell what we would take out ourselves.",
    values: ["Honest stock counts: if it says in stock, it is on our shelf", "Repairs before replacements", "Free pickup from both our stores"],
    returnPolicy: RETURNS_60,
    contactPhone: "+1 541-555-0142",
    owner: { name: "Jordan Avery" },
    locations: [
      { name: "Portland Warehouse", line1: "2200 NW Front Ave", city: "Portland", postalCode: "97209", country: "US", pickupEnabled: false },
      { name: "Bend Store", line1: "640 NW Arizona Ave", city: "Bend", postalCode: "97703", country: "US", pickupEnabled: true },
    ],
    createdDaysAgo: 400,
    status: "approved",
  },
  {
    slug: "cedar-and-pine",
    name: "Cedar & Pine Camp Co.",
    skuPrefix: "CPC",
    hue: 128,
    pattern: "lines",
    logoKind: "backpack",
    categories: ["outdoor"],
    subcategories: ["outerwear", "footwear"],
    weight: 1,
    description: "Camp gear and trail clothing for people who would rather be outside.",
    story:
      "We are a four-person team in Boulder, Colorado, and we pick every product by using it for a season first. Most of what we sell comes from small brands that still answer their own e-mail.",
    values: ["Small brands, chosen by hand", "Carbon-neutral shipping", "One percent of sales to trail maintenance"],
    returnPolicy: RETURNS_30,
    contactPhone: "+1 303-555-0117",
    owner: { name: "Maya Chen" },
    locations: [{ name: "Boulder Warehouse", line1: "5360 Sterling Dr", city: "Boulder", postalCode: "80301", country: "US", pickupEnabled: true }],
    createdDaysAgo: 310,
    status: "approved",
  },
  {
    slug: "riverbend-tackle",
    name: "Riverbend Tackle",
    skuPrefix: "RBT",
    hue: 200,
    pattern: "waves",
    logoKind: "lure",
    categories: ["fishing"],
    weight: 1.2,
    description: "Fly and spin tackle from a guide-run shop on the Clark Fork.",
    story:
      "Riverbend is run by three fishing guides in Missoula, Montana. We tie our own flies in the back room and we are happy to talk you through a setup before you buy.",
    values: ["Hand-tied flies from local tiers", "Advice from guides who fish every week", "Barbless options for catch-and-release"],
    returnPolicy: RETURNS_30,
    contactPhone: "+1 406-555-0188",
    owner: { name: "Luke Harlan" },
    locations: [
      { name: "Missoula Fly Shop", line1: "120 W Front St", city: "Missoula", postalCode: "59802", country: "US", pickupEnabled: true },
      { name: "Bozeman Depot", line1: "1800 N Rouse Ave", city: "Bozeman", postalCode: "59715", country: "US", pickupEnabled: false },
    ],
    createdDaysAgo: 280,
    status: "approved",
  },
  {
    slug: "copper-pot-kitchen",
    name: "Copper Pot Kitchenware",
    skuPrefix: "CPK",
    hue: 18,
    pattern: "grid",
    logoKind: "pan",
    categories: ["kitchen"],
    weight: 1.3,
    description: "Cookware, knives and coffee gear that earns its place on the counter.",
    story:
      "Copper Pot began as a stall at the Green City Market in Chicago. Today we stock a few hundred things for the kitchen, each one cooked with, dropped and washed up by our team first.",
    values: ["Buy once, cook for decades", "Free knife sharpening for customers", "Cookware without PFAS"],
    returnPolicy: RETURNS_60,
    contactPhone: "+1 312-555-0163",
    owner: { name: "Priya Natarajan" },
    locations: [
      { name: "Chicago Fulfilment Centre", line1: "1550 W Carroll Ave", city: "Chicago", postalCode: "60607", country: "US", pickupEnabled: false },
      { name: "Evanston Shop", line1: "815 Chicago Ave", city: "Evanston", postalCode: "60202", country: "US", pickupEnabled: true },
    ],
    createdDaysAgo: 365,
    status: "approved",
  },
  {
    slug: "hearth-and-loom",
    name: "Hearth & Loom",
    skuPrefix: "HAL",
    hue: 12,
    pattern: "dots",
    logoKind: "cushion",
    categories: ["home"],
    weight: 1,
    description: "Textiles, lighting and ceramics from independent makers.",
    story:
      "Hearth & Loom is a studio shop in Asheville, North Carolina. We work directly with weavers and potters across the Southeast and pay them before the goods ship.",
    values: ["Makers are paid first", "Natural fibres and low-impact dyes", "Plastic-free packaging"],
    returnPolicy: RETURNS_30,
    contactPhone: "+1 828-555-0129",
    owner: { name: "Eleanor Brooks" },
    locations: [{ name: "Asheville Studio", line1: "24 Clingman Ave", city: "Asheville", postalCode: "28801", country: "US", pickupEnabled: true }],
    createdDaysAgo: 240,
    status: "approved",
  },
  {
    slug: "fernhill-clothing",
    name: "Fernhill Clothing Co.",
    skuPrefix: "FHC",
    hue: 340,
    pattern: "lines",
    logoKind: "shirt",
    categories: ["fashion"],
    weight: 1.4,
    description: "Everyday clothing in natural fibres, made to be worn for years.",
    story:
      "Fernhill designs a small, permanent collection in Los Angeles and Toronto. No seasons and no drops: we improve the same pieces every year and keep your size in stock.",
    values: ["Fair-wage factories we visit every year", "Organic and recycled fibres", "Repairs and free size exchanges"],
    returnPolicy: RETURNS_CLOTHING,
    contactPhone: "+1 213-555-0175",
    owner: { name: "Diego Alvarez" },
    locations: [
      { name: "Los Angeles Warehouse", line1: "1200 S Santa Fe Ave", city: "Los Angeles", postalCode: "90021", country: "US", pickupEnabled: false },
      { name: "Toronto Studio", line1: "388 Queen St W", city: "Toronto", postalCode: "M5V 2A7", country: "CA", pickupEnabled: true },
    ],
    createdDaysAgo: 330,
    status: "approved",
  },
  {
    slug: "voltage-lane",
    name: "Voltage Lane",
    skuPrefix: "VLT",
    hue: 236,
    pattern: "grid",
    logoKind: "headphones",
    categories: ["electronics"],
    weight: 1.3,
    description: "Audio, cameras and smart-home gear, tested and explained by humans.",
    story:
      "Voltage Lane is an Austin, Texas shop for people who want good electronics without reading forty reviews. We test everything we list and we write down what we found, including the bits we did not like.",
    values: ["Honest reviews of everything we sell", "Two-year warranty on every item", "Certified refurbished where it makes sense"],
    returnPolicy: RETURNS_ELECTRONICS,
    contactPhone: "+1 512-555-0134",
    owner: { name: "Sam Okafor" },
    locations: [{ name: "Austin Warehouse", line1: "4001 E 5th St", city: "Austin", postalCode: "78702", country: "US", pickupEnabled: true }],
    createdDaysAgo: 290,
    status: "approved",
  },
  {
    slug: "saltwater-supply",
    name: "Saltwater Supply",
    skuPrefix: "SWS",
    hue: 188,
    pattern: "waves",
    logoKind: "rod",
    categories: ["fishing"],
    subcategories: ["camp-kitchen", "outerwear"],
    weight: 0.9,
    description: "Inshore tackle and coastal gear from the Carolina Lowcountry.",
    story:
      "Saltwater Supply sits on the harbour in Charleston, South Carolina. We sell what works on the flats and the jetties, and our staff fish the same water you do.",
    values: ["Gear tested in salt water", "Local fishing reports every Friday", "Recycled packaging"],
    returnPolicy: RETURNS_30,
    contactPhone: "+1 843-555-0196",
    owner: { name: "Hannah Reyes" },
    locations: [
      { name: "Harbour Store", line1: "40 Concord St", city: "Charleston", postalCode: "29401", country: "US", pickupEnabled: true },
      { name: "North Charleston Warehouse", line1: "2900 Spruill Ave", city: "North Charleston", postalCode: "29405", country: "US", pickupEnabled: false },
    ],
    createdDaysAgo: 210,
    status: "approved",
  },
  {
    slug: "maple-street-home",
    name: "Maple Street Home",
    skuPrefix: "MSH",
    hue: 4,
    pattern: "rings",
    logoKind: "mug",
    categories: ["home", "kitchen"],
    weight: 0.9,
    description: "A Vermont general store for the home and kitchen.",
    story:
      "Maple Street Home is a general store in Burlington, Vermont, with a depot in Montréal for our Canadian customers. We stock the useful, good-looking things a house needs and not much else.",
    values: ["Useful first, beautiful second", "Canadian orders ship from Montréal", "Gift wrapping on request"],
    returnPolicy: RETURNS_30,
    contactPhone: "+1 802-555-0151",
    owner: { name: "Theo Lindqvist" },
    locations: [
      { name: "Burlington Store", line1: "150 Church St", city: "Burlington", postalCode: "05401", country: "US", pickupEnabled: true },
      { name: "Montréal Depot", line1: "5555 Av. de Gaspé", city: "Montréal", postalCode: "H2T 2A3", country: "CA", pickupEnabled: false },
    ],
    createdDaysAgo: 180,
    status: "approved",
  },
  {
    slug: "lumen-and-ash",
    name: "Lumen & Ash Lighting",
    skuPrefix: "LAA",
    hue: 262,
    pattern: "dots",
    logoKind: "lamp",
    categories: ["home"],
    weight: 0,
    description: "Hand-turned wooden lamps and linen shades, made to order in Providence.",
    story:
      "Lumen & Ash is a two-person workshop in Providence, Rhode Island. Every lamp is turned on our lathe from offcuts of local hardwood and wired by hand.",
    values: ["Made to order, never mass produced", "Local hardwood offcuts", "Rewiring service for life"],
    returnPolicy: RETURNS_30,
    contactPhone: "+1 401-555-0109",
    owner: { name: "Iris Novak" },
    locations: [],
    createdDaysAgo: 3,
    status: "pending",
  },
];
