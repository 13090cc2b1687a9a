// Who travels, from where and when: cohorts (nationality groups) and monthly inflow per entry.
//
// Land and sea cohorts start in Istanbul (most people on the route had lived in Türkiye first,
// seed-003 L747–749) and choose between the Aegean, the Evros and Bulgaria; from April 2016 some
// start in Athens or Sofia (people who had lived in Greece or Bulgaria, same lines). Air cohorts
// fly visa-free into Belgrade (and, for Türkiye nationals, Sarajevo) and their streams end when
// Serbia introduces visas (seed-003 L310–311, L630–635, L769–780; seed-001 L64).
//
// Inflow counts people who set out along the route towards Western Europe, not all arrivals in
// the region. 2015 to March 2016 follow UNHCR's monthly sea arrivals in Greece; later years are
// yearly totals (ROUTE_TOTAL) calibrated so that recorded detections at the exits of the region
// are of the order of the Frontex yearly figures (docs/scenarios-western-balkans.md, Calibration).
import { A, EXT } from './sources.mjs';

// Budgets: the relative sizes below (richer Syrians and Türkiye nationals, poorer Moroccans and
// Pakistanis) times BUDGET_SCALE. The model has no income on the way (no work, no remittances), so a
// budget is all the money a person will have: enough for two or three smuggled crossings (a few
// hundred to a thousand euros an attempt, smugglers.mjs) and a few months of living costs. With
// half these budgets, thousands of people spent everything on smugglers by 2022 and stayed, broke,
// at border areas whose only way back is a bus they cannot pay for. Assumption.
const BUDGET_SCALE = 4;
const cohort = (id, name, relative, riskAversion, destinations, why) => {
  const mean = relative * BUDGET_SCALE;
  return {
    id, name, budgetEur: { mean, sd: Math.round(mean * 0.4) }, riskAversion, destinations,
    source: `${why}; ${A('budget (log-normal, sd 40% of the mean: what a person carries or can get for the whole journey from here, smugglers included), risk aversion and destination weights are not in the seed documents')}`,
  };
};

export const cohorts = [
  cohort('syria', 'Syrians', 3500, 1.3, { munich: 0.75, vienna: 0.2, trieste: 0.05 }, 'the largest group in 2015–16 (seed-001 L8) and again in 2023–24 (seed-003 L602–607); many families, so risk aversion above average'),
  cohort('afghanistan', 'Afghans', 2500, 1.0, { munich: 0.55, vienna: 0.3, trieste: 0.15 }, 'second group in 2015–16 (seed-001 L8), first in 2017 (frontex-yearly notes), third in 2023–24 (seed-003 L615–618)'),
  cohort('iraq', 'Iraqis', 3200, 1.2, { munich: 0.7, vienna: 0.2, trieste: 0.1 }, 'admitted with Syrians and Afghans in 2015–16 (seed-000 L389); among the nine other nationalities of 2023–24 (seed-003 L596)'),
  cohort('pakistan', 'Pakistanis', 2200, 0.7, { munich: 0.3, vienna: 0.1, trieste: 0.6 }, 'blocked under nationality-selective admission in 2015–16 (seed-000 L389); second group in 2017 (frontex-yearly notes); seed-003 L596'),
  cohort('morocco', 'Moroccans', 2000, 0.6, { munich: 0.2, trieste: 0.8 }, 'blocked in 2015–16 (seed-000 L389); seed-003 L596; Italy and France as destinations'),
  cohort('bangladesh', 'Bangladeshis', 2500, 0.8, { munich: 0.2, vienna: 0.1, trieste: 0.7 }, 'seed-003 L596; Italy as the main destination'),
  cohort('turkiye', 'Türkiye nationals (air entry, visa-free)', 4000, 0.9, { munich: 0.8, vienna: 0.1, trieste: 0.1 }, 'visa-free entry to Serbia since 2010 and Bosnia and Herzegovina since 2005 (seed-003 L593); second group in January–May 2024 (seed-003 L608–615)'),
  cohort('india', 'Indians (air entry, visa-free until end 2022)', 3000, 0.8, { munich: 0.3, vienna: 0.1, trieste: 0.6 }, 'visa-free air entry to Serbia until 2022 (seed-003 L630–635, L777–778)'),
  cohort('burundi', 'Burundians (air entry, visa-free until October 2022)', 2500, 1.0, { munich: 0.6, trieste: 0.4 }, 'visa-free air entry to Serbia until 2022 (seed-003 L630–635, L777–778)'),
  cohort('tunisia', 'Tunisians (air entry, visa-free until November 2022)', 2500, 0.7, { munich: 0.2, trieste: 0.8 }, 'visa-free air entry to Serbia until 2022 (seed-003 L630–635; seed-001 L64)'),
  cohort('cuba', 'Cubans (air entry, visa on arrival until April 2023)', 3000, 1.0, { trieste: 1 }, 'visa on arrival in Belgrade in 2022, visas from April 2023 (seed-003 L310–311, L769–776); Spain via Italy'),
  cohort('china', 'Chinese (air entry, visa-free)', 4000, 1.0, { munich: 0.5, trieste: 0.5 }, 'visa-free entry and a rise in 2024 (seed-003 L626–629; asylum applications in Italy, France and Germany, L637–641)'),
];

const LAND = ['syria', 'afghanistan', 'iraq', 'pakistan', 'morocco', 'bangladesh'];
// Shares of the land and sea cohorts by year (assumption, from the nationalities the sources name).
const SHARES = {
  2015: [0.56, 0.24, 0.11, 0.05, 0.02, 0.02],
  2016: [0.47, 0.24, 0.15, 0.08, 0.03, 0.03],
  2017: [0.12, 0.32, 0.12, 0.30, 0.08, 0.06],
  2018: [0.15, 0.3, 0.1, 0.25, 0.1, 0.1],
  2019: [0.15, 0.3, 0.1, 0.25, 0.1, 0.1],
  2020: [0.3, 0.3, 0.05, 0.15, 0.12, 0.08],
  2021: [0.3, 0.3, 0.05, 0.15, 0.12, 0.08],
  2022: [0.4, 0.3, 0.05, 0.08, 0.1, 0.07],
  2023: [0.5, 0.25, 0.05, 0.06, 0.09, 0.05],
  2024: [0.5, 0.25, 0.05, 0.06, 0.09, 0.05],
  2025: [0.5, 0.25, 0.05, 0.06, 0.09, 0.05],
  2026: [0.5, 0.25, 0.05, 0.06, 0.09, 0.05],
};
const SHARES_SOURCE = `${A('nationality shares by year')}: 2015–16 ${EXT('UNHCR: Syrians about 56%, Afghans 24%, Iraqis 10% of sea arrivals in Greece in 2015; 47%, 24%, 15% in 2016')}; 2017 Afghanistan about 32% and Pakistan 30% (frontex-yearly notes); 2022 Syria, Afghanistan, Türkiye (frontex-yearly notes); 2023–24 Syria, Türkiye, Afghanistan first (seed-003 L602–618), then Iraq, Morocco, Pakistan, Bangladesh among nine others (L596)`;

// UNHCR monthly sea arrivals in Greece, January 2015 – March 2016 (rounded to 100).
const GREEK_SEA = {
  '2015-01': 1700, '2015-02': 2900, '2015-03': 7900, '2015-04': 13600, '2015-05': 17900, '2015-06': 31300,
  '2015-07': 54900, '2015-08': 107800, '2015-09': 147100, '2015-10': 211700, '2015-11': 151200, '2015-12': 108700,
  '2016-01': 67400, '2016-02': 57100, '2016-03': 27000,
};
// People setting out on the route per year, from April 2016 (land and sea cohorts; air cohorts below).
export const ROUTE_TOTAL = { 2016: 5000, 2017: 13000, 2018: 5000, 2019: 8000, 2020: 64000, 2021: 92000, 2022: 125000, 2023: 35000, 2024: 10500, 2025: 8500, 2026: 8500 };
// Where they start: Istanbul, or Athens and Sofia for people who had lived in Greece or Bulgaria.
const START = { istanbul: 0.75, 'athens-piraeus': 0.2, sofia: 0.05 };

const SEASON = [0.05, 0.05, 0.07, 0.08, 0.09, 0.1, 0.11, 0.12, 0.11, 0.1, 0.07, 0.05];
// 2023: a spike in the third quarter, then a steady decline to the end of the year (seed-003 L549–555).
const SEASON_2023 = [0.06, 0.06, 0.07, 0.08, 0.09, 0.11, 0.13, 0.13, 0.11, 0.07, 0.05, 0.04];
const month = (y, m) => `${y}-${String(m + 1).padStart(2, '0')}`;

// Share of sea arrivals who set out onwards: from mid-February 2016 North Macedonia let only Syrians
// and Iraqis through, and after the March closure most new arrivals stayed in Greece.
const ONWARD = { '2016-02': 0.8, '2016-03': 0.4 };

function routeMonthly() {
  const out = Object.fromEntries(Object.entries(GREEK_SEA).map(([k, v]) => [k, Math.round(v * 1.04 * (ONWARD[k] ?? 1))]));
  // April–December 2016: the rest of the year's total, evenly.
  for (let m = 3; m < 12; m++) out[month(2016, m)] = Math.round(ROUTE_TOTAL[2016] / 9);
  for (let y = 2017; y <= 2026; y++) {
    const shape = y === 2023 ? SEASON_2023 : SEASON;
    for (let m = 0; m < 12; m++) {
      let v = ROUTE_TOTAL[y] * shape[m];
      if (y === 2020 && (m === 3 || m === 4)) v *= 0.3; // COVID-19 border closures, April–May 2020
      if (y === 2020 && m === 2) v += 5000; // Türkiye stops holding people back, 28 February 2020
      out[month(y, m)] = Math.round(v);
    }
  }
  return out;
}
const EARLY_SOURCE = `January 2015 – March 2016: unhcr-greece-monthly sea arrivals × 1.04 (about 4% more by land through the Evros and Bulgaria, ${A('share')}), of whom 80% in February and 40% in March 2016 set out onwards (${A('shares')}: nationality-selective admission from February and the closure of March 2016 left people in Greece, seed-000 L63, L389; ${EXT('about 50,000 people remained in mainland Greece after the closure')})`;
const LATER_SOURCE = `April–December 2016 and 2017–2026: yearly totals chosen by calibration (so that recorded detections at the region's exits match frontex-yearly in order of magnitude, see calibration), spread over months by ${A('a seasonal profile with a summer peak')}; 2023 follows the third-quarter spike and decline of seed-003 L549–555; 2020: April–May at 30% for the COVID-19 border closures and 5,000 more in March when Türkiye stopped holding people back (${EXT('28 February 2020, the Pazarkule/Kastanies crossing')})`;

const scale = (series, k) => Object.fromEntries(Object.entries(series).map(([m, v]) => [m, Math.round(v * k)]).filter(([, v]) => v > 0));

function landInflow() {
  const all = routeMonthly();
  const out = [];
  for (const [entry, entryShare] of Object.entries(START)) {
    LAND.forEach((c, i) => {
      const monthly = {};
      for (const [m, v] of Object.entries(all)) {
        const before = m < '2016-04';
        if (before && entry !== 'istanbul') continue;
        const share = before ? 1 : entryShare;
        const x = Math.round(v * share * SHARES[m.slice(0, 4)][i]);
        if (x > 0) monthly[m] = x;
      }
      const where = entry === 'istanbul'
        ? `most people had lived in Türkiye before moving on (seed-003 L747–749); ${EARLY_SOURCE}`
        : `people who had lived in ${entry === 'sofia' ? 'Bulgaria' : 'Greece'} and move on from April 2016 (seed-003 L745–749: about half of those surveyed were secondary movers, mostly from Türkiye, fewer from Greece and Bulgaria)`;
      const split = A(`from April 2016, ${Object.entries(START).map(([k, v]) => `${v * 100}% start in ${k}`).join(', ')}`);
      out.push({ entry, cohort: c, monthly, source: `${where}; ${LATER_SOURCE}; ${split}; ${SHARES_SOURCE}` });
    });
  }
  return out;
}

// Air cohorts: people per year, spread by SEASON over the months they could fly in.
function air(entry, c, perYear, lastMonth, source) {
  const monthly = {};
  for (const [y, total] of Object.entries(perYear)) {
    for (let m = 0; m < 12; m++) {
      const key = month(y, m);
      if (lastMonth && key > lastMonth) continue;
      const v = Math.round(total * SEASON[m]);
      if (v > 0) monthly[key] = v;
    }
  }
  return { entry, cohort: c, monthly, source: `${source}; ${A('yearly numbers of the order that makes the nationality visible in Frontex statistics, spread by a seasonal profile')}` };
}

const TURKIYE = { 2017: 400, 2018: 500, 2019: 500, 2020: 250, 2021: 700, 2022: 3000, 2023: 6000, 2024: 1500, 2025: 1200, 2026: 1200 };
const VISA = 'the stream ends when Serbia introduces visas';

export const inflow = [
  ...landInflow(),
  air('belgrade', 'turkiye', scale(TURKIYE, 0.6), null, 'Türkiye nationals fly to Belgrade visa-free (seed-003 L593), 60% of them (assumption); rising to the second group in 2024 (seed-003 L608–615)'),
  air('sarajevo', 'turkiye', scale(TURKIYE, 0.4), null, 'Türkiye nationals fly to Sarajevo visa-free (seed-003 L593), 40% of them (assumption)'),
  air('belgrade', 'india', { 2018: 200, 2019: 250, 2020: 100, 2021: 500, 2022: 3000 }, '2022-12', `${VISA}: 2022 in seed-003 L777–778 (seed-001 L64 says 2023); ${EXT('visa-free entry for Indian nationals from September 2017; visas required again from 1 January 2023')}`),
  air('belgrade', 'burundi', { 2021: 150, 2022: 1800 }, '2022-10', `${VISA}: 2022 in seed-003 L777–778; ${EXT('Serbia reintroduced visas for Burundian nationals in October 2022')}`),
  air('belgrade', 'tunisia', { 2021: 500, 2022: 3000 }, '2022-11', `${VISA}: 2022 in seed-003 L630–635; ${EXT('Serbia reintroduced visas for Tunisian nationals on 20 November 2022')}`),
  air('belgrade', 'cuba', { 2022: 1500, 2023: 2400 }, '2023-04', `${VISA}: April 2023 (seed-003 L310–311, L769–776), after which Cuban detections fall to near zero`),
  air('belgrade', 'china', { 2023: 200, 2024: 400, 2025: 400, 2026: 400 }, null, `Chinese nationals enter visa-free and rise in 2024 (seed-003 L626–629); ${EXT('visa-free entry to Serbia since January 2017')}`),
];
