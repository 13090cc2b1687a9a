// Flee names countries in words ("Burkina_Faso", "Mali"); routeshift by ISO 3166 alpha-2 code.
// Names are matched against the English region names that Node's ICU knows for every code
// (Intl.DisplayNames), after folding case, accents, underscores and punctuation, plus a few
// spellings common in Flee's scenarios. A name that matches nothing gets a code from ISO's
// user-assigned range (QM–QZ, then XA–XZ without Kosovo's XK), in order of first appearance, and
// the import says so.

export interface CountryCoding {
  /** Flee country name → code. */
  codes: Map<string, string>;
  /** Code → display name (ICU's name when matched, else the Flee name with spaces). */
  names: Map<string, string>;
  /** Flee names that got a user-assigned code. */
  unmatched: string[];
}

const ALIASES: Record<string, string> = {
  drc: 'CD',
  drcongo: 'CD',
  'dr congo': 'CD',
  'democratic republic of congo': 'CD',
  'democratic republic of the congo': 'CD',
  'congo kinshasa': 'CD',
  congo: 'CG',
  'republic of congo': 'CG',
  'republic of the congo': 'CG',
  car: 'CF',
  'ivory coast': 'CI',
  'cote d ivoire': 'CI',
  'cote divoire': 'CI',
  'south sudan': 'SS',
  syria: 'SY',
  'syrian arab republic': 'SY',
  russia: 'RU',
  'russian federation': 'RU',
  uk: 'GB',
  'united kingdom': 'GB',
  usa: 'US',
  'united states': 'US',
  tanzania: 'TZ',
  'united republic of tanzania': 'TZ',
  burma: 'MM',
  'the gambia': 'GM',
  gambia: 'GM',
  'north macedonia': 'MK',
  macedonia: 'MK',
  turkey: 'TR',
  turkiye: 'TR',
  czechia: 'CZ',
  'czech republic': 'CZ',
};

/** Lower case, no accents, underscores and punctuation as spaces, single spaces. */
export function foldCountryName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let icuNames: Map<string, string> | undefined;

/** Folded ICU English name → code, for every two-letter code ICU names. */
function icuIndex(): Map<string, string> {
  if (icuNames) return icuNames;
  icuNames = new Map();
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = display.of(code);
      if (name === undefined || name === code) continue;
      icuNames.set(foldCountryName(name), code);
    }
  }
  return icuNames;
}

const USER_ASSIGNED = [
  ...Array.from({ length: 14 }, (_, i) => 'Q' + String.fromCharCode(77 + i)),
  ...Array.from({ length: 26 }, (_, i) => 'X' + String.fromCharCode(65 + i)).filter((c) => c !== 'XK'),
];

/** Codes for Flee country names, in order of first appearance. */
export function codeCountries(fleeNames: readonly string[], overrides: Record<string, string> = {}): CountryCoding {
  const codes = new Map<string, string>();
  const names = new Map<string, string>();
  const unmatched: string[] = [];
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  const used = new Set<string>();
  const pending: string[] = [];
  for (const flee of fleeNames) {
    if (codes.has(flee) || pending.includes(flee)) continue;
    const folded = foldCountryName(flee);
    const code = overrides[flee] ?? ALIASES[folded] ?? icuIndex().get(folded);
    if (code === undefined || used.has(code)) {
      pending.push(flee);
      continue;
    }
    codes.set(flee, code);
    used.add(code);
    const icu = display.of(code);
    names.set(code, icu !== undefined && icu !== code ? icu : flee.replace(/_/g, ' '));
  }
  const free = USER_ASSIGNED.filter((c) => !used.has(c));
  for (const flee of pending) {
    const code = free.shift();
    if (code === undefined) throw new Error('more than 39 countries without an ISO code');
    codes.set(flee, code);
    names.set(code, flee.replace(/_/g, ' '));
    unmatched.push(flee);
  }
  return { codes, names, unmatched };
}
