// The Western Balkan route network: countries, places and segments, 2015–2026.
//
// Places are real, with WGS84 coordinates; every crossing the source documents name as an
// alternative exists (Horgoš–Röszke, Kelebija–Tompa, Sombor, Šid–Tovarnik/Bapska, Kikinda–Jimbolia,
// the Drina, Bihać/Velika Kladuša, the Albanian–Montenegrin coastal route, Bulgaria–Serbia) and
// Türkiye is the common start, so that Greek and Bulgarian entry compete. Distances are great-circle
// × 1.25 (an approximation of road distance) unless an edge says otherwise. Shelter capacities,
// living costs and hazards are assumptions (orders of magnitude): no seed document gives them.
import { A, EXT } from './sources.mjs';

export const countries = {
  TR: { name: 'Türkiye', eu: false, reportingRate: 0.9 },
  GR: { name: 'Greece', eu: true, reportingRate: 0.9 },
  BG: { name: 'Bulgaria', eu: true, reportingRate: 0.95 },
  MK: { name: 'North Macedonia', eu: false, reportingRate: 0.8 },
  RS: { name: 'Serbia', eu: false, reportingRate: 0.9 },
  BA: { name: 'Bosnia and Herzegovina', eu: false, reportingRate: 0.9 },
  AL: { name: 'Albania', eu: false, reportingRate: 0.85 },
  ME: { name: 'Montenegro', eu: false, reportingRate: 0.85 },
  HR: { name: 'Croatia', eu: true, reportingRate: 0.9 },
  SI: { name: 'Slovenia', eu: true, reportingRate: 0.95 },
  HU: { name: 'Hungary', eu: true, reportingRate: 1 },
  RO: { name: 'Romania', eu: true, reportingRate: 1 },
  AT: { name: 'Austria', eu: true, reportingRate: 0.9 },
  DE: { name: 'Germany', eu: true, reportingRate: 0.9 },
  IT: { name: 'Italy', eu: true, reportingRate: 0.95 },
};

// Living cost outside a camp, EUR per day (assumption: orders of magnitude by country).
const COST = { TR: 10, GR: 15, BG: 12, MK: 10, RS: 10, BA: 10, AL: 10, ME: 10, HR: 15, SI: 18, HU: 15, RO: 12, AT: 25, DE: 25, IT: 25 };

// [id, name, country, lat, lon, kind, shelterCapacity, note]
const N = [
  ['istanbul', 'Istanbul (where people gather before the crossing to Greece or Bulgaria)', 'TR', 41.0082, 28.9784, 'entry', 0, 'most people on the route lived in Türkiye before moving on: seed-003 L747–749'],
  ['edirne', 'Edirne (land border with Greece and Bulgaria)', 'TR', 41.6771, 26.5557, 'border-area', 0, ''],
  ['ayvalik', 'Ayvalık / Aegean coast (departures to Lesvos)', 'TR', 39.319, 26.693, 'border-area', 0, ''],
  ['lesvos', 'Lesvos (Moria hotspot; stands for the Aegean islands)', 'GR', 39.1067, 26.5544, 'camp', 3000, 'hotspots: seed-000 L43'],
  ['athens-piraeus', 'Athens / Piraeus (island ferries; people who lived in Greece)', 'GR', 37.942, 23.6465, 'hub', 2000, 'secondary movers who had lived in Greece: seed-003 L747–749'],
  ['evros', 'Evros area (Orestiada)', 'GR', 41.5025, 26.5317, 'border-area', 200, 'land border with Türkiye along the Evros river'],
  ['thessaloniki', 'Thessaloniki', 'GR', 40.6401, 22.9444, 'hub', 500, ''],
  ['idomeni', 'Idomeni', 'GR', 41.1231, 22.5117, 'camp', 1500, 'collection and transit point, stranding in 2016: seed-000 L43, L63'],
  ['ioannina', 'Ioannina', 'GR', 39.665, 20.8537, 'hub', 100, ''],
  ['kapitan-andreevo', 'Kapitan Andreevo / Svilengrad', 'BG', 41.7185, 26.296, 'border-area', 300, 'land border with Türkiye'],
  ['sofia', 'Sofia (also people who had lived in Bulgaria)', 'BG', 42.6977, 23.3219, 'hub', 1500, 'secondary movers: seed-003 L747–749'],
  ['kalotina', 'Kalotina', 'BG', 42.985, 22.866, 'border-area', 0, ''],
  ['gevgelija', 'Gevgelija (Vinojug transit centre; Bogorodica crossing)', 'MK', 41.1392, 22.5025, 'camp', 1000, 'collection and transit point: seed-000 L43; Frontex at Bogorodica from April 2023: seed-000 L309'],
  ['skopje', 'Skopje', 'MK', 41.9981, 21.4254, 'hub', 200, ''],
  ['tabanovce', 'Tabanovce (transit centre)', 'MK', 42.213, 21.706, 'camp', 1000, ''],
  ['lojane', 'Lojane / Vaksince (green border to Serbia)', 'MK', 42.2236, 21.6717, 'border-area', 0, ''],
  ['presevo', 'Preševo (reception centre; Miratovac)', 'RS', 42.3092, 21.6497, 'camp', 2000, 'reception centre opened July 2015: seed-000 L43'],
  ['nis', 'Niš', 'RS', 43.3209, 21.8958, 'hub', 200, ''],
  ['dimitrovgrad', 'Dimitrovgrad / Pirot area', 'RS', 43.0153, 22.7753, 'border-area', 200, ''],
  ['belgrade', 'Belgrade (also an air entry: Nikola Tesla airport)', 'RS', 44.8176, 20.4569, 'hub', 500, 'nerve centre where people rested and gathered information: seed-000 L43; air entry: seed-003 L769–780'],
  ['subotica', 'Subotica', 'RS', 46.1001, 19.6655, 'hub', 300, 'police operations from late 2023: seed-003 L885–889'],
  ['horgos', 'Horgoš / Kanjiža', 'RS', 46.1556, 19.9717, 'border-area', 100, 'armed clash and crackdown, late 2023: seed-003 L419–423'],
  ['kelebija', 'Kelebija', 'RS', 46.166, 19.61, 'border-area', 0, ''],
  ['sombor', 'Sombor', 'RS', 45.7742, 19.1122, 'border-area', 300, ''],
  ['sid', 'Šid', 'RS', 45.1283, 19.2264, 'border-area', 500, 'railway deaths at nearby Kuzmin: seed-001 L83'],
  ['kikinda', 'Kikinda', 'RS', 45.8297, 20.4653, 'border-area', 100, ''],
  ['loznica', 'Loznica (Drina valley)', 'RS', 44.5333, 19.2236, 'hub', 0, 'routes from Bulgaria to Bosnia that skip Belgrade: seed-003 L792–796'],
  ['mali-zvornik', 'Mali Zvornik (Drina)', 'RS', 44.3725, 19.1072, 'border-area', 0, ''],
  ['bijeljina', 'Bijeljina', 'BA', 44.7569, 19.2144, 'hub', 0, ''],
  ['zvornik', 'Zvornik', 'BA', 44.3864, 19.1028, 'border-area', 0, ''],
  ['tuzla', 'Tuzla', 'BA', 44.5384, 18.6763, 'hub', 100, ''],
  ['sarajevo', 'Sarajevo (also an air entry)', 'BA', 43.8563, 18.4131, 'hub', 300, 'Sarajevo canton: seed-004 L120; visa-free air entry for Türkiye nationals since 2005: seed-003 L593'],
  ['trebinje', 'Trebinje', 'BA', 42.7117, 18.3436, 'border-area', 0, ''],
  ['lipa', 'Lipa (camp on the Bosanski Petrovac–Bihać road)', 'BA', 44.7, 16.08, 'camp', 1500, EXT('IOM camp opened 2020, burnt December 2020, rebuilt 2021')],
  ['bihac', 'Bihać', 'BA', 44.8169, 15.8708, 'camp', 1000, 'Una-Sana canton holds most reception centres: seed-004 L120'],
  ['velika-kladusa', 'Velika Kladuša', 'BA', 45.1842, 15.8056, 'border-area', 300, ''],
  ['kakavije', 'Kakavijë', 'AL', 39.913, 20.333, 'border-area', 0, ''],
  ['tirana', 'Tirana', 'AL', 41.3275, 19.8187, 'hub', 100, ''],
  ['shkoder', 'Shkodër', 'AL', 42.0683, 19.5126, 'border-area', 0, ''],
  ['podgorica', 'Podgorica', 'ME', 42.4304, 19.2594, 'hub', 100, ''],
  ['niksic', 'Nikšić', 'ME', 42.7731, 18.9445, 'border-area', 0, 'robbery by a mafia group near the Bosnian border: seed-003 L1134–1139'],
  ['tovarnik', 'Tovarnik', 'HR', 45.1647, 19.1514, 'border-area', 500, ''],
  ['bapska', 'Bapska (Berkasovo–Bapska crossing, autumn 2015)', 'HR', 45.1958, 19.2731, 'border-area', 0, ''],
  ['opatovac', 'Opatovac (transit camp)', 'HR', 45.27, 19.17, 'camp', 4000, 'transit camp opened after the September 2015 surge'],
  ['slavonski-brod', 'Slavonski Brod (winter reception centre)', 'HR', 45.1603, 18.0156, 'camp', 5000, 'winter reception centre from November 2015'],
  ['batina', 'Batina (Danube bridge from Bezdan)', 'HR', 45.8483, 18.8422, 'border-area', 0, ''],
  ['osijek', 'Osijek', 'HR', 45.555, 18.6955, 'hub', 0, ''],
  ['zagreb', 'Zagreb', 'HR', 45.815, 15.9819, 'hub', 500, ''],
  ['karlovac', 'Karlovac', 'HR', 45.4929, 15.5553, 'hub', 0, ''],
  ['licko-petrovo-selo', 'Ličko Petrovo Selo (Izačić crossing)', 'HR', 44.857, 15.706, 'border-area', 0, ''],
  ['rijeka', 'Rijeka', 'HR', 45.3271, 14.4422, 'hub', 0, ''],
  ['botovo', 'Botovo (Koprivnica)', 'HR', 46.2419, 16.9367, 'border-area', 0, ''],
  ['dobova', 'Dobova / Brežice', 'SI', 45.8989, 15.6594, 'camp', 2000, ''],
  ['ljubljana', 'Ljubljana', 'SI', 46.0569, 14.5058, 'hub', 500, ''],
  ['sentilj', 'Šentilj / Spielfeld', 'SI', 46.6819, 15.6503, 'camp', 2000, ''],
  ['ilirska-bistrica', 'Ilirska Bistrica', 'SI', 45.5677, 14.2406, 'border-area', 0, ''],
  ['roszke', 'Röszke (registration centre, later transit zone)', 'HU', 46.1881, 20.0372, 'border-area', 1000, ''],
  ['tompa', 'Tompa (transit zone)', 'HU', 46.2056, 19.5364, 'border-area', 300, ''],
  ['hercegszanto', 'Hercegszántó', 'HU', 45.9456, 18.9372, 'border-area', 0, ''],
  ['szeged', 'Szeged', 'HU', 46.253, 20.1414, 'hub', 200, ''],
  ['budapest', 'Budapest', 'HU', 47.4979, 19.0402, 'hub', 1000, ''],
  ['hegyeshalom', 'Hegyeshalom', 'HU', 47.9111, 17.155, 'border-area', 500, ''],
  ['zakany', 'Zákány', 'HU', 46.2747, 16.95, 'border-area', 200, ''],
  ['csanadpalota', 'Csanádpalota', 'HU', 46.2417, 20.7278, 'border-area', 0, ''],
  ['jimbolia', 'Jimbolia', 'RO', 45.7914, 20.7172, 'border-area', 0, ''],
  ['timisoara', 'Timișoara', 'RO', 45.7489, 21.2087, 'hub', 200, ''],
  ['nadlac', 'Nădlac', 'RO', 46.1667, 20.75, 'border-area', 0, ''],
  ['graz', 'Graz', 'AT', 47.0707, 15.4395, 'hub', 2000, ''],
  ['salzburg', 'Salzburg', 'AT', 47.8095, 13.055, 'hub', 1500, ''],
  ['vienna', 'Vienna', 'AT', 48.2082, 16.3738, 'destination', 5000, ''],
  ['munich', 'Munich (Germany and beyond)', 'DE', 48.1351, 11.582, 'destination', 5000, 'stands for Germany and for onward travel to Sweden, Belgium and elsewhere'],
  ['trieste', 'Trieste (Italy and beyond)', 'IT', 45.6495, 13.7768, 'destination', 500, 'stands for Italy and for onward travel to France and Spain'],
];

export const nodes = N.map(([id, name, country, lat, lon, kind, shelterCapacity, note]) => ({
  id, name, country, lat, lon, kind, shelterCapacity,
  livingCostEurPerDay: COST[country],
  source: `coordinates: WGS84; ${note ? note + '; ' : ''}${A(`shelter capacity and living cost (${COST[country]} EUR/day in ${country}) are orders of magnitude, not in the seed documents`)}`,
}));
const byId = new Map(nodes.map((n) => [n.id, n]));

function greatCircleKm(a, b) {
  const R = 6371, r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r, dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

// Hazard per traversal (probability of an incident, a tenth of them fatal by default): assumptions.
const H = { rail: 0.00002, vehicle: 0.00005, corridorFoot: 0.0003, greenFoot: 0.002, mountainFoot: 0.003, river: 0.004, drinaBoat: 0.005, aegean: 0.01 };
const HN = {
  rail: 'rail (2e-5 per trip)', vehicle: 'road (5e-5 per trip)', corridorFoot: 'a short walk across an open or tolerated border (3e-4)',
  greenFoot: 'a green-border crossing through fields, forest or a river (2e-3)',
  mountainFoot: 'days on mountain paths (3e-3; seed-003 L1046, L1060: "traveling for days on foot", "long walks over difficult terrain")',
  river: 'a crossing of the Evros river on foot or by boat (4e-3)',
  drinaBoat: 'a night crossing of the Drina by rubber boat (5e-3; seed-003 L1053–1056, "the most dangerous journey")',
  aegean: `a dinghy crossing of the Aegean (1e-2, a tenth fatal: about 1 death per 1,000 crossings, the order of the 2015 toll; ${EXT('IOM Missing Migrants Project: about 800 deaths in the Eastern Mediterranean in 2015 for some 850,000 arrivals')})`,
};

// [from, to, mode, hazardClass, options]
const E = [
  ['istanbul', 'edirne', 'vehicle', 'vehicle'],
  ['istanbul', 'ayvalik', 'vehicle', 'vehicle'],
  ['ayvalik', 'lesvos', 'boat', 'aegean', { id: 'aegean-lesvos', km: 15, distNote: 'the strait between Ayvalık and Lesvos, about 15 km', note: 'alone, the fare buys a place in a dinghy; with the smugglers based in Edirne (smugglers.mjs), a guided crossing' }],
  ['lesvos', 'athens-piraeus', 'vehicle', 'rail', { km: 350, fare: 60, distNote: 'the ferry Mytilene–Piraeus, about 190 nautical miles; mode vehicle because boat speed (20 km/day) is that of a dinghy, not a ferry', fareNote: A('60 EUR ferry ticket') }],
  ['edirne', 'evros', 'foot', 'river', { id: 'evros-crossing' }],
  ['edirne', 'kapitan-andreevo', 'foot', 'greenFoot', { id: 'edirne-kapitan-andreevo' }],
  ['athens-piraeus', 'thessaloniki', 'vehicle', 'vehicle'],
  ['athens-piraeus', 'ioannina', 'vehicle', 'vehicle'],
  ['evros', 'thessaloniki', 'vehicle', 'vehicle'],
  ['thessaloniki', 'idomeni', 'vehicle', 'vehicle'],
  ['thessaloniki', 'ioannina', 'vehicle', 'vehicle'],
  ['idomeni', 'gevgelija', 'foot', 'corridorFoot', { id: 'idomeni-gevgelija' }],
  ['gevgelija', 'skopje', 'rail', 'rail'],
  ['gevgelija', 'tabanovce', 'rail', 'rail', { note: 'the 2015 trains from Gevgelija to the Serbian border' }],
  ['skopje', 'tabanovce', 'vehicle', 'vehicle'],
  ['skopje', 'lojane', 'vehicle', 'vehicle'],
  ['tabanovce', 'presevo', 'foot', 'corridorFoot', { id: 'tabanovce-presevo' }],
  ['lojane', 'presevo', 'foot', 'greenFoot', { id: 'lojane-miratovac', note: 'the green border used once the corridor closed' }],
  ['presevo', 'nis', 'vehicle', 'vehicle'],
  ['presevo', 'belgrade', 'vehicle', 'vehicle', { note: 'the 2015 buses from Preševo to Belgrade' }],
  ['nis', 'belgrade', 'rail', 'rail'],
  ['nis', 'loznica', 'vehicle', 'vehicle', { note: 'via Kragujevac and Valjevo, skipping Belgrade (seed-003 L792–796)' }],
  ['kapitan-andreevo', 'sofia', 'vehicle', 'vehicle'],
  ['sofia', 'kalotina', 'vehicle', 'vehicle'],
  ['kalotina', 'dimitrovgrad', 'foot', 'greenFoot', { id: 'kalotina-dimitrovgrad' }],
  ['dimitrovgrad', 'nis', 'vehicle', 'vehicle'],
  ['belgrade', 'subotica', 'rail', 'rail'],
  ['belgrade', 'sombor', 'vehicle', 'vehicle'],
  ['subotica', 'horgos', 'vehicle', 'vehicle'],
  ['subotica', 'kelebija', 'vehicle', 'vehicle'],
  ['subotica', 'sombor', 'vehicle', 'vehicle'],
  ['horgos', 'roszke', 'foot', 'corridorFoot', { id: 'horgos-roszke', note: 'the walk along the railway line into Hungary, summer 2015' }],
  ['kelebija', 'tompa', 'foot', 'greenFoot', { id: 'kelebija-tompa' }],
  ['sombor', 'hercegszanto', 'foot', 'greenFoot', { id: 'sombor-hercegszanto', note: 'Bački Breg–Hercegszántó' }],
  ['roszke', 'szeged', 'vehicle', 'vehicle'],
  ['tompa', 'budapest', 'vehicle', 'vehicle'],
  ['hercegszanto', 'budapest', 'vehicle', 'vehicle'],
  ['szeged', 'budapest', 'rail', 'rail'],
  ['budapest', 'hegyeshalom', 'rail', 'rail'],
  ['hegyeshalom', 'vienna', 'rail', 'rail', { id: 'hegyeshalom-vienna' }],
  ['horgos', 'kikinda', 'vehicle', 'vehicle', { note: 'via Kanjiža and Novi Kneževac, so that people at the Hungarian border can turn towards Romania' }],
  ['sombor', 'sid', 'vehicle', 'vehicle', { note: 'so that people in the north can turn towards Croatia without going back to Belgrade' }],
  ['sombor', 'batina', 'foot', 'greenFoot', { id: 'sombor-batina', note: 'Bezdan–Batina, across the Danube' }],
  ['batina', 'osijek', 'vehicle', 'vehicle'],
  ['osijek', 'zagreb', 'vehicle', 'vehicle'],
  ['belgrade', 'sid', 'vehicle', 'vehicle'],
  ['sid', 'tovarnik', 'foot', 'corridorFoot', { id: 'sid-tovarnik', note: 'the walk across the fields into Croatia, September 2015' }],
  ['sid', 'bapska', 'foot', 'corridorFoot', { id: 'berkasovo-bapska', note: 'the main crossing into Croatia from late September 2015' }],
  ['tovarnik', 'opatovac', 'vehicle', 'vehicle'],
  ['bapska', 'opatovac', 'vehicle', 'vehicle'],
  ['opatovac', 'slavonski-brod', 'vehicle', 'vehicle'],
  ['slavonski-brod', 'zagreb', 'rail', 'rail'],
  ['opatovac', 'botovo', 'vehicle', 'vehicle', { note: 'Croatian buses and trains to the Hungarian border, September–October 2015' }],
  ['zagreb', 'botovo', 'vehicle', 'vehicle'],
  ['botovo', 'zakany', 'foot', 'corridorFoot', { id: 'botovo-zakany' }],
  ['zakany', 'hegyeshalom', 'rail', 'rail', { note: 'Hungarian trains to the Austrian border, September–October 2015' }],
  ['zagreb', 'dobova', 'rail', 'rail', { id: 'zagreb-dobova' }],
  ['slavonski-brod', 'dobova', 'rail', 'rail', { id: 'slavonski-brod-dobova', note: 'the corridor trains from Croatia into Slovenia, autumn 2015' }],
  ['dobova', 'ljubljana', 'rail', 'rail'],
  ['dobova', 'sentilj', 'rail', 'rail', { note: 'via Celje and Maribor' }],
  ['ljubljana', 'sentilj', 'vehicle', 'vehicle'],
  ['sentilj', 'graz', 'vehicle', 'vehicle', { id: 'sentilj-graz' }],
  ['graz', 'vienna', 'rail', 'rail'],
  ['graz', 'salzburg', 'rail', 'rail'],
  ['vienna', 'salzburg', 'vehicle', 'vehicle', { km: 295, distNote: 'road distance Vienna–Salzburg on the A1, about 295 km' }],
  ['salzburg', 'munich', 'rail', 'rail', { id: 'salzburg-munich' }],
  ['ljubljana', 'trieste', 'vehicle', 'vehicle', { id: 'ljubljana-trieste' }],
  ['ljubljana', 'ilirska-bistrica', 'vehicle', 'vehicle'],
  ['ilirska-bistrica', 'trieste', 'foot', 'greenFoot', { id: 'ilirska-bistrica-trieste' }],
  ['zagreb', 'karlovac', 'vehicle', 'vehicle'],
  ['karlovac', 'rijeka', 'vehicle', 'vehicle'],
  ['licko-petrovo-selo', 'karlovac', 'vehicle', 'vehicle'],
  ['licko-petrovo-selo', 'rijeka', 'vehicle', 'vehicle'],
  ['rijeka', 'ilirska-bistrica', 'foot', 'greenFoot', { id: 'rijeka-ilirska-bistrica' }],
  ['belgrade', 'kikinda', 'vehicle', 'vehicle'],
  ['kikinda', 'jimbolia', 'foot', 'greenFoot', { id: 'kikinda-jimbolia' }],
  ['jimbolia', 'timisoara', 'vehicle', 'vehicle'],
  ['timisoara', 'nadlac', 'vehicle', 'vehicle'],
  ['nadlac', 'csanadpalota', 'foot', 'greenFoot', { id: 'nadlac-csanadpalota' }],
  ['csanadpalota', 'szeged', 'vehicle', 'vehicle'],
  ['belgrade', 'loznica', 'vehicle', 'vehicle'],
  ['loznica', 'mali-zvornik', 'vehicle', 'vehicle'],
  ['belgrade', 'mali-zvornik', 'vehicle', 'vehicle'],
  ['mali-zvornik', 'zvornik', 'boat', 'drinaBoat', { id: 'drina-boat', km: 1, fare: 50, distNote: 'the width of the Drina', fareNote: A('50 EUR for a place in a boat (seed-003 L1053 describes the crossing, no price)') }],
  ['sid', 'bijeljina', 'foot', 'greenFoot', { id: 'sid-bijeljina', note: 'across the Sava near Sremska Rača' }],
  ['zvornik', 'bijeljina', 'vehicle', 'vehicle'],
  ['zvornik', 'tuzla', 'vehicle', 'vehicle'],
  ['bijeljina', 'tuzla', 'vehicle', 'vehicle'],
  ['tuzla', 'sarajevo', 'vehicle', 'vehicle'],
  ['tuzla', 'bihac', 'vehicle', 'vehicle', { note: 'via Banja Luka' }],
  ['sarajevo', 'lipa', 'vehicle', 'vehicle', { note: 'via Jajce, Ključ and Bosanski Petrovac' }],
  ['lipa', 'bihac', 'vehicle', 'vehicle'],
  ['bihac', 'velika-kladusa', 'vehicle', 'vehicle'],
  ['velika-kladusa', 'karlovac', 'foot', 'greenFoot', { id: 'velika-kladusa-karlovac' }],
  ['bihac', 'licko-petrovo-selo', 'foot', 'greenFoot', { id: 'bihac-licko-petrovo-selo' }],
  ['trebinje', 'sarajevo', 'vehicle', 'vehicle'],
  ['ioannina', 'kakavije', 'foot', 'mountainFoot', { id: 'ioannina-kakavije' }],
  ['kakavije', 'tirana', 'vehicle', 'vehicle'],
  ['tirana', 'shkoder', 'vehicle', 'vehicle'],
  ['shkoder', 'podgorica', 'foot', 'mountainFoot', { id: 'shkoder-podgorica' }],
  ['podgorica', 'niksic', 'vehicle', 'vehicle'],
  ['niksic', 'trebinje', 'foot', 'mountainFoot', { id: 'niksic-trebinje' }],
];

export const edges = E.map(([from, to, mode, hz, o = {}]) => {
  const a = byId.get(from), b = byId.get(to);
  if (!a || !b) throw new Error(`edge ${from} → ${to}: unknown node`);
  const km = o.km ?? Math.max(1, Math.round(greatCircleKm(a, b) * 1.25));
  const parts = [o.distNote ?? 'distance: great-circle × 1.25 (approximate road distance)'];
  if (o.note) parts.push(o.note);
  parts.push(A(`mode ${mode}; hazard for ${HN[hz]}`));
  if (o.fareNote) parts.push(o.fareNote);
  const e = { ...(o.id ? { id: o.id } : {}), from, to, distanceKm: km, mode, hazard: H[hz] };
  if (o.fare !== undefined) e.fareEur = o.fare;
  e.source = parts.join('; ');
  return e;
});
