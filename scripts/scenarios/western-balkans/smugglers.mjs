// Smuggling networks on the route, 2015–2026: where they are based, how much they can carry, how
// skilled and how violent they are, the market they work in, how bribable each border's police
// are, and the police actions against them (place, border and dismantle events).
//
// The sources say where networks are and how they adapt, never how big they are or what they
// charge ("NOT IN DOCS: no euro figures", research-001-003-004 §3.4): every capacity, skill,
// violence, corruption and arrest-pressure value is an assumption, sized so that smugglers carry
// most crossings of the hard exits from 2020 on (in 2017–19 most people still cross Bosnia–Croatia
// alone; seeds-001-003-004 §9 fact 4) and so that the yearly recorded detections stay of the order
// of Frontex (docs/scenarios-western-balkans.md, Calibration). A network serves every border leading out of its base's country (docs/model.md,
// Smuggling networks); a base is a place, so police pressure can hit one town (`place` events).
import { A, EXT } from './sources.mjs';

const R3 = 'research-001-003-004';

const network = (id, name, base, capacityPerDay, skill, violence, source) => ({ id, name, base, capacityPerDay, skill, violence, source });

export const networks = [
  network('edirne-aegean', 'Smugglers in Edirne and on the Aegean coast (boats to the islands, guides across the Evros and into Bulgaria)', 'edirne', 200, 0.55, 0.01,
    `most people had lived in Türkiye before moving on (seed-003 L747–749) and cross into Greece or Bulgaria with smugglers' help; ${A('base, capacity (people per day), skill and violence')}`),
  network('athens', 'Smugglers in Athens (onward trips to North Macedonia and Albania)', 'athens-piraeus', 60, 0.55, 0.01,
    `secondary movers who had lived in Greece (seed-003 L745–749); Greece, where "there is not much border authorities being involved in smuggling networks" (seed-003 L832–833); ${A('base, capacity, skill and violence')}`),
  network('sofia', 'Smugglers in Sofia (onward trips into Serbia)', 'sofia', 80, 0.55, 0.02,
    `"Recently, migrants primarily enter Serbia through Bulgaria" (seed-003 L792–793); "In Bulgaria, there is more authority involvement in smuggling networks" (L833–834); ${A('base, capacity, skill and violence')}`),
  network('lojane', 'Smugglers at Lojane near the Serbian border (Kumanovo area)', 'lojane', 60, 0.55, 0.03,
    `people enter Serbia mostly from North Macedonia and Bulgaria (seed-003 L859–861); kidnapping for ransom, one "in North Macedonia near the Serbian border" (L1118–1126), hence a higher violence; ${A('base, capacity, skill and violence')}`),
  network('belgrade', 'Smugglers in Belgrade (the route\'s hub; guides to every Serbian exit)', 'belgrade', 100, 0.7, 0.01,
    `Belgrade the nerve centre of the route (seed-000 L43); smugglers who "use local populations for ground-level activities" and send guides (seed-003 L1001–1012); ${A('base, capacity, skill and violence')}`),
  network('horgos-armed-groups', 'Armed smuggling groups at Horgoš and Subotica (the Hungarian border)', 'horgos', 100, 0.75, 0.04,
    `"armed groups operating near the Hungarian border", "violence between smuggling groups" (seed-003 L407–417), the armed clash in Horgoš (L419–423), migrants "transported with weapons and ammunition" (L1101–1104); ladders and cut wire at the fence, hence the highest skill; ${A('capacity, skill; violence four times the baseline')}`),
  network('ancora', 'The network dismantled by Operation Ancora (private vehicles and safe houses, from city to city)', 'belgrade', 150, 0.75, 0.02,
    `moved "more than 100,000 people between 2023 and 2025" with "more than 1,000 vehicles" until Operation Ancora at the end of March 2026 (seed-001 L6, L16); people "transported from city to city by networks of smugglers in private vehicles" (seed-001 L77); ${R3} §1; ${A('base (the sources do not say where it was based), capacity (the largest network here; the model\'s whole route carries fewer than 100,000 people in 2023–2025, because its inflow is scaled to Frontex detections, which count only part of the people), skill and violence')}`),
  network('bihac', 'Smugglers in Bihać (the Croatian border)', 'bihac', 40, 0.65, 0.02,
    `"Bosnia was always an alternative route" (seed-003 L946–947); Una-Sana canton holds most reception centres (seed-004 L120); ${A('base, capacity, skill and violence')}`),
];

// Market and adaptation parameters that differ from DEFAULT_SMUGGLER_MARKET (src/scenarios/defaults.ts);
// the others keep their defaults. All assumptions (the sources give directions, not figures).
export const market = {
  // Where networks may move or enter: the places the sources name as smuggling bases in the
  // Western Balkans. Networks that start in Türkiye, Greece or Bulgaria may move here but not back.
  bases: ['lojane', 'subotica', 'bihac', 'velika-kladusa'],
  // A network moves only to a base worth 50% more than its own (default 25%): fewer moves back and
  // forth between equally good bases.
  relocationHysteresis: 0.5,
  // Cheaper than the defaults (300 + 1,000 per unit of detection): at 100 EUR per day of value of
  // time, the default prices made a smuggled crossing of the Hungarian fence cost more days than
  // walking round through Romania alone, against the sources (Hungary the main exit until late 2023,
  // seed-003 L862–869). A single attempt costs 400–1,200 EUR here, a guaranteed package more.
  basePriceEur: 200,
  riskPriceEur: 800,
  // A guaranteed package costs 15% more than single attempts in expectation (default 30%), so that
  // it is not always the worse buy (seed-003 L1468–1470: packages that guarantee success); a package
  // paid once also keeps people from spending all they have on attempt after attempt.
  guaranteeMarkup: 1.15,
  // New networks enter where demand goes unmet at prices above 700 EUR (default 1,500, which prices
  // here never reach), each with 100 people a day (default 20) and the skill of the average network.
  entryPriceEur: 700,
  entryCapacityPerDay: 100,
  entrySkill: 0.55,
};
export const marketSource = `candidate bases: Subotica (police operations in "Subotica and Horgoš", seed-003 L885–889), North Macedonia near the Serbian border (kidnappings there, L1118–1126), Bihać and Velika Kladuša ("Smuggling gangs were operating mainly out of Bosnia and Herzegovina recently", L956–958; the shift from Serbia, L67–70); Belgrade, Horgoš, Sofia, Athens and Edirne are starting bases only; ${A('every market parameter: the sources give directions, not euro figures (research-001-003-004 §3.4)')}`;

// How bribable the police of each border are: the share of detected smuggled groups that a bribe
// lets through (not recorded). Merged into the `borders` block (values in force on 1 January 2015).
export const corruption = {
  'TR-GR': [0.05, 'Greece: "there is not much border authorities being involved in smuggling networks" (seed-003 L832–833)'],
  'TR-BG': [0.1, 'Bulgaria: "more authority involvement in smuggling networks" (seed-003 L833–834), said in 2024 of "the last year": more so from 2022 (event bulgaria-authority-involvement)'],
  'GR-MK': [0.15, 'corruption "entrenched" in the Western Balkans, border agencies included (seed-004 L116)'],
  'GR-AL': [0.15, 'seed-004 L116'],
  'AL-ME': [0.15, 'corruption cases in Montenegro\'s border agencies (seed-004 L116)'],
  'ME-BA': [0.15, 'corruption cases in the border agencies of Bosnia and Herzegovina (seed-004 L116)'],
  'MK-RS': [0.15, 'corruption cases in Serbia\'s border agencies (seed-004 L116)'],
  'BG-RS': [0.15, 'seed-004 L116'],
  'RS-BA': [0.15, 'seed-004 L116'],
  'RS-HU': [0.05, 'Hungarian police harder to bribe than Croatian (seed-003 L938–940)'],
  'RS-HR': [0.15, 'Croatian police "more easily bribed than their Hungarian counterparts" (seed-003 L938–940); more so from 2023 (event croatia-eases-bosnia)'],
  'BA-HR': [0.15, 'seed-003 L938–940; more so from 2023 (event croatia-eases-bosnia)'],
  'RS-RO': [0.1, 'no source on Romanian border police; between Hungary and Croatia'],
};

const ev = (id, date, label, target, set, source, rampDays) => ({ id, date, label, ...target, ...(set ? { set } : {}), ...(rampDays ? { rampDays } : {}), source });

// Borders into and out of the partner countries, except into Croatia and Hungary, whose own policing
// (and Frontex on the Hungarian border from 2021) is in history.mjs.
const WB_BORDERS = ['GR-MK', 'GR-AL', 'MK-RS', 'BG-RS', 'RS-BA', 'AL-ME', 'ME-BA', 'RS-RO'];
const OTF = `the Europol Operational Task Force with Bosnia and Herzegovina, Croatia and Slovenia "dismantled smuggling networks active along the Western Balkan route … arrest of 19 smugglers" in early 2024 (seed-003 L469–475), ${R3} §1; ${EXT('Europol, 8 March 2024: action days on 24 January and 6 February 2024; the leader and nine members arrested in Bosnia and Herzegovina, nine in Croatia')}`;

export const smugglerEvents = [
  ev('anti-smuggling-partnership', '2023-01-01', 'EU Anti-Smuggling Operational Partnership with the Western Balkans: joint investigations, border management, intelligence sharing', { border: WB_BORDERS },
    { antiSmuggling: 0.2 }, `the EU action plan for the Western Balkans of December 2022 and its Anti-Smuggling Operational Partnership, "supported by a €36 million EU-funded program" (seed-001 L44; the Action Plan on the Western Balkans, seed-003 L264–272; Frontex and Europol funding "joint operations, intelligence-sharing mechanisms", L464–468), ${R3} §1; ${A('values: a fifth of smugglers\' skill cancelled, ramped over the first half of 2023')}`, 180),
  ev('bulgaria-authority-involvement', '2022-01-01', 'Bulgarian border authorities more involved in smuggling; more holes in the fence', { border: 'TR-BG' }, { corruption: 0.3, antiSmuggling: 0.1 },
    `"People are going more through Bulgaria rather than Greece for the last year … Bulgaria has more holes in its border fences … In Bulgaria, there is more authority involvement in smuggling networks" (seed-003 L821–834, said in mid-2024); ${A('the date (two years before the interview) and values')}`, 365),
  ev('serbia-crackdown-subotica-raids', '2023-10-28', 'Serbian police raids on smuggling groups in Subotica', { place: 'subotica' }, { arrestPressure: 0.03 },
    `"Serbian police launched a major crackdown on migrant smuggling, dismantling armed groups operating near the Hungarian border and arresting numerous smugglers" (seed-003 L407–417); "Recent police operations in Subotica and Horgoš" (L885–889), raids "throughout 2024" (L893–894); ${R3} §1; ${A('values: 3% of the capacity of networks based there arrested per day')}`),
  ev('serbia-crackdown-horgos-raids', '2023-10-28', 'Serbian police raids on the armed smuggling groups at Horgoš', { place: 'horgos' }, { arrestPressure: 0.03 },
    `seed-003 L407–423 (the armed clash in Horgoš, anti-terrorist units), L885–894; ${EXT('the shoot-out near Horgoš on 27 October 2023')}; ${A('values')}`),
  ev('serbia-crackdown-belgrade-raids', '2023-10-28', 'Serbian police step up anti-smuggling work across the country', { place: 'belgrade' }, { arrestPressure: 0.02 },
    `"In the past six months, the police have been working intensively to suppress smuggling, encouraged by EU funds" (seed-003 L395–398), efforts "ongoing for nearly a year" (L424–427); ${A('values: two thirds of the pressure at the Hungarian border')}`),
  ev('europol-otf-bihac', '2024-01-24', 'Europol task force action days: arrests of smugglers based in Bosnia and Herzegovina (Bihać)', { place: 'bihac' }, { arrestPressure: 0.05 }, `${OTF}; ${A('values')}`),
  ev('europol-otf-velika-kladusa', '2024-01-24', 'Europol task force action days: arrests of smugglers based in Bosnia and Herzegovina (Velika Kladuša)', { place: 'velika-kladusa' }, { arrestPressure: 0.05 }, `${OTF}; ${A('values')}`),
  ev('europol-otf-croatia', '2024-01-24', 'Europol task force action days: arrests of network members in Croatia', { border: 'BA-HR' }, { arrestPressure: 0.02 }, `${OTF}; arrests in Croatia and Slovenia hit the networks serving the Bosnian–Croatian border; ${A('values')}`),
  ev('bosnia-raids-bihac', '2024-02-07', 'After the action days: continued police raids on smuggling rings in Bosnia and Herzegovina (Bihać)', { place: 'bihac' }, { arrestPressure: 0.003 },
    `"as smugglers began increasingly operating out of Bosnia … there have been more police raids in Bosnia trying to track down specific smuggling rings as well as arrests of smugglers" (seed-003 L436–441); ${A('values: a tenth of the Serbian pressure at the Hungarian border')}`),
  ev('bosnia-raids-velika-kladusa', '2024-02-07', 'After the action days: continued police raids in Bosnia and Herzegovina (Velika Kladuša)', { place: 'velika-kladusa' }, { arrestPressure: 0.003 }, `seed-003 L436–441; ${A('values: a tenth of the Serbian pressure at the Hungarian border')}`),
  ev('croatia-arrests-after-otf', '2024-02-07', 'After the action days: arrests in Croatia back to their usual level', { border: 'BA-HR' }, { arrestPressure: 0 },
    `${OTF}; ${A('values')}`),
  ev('albania-anti-smuggling-2024', '2024-06-01', 'Albania reinforces border police with its neighbours and monitors smugglers\' technology and social media', { border: ['GR-AL', 'AL-ME'] }, { antiSmuggling: 0.4 },
    `"reinforcement of border police collaborating with the police of neighbouring countries … increased the use of technology and social media to monitor smuggling operations" (seed-003 L441–449), ${R3} §1; ${A('the date (with the new Frontex agreement) and values')}`),
  ev('operation-ancora', '2026-03-31', 'Operation Ancora: the network that moved more than 100,000 people with more than 1,000 vehicles is dismantled', { dismantle: 'ancora' }, null,
    `"At the end of March 2026, a major migrant smuggling network was dismantled in the Balkans thanks to Operation "Ancora," carried out in cooperation with various national police forces" (seed-001 L6, L16), ${R3} §1; ${A('the day: the seed says the end of March')}`),
];
