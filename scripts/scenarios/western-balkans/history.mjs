// Enforcement on the route from January 2015 to December 2026, as dated events with sources.
//
// Every event has an id, so that a what-if file can change or neutralise it through `extends`.
// The enforcement in force on 1 January 2015 is the `borders` block (a what-if overrides it field
// by field), except on the two Türkiye–Greece crossings, which differ and start with events.
// Values are graded (detection, pushback, injury, detention days, fence), never only open or
// closed; the numbers are assumptions ordered by what the sources say of each border and tuned
// against the Frontex yearly detections (docs/scenarios-western-balkans.md, Calibration).
// The values are those a person trying alone faces; smuggled groups face less of the fence and of
// detection (their skill), and bribes let some detected groups through (`corruption`, from
// smugglers.mjs, which also holds the police actions against smugglers).
import { corruption } from './smugglers.mjs';
import { A, EXT } from './sources.mjs';

const R0 = 'research-000-002 §1a';
const R0b = 'research-000-002 §1b';
const R3 = 'research-001-003-004 §1';
const ENF = (detection, pushback, injury, detentionDays, fence = 0) => ({ detection, pushback, injury, detentionDays, fence });
const CORRIDOR = { legalCorridor: true };
const START = '2015-01-01';

const ev = (id, date, label, target, set, source, rampDays) => ({
  id, date, label, ...target, set, ...(rampDays ? { rampDays } : {}), source,
});

// Enforcement in force on 1 January 2015, per border (the scenario's `borders` block, which a
// what-if can override field by field). The schema has no source field there, so each entry's
// source is kept here and printed in docs/scenarios-western-balkans.md by tables.mjs.
const STARTING = {
  'TR-BG': [ENF(0.6, 0.7, 0.08, 14, 0.4), `Bulgaria one of the main perpetrators of violations in 2015–16 (seed-000 L417); ${EXT('a fence on the Turkish border from 2014, extended in 2015; detention of people caught inland')}; ${A('values')}`],
  'GR-MK': [ENF(0.5, 0.5, 0.01, 1), A('an irregular crossing before the transit permits (seed-000 L43)')],
  'GR-AL': [ENF(0.5, 0.6, 0.02, 1), `abuses on the Albania–Greece border (seed-000 L417, ${R0b}); ${A('values')}`],
  'AL-ME': [ENF(0.4, 0.5, 0.01, 1), A('moderate policing of a mountain border')],
  'ME-BA': [ENF(0.4, 0.5, 0.01, 1), A('moderate policing of a mountain border')],
  'MK-RS': [ENF(0.5, 0.3, 0.01, 1), A('an irregular crossing before the transit permits (seed-000 L43)')],
  'BG-RS': [ENF(0.4, 0.3, 0.02, 1), A('moderate policing of the Serbian–Bulgarian green border')],
  'RS-HU': [ENF(0.85, 0.05, 0, 1), A('Hungary detected and registered most people and let them go on (registration centre at Röszke); the route through Hungary was the main one until September 2015 (seed-000 L61)')],
  'RS-HR': [ENF(0.7, 0.5, 0.01, 3), A('Croatia guards the EU external border (seed-000 L387)')],
  'RS-RO': [ENF(0.75, 0.8, 0.03, 2), A('Romania, a Schengen candidate, guards the EU external border closely')],
  'RS-BA': [ENF(0.4, 0.5, 0.01, 1), A('the Drina and the Sava, lightly policed')],
  'BA-HR': [ENF(0.6, 0.6, 0.02, 2), A('Croatia guards the EU external border (seed-000 L387); a long green border')],
  'HR-SI': [ENF(0.7, 0.6, 0, 2), A('Slovenia guards the Schengen external border')],
  'HR-HU': [ENF(0.6, 0.5, 0.01, 2), A('Hungary guards the Schengen external border')],
  'RO-HU': [ENF(0.5, 0.3, 0.01, 2), A('Hungary guards the Schengen external border; Romania is not in Schengen')],
  'HU-AT': [ENF(0.3, 0.05, 0, 1), A('light checks on a Schengen internal border')],
  'SI-AT': [ENF(0.2, 0.1, 0, 1), A('light checks on a Schengen internal border')],
  'SI-IT': [ENF(0.2, 0.2, 0, 1), A('light checks on a Schengen internal border')],
  'AT-DE': [{ ...ENF(0.5, 0, 0, 0), ...CORRIDOR }, `Germany registers and admits asylum seekers (the Willkommenskultur, seed-000 L59); ${A('a legal corridor until March 2016')}`],
  'GR-TR': [ENF(0.95, 0.98, 0, 0, 0.5), A('Türkiye does not let people cross back from Greece (it readmitted only under formal procedures): without this, people in Greece turned back to reach Bulgaria when North Macedonia closed in March 2016')],
  'BG-TR': [ENF(0.95, 0.98, 0, 0, 0.5), A('Türkiye does not let people cross back from Bulgaria (as GR-TR)')],
};
// Corruption (smugglers.mjs) joins the starting values; a border only smugglers need (Türkiye–Greece,
// whose other values start with events) gets an entry of its own.
const withCorruption = { ...STARTING };
for (const [b, [value, source]] of Object.entries(corruption)) {
  const [set, why] = withCorruption[b] ?? [{}, ''];
  withCorruption[b] = [{ ...set, corruption: value }, `${why ? why + '; ' : ''}corruption ${value}: ${source}; ${A('value')}`];
}
export const borders = Object.fromEntries(Object.entries(withCorruption).map(([b, [set]]) => [b, set]));
export const borderSources = Object.fromEntries(Object.entries(withCorruption).map(([b, [, source]]) => [b, source]));

// Türkiye–Greece has two crossings that differ (the Aegean and the Evros): their starting values
// are events on the first day, on each edge.
const START_EDGES = [
  ev('start-aegean-lesvos', START, 'Enforcement in force on 1 January 2015 on the Aegean crossing', { edge: 'aegean-lesvos' }, ENF(0.4, 0.05, 0, 1),
    A('in 2015 boats reaching Greek waters were mostly rescued or landed and registered in the island hotspots (seed-000 L43); few were turned back')),
  ev('start-evros-crossing', START, 'Enforcement in force on 1 January 2015 on the Evros', { edge: 'evros-crossing' }, ENF(0.8, 0.8, 0.05, 3, 0.3),
    `${EXT('Greece fenced the 12.5 km land section of the Evros border in 2012; the river section stayed open')}; pushbacks on Greece–Türkiye (seed-000 L343, L417); ${A('values')}`),
];

const S2015 = [
  ev('nmk-transit-permits', '2015-04-01', 'North Macedonia issues 72-hour transit permits (legal corridor from Greece)', { border: 'GR-MK' }, CORRIDOR,
    `seed-000 L43 ("transit permits valid for 72 hours: North Macedonia in April 2015 and Serbia in July 2015"), ${R0}; the seed gives the month; ${EXT('the amended asylum law with the 72-hour certificate is usually dated 18 June 2015')}: we follow the seed`),
  ev('serbia-transit-permits', '2015-07-01', 'Serbia issues 72-hour transit permits (legal corridor from North Macedonia)', { border: 'MK-RS' }, CORRIDOR,
    `seed-000 L43, ${R0}; the seed gives the month only`),
  ev('nmk-emergency-closure', '2015-08-20', 'North Macedonia declares a state of emergency and closes its border with Greece', { border: 'GR-MK' },
    { legalCorridor: false, detection: 0.9, pushback: 0.9, injury: 0.03 },
    `seed-000 L43 and fn 3 ("After an initial closure of the borders, due to a sudden increase in arrivals"), ${R0}; ${EXT('20 August 2015')}`),
  ev('nmk-reopens', '2015-08-23', 'North Macedonia reopens the border with Greece (transit permits again)', { border: 'GR-MK' },
    { legalCorridor: true, detection: 0.5, pushback: 0.5, injury: 0.01 }, `seed-000 L43 ("Macedonia and Serbia opted to reopen the borders"), ${R0}; ${EXT('23 August 2015')}`),
  ev('austria-germany-open', '2015-09-05', 'Austria and Germany admit the people arriving from Hungary', { border: 'HU-AT' }, CORRIDOR,
    `${EXT('4–5 September 2015')}; the German Willkommenskultur is in seed-000 L59`),
  ev('hungary-fence-serbia', '2015-09-15', 'Hungary completes the fence on the Serbian border and closes it', { border: 'RS-HU' }, ENF(0.95, 0.9, 0.05, 30, 0.85),
    `seed-000 L61 ("In September 2015 … Hungary decided to build a fence along the border with Serbia"), ${R0}; ${EXT('15 September 2015')}; ${A('values: the fence stops most attempts, almost everyone detected is pushed back, people detained face criminal proceedings')}`),
  ev('hungary-tightens-romania', '2015-09-15', 'Hungary tightens its border with Romania', { border: 'RO-HU' }, { detection: 0.85, pushback: 0.8, injury: 0.02 },
    `${A('Hungary tightened its Romanian border when it closed the Serbian one')}; ${EXT('the announced extension of the fence to Romania, September 2015')}`, 14),
  ev('croatia-corridor', '2015-09-16', 'Serbia diverts the flow to Croatia, which lets people through', { border: 'RS-HR' }, CORRIDOR,
    `seed-000 L61 ("decided to divert the flow of refugees to Croatia, which in turn began to facilitate the passage … to Slovenia"), ${R0}`),
  ev('slovenia-austria-corridor', '2015-09-17', 'Croatia passes people on to Slovenia, Slovenia to Austria', { border: ['HR-SI', 'SI-AT'] }, CORRIDOR,
    `seed-000 L61, ${R0}; Slovenia passing people on to Austria: ${EXT('September 2015')}`),
  ev('croatia-closes-serbia', '2015-09-18', 'Croatia temporarily closes its border with Serbia after the surge', { border: 'RS-HR' },
    { legalCorridor: false, detection: 0.8, pushback: 0.7, injury: 0.01, detentionDays: 2 },
    `seed-000 L61 ("In the 48 hours following the closure of the Hungarian border, more than 11,000 migrants poured into Croatia, prompting Croatia to temporarily close its border with Serbia"), ${R0}; ${A('the dates (18–21 September 2015) and values')}`),
  ev('croatia-hungary-corridor', '2015-09-18', 'Croatia takes people to the Hungarian border; Hungary takes them on to Austria', { border: 'HR-HU' }, CORRIDOR,
    EXT('Croatian trains and buses to Botovo and Beremend, Hungarian trains to Hegyeshalom, 18 September – 16 October 2015')),
  ev('croatia-reopens-serbia', '2015-09-21', 'Croatia lets people through from Serbia again', { border: 'RS-HR' },
    { legalCorridor: true, detection: 0.7, pushback: 0.5, injury: 0.01, detentionDays: 3 }, `seed-000 L61 ("temporarily close"), ${R0}; ${A('the closure lasted three days')}`),
  ev('hungary-fence-croatia', '2015-10-17', 'Hungary closes its border with Croatia with a fence', { border: 'HR-HU' },
    { legalCorridor: false, ...ENF(0.95, 0.9, 0.05, 30, 0.85) }, `${EXT('fence completed and border closed at midnight on 16/17 October 2015')}; ${A('values as for the Serbian border')}`),
];

const S2016 = [
  ev('corridor-closes-greece', '2016-03-09', 'North Macedonia closes its border with Greece', { border: 'GR-MK' },
    { legalCorridor: false, ...ENF(0.9, 0.95, 0.03, 0, 0.5) },
    `seed-000 L63 ("the border with Greece was closed between March and April 2016, causing an increase in the number of people stranded in the Idomeni camp"), after the Vienna conference of 24 February 2016 (L63), ${R0}; ${EXT('9 March 2016; a fence built from November 2015')}; ${A('values')}`),
  ev('corridor-closes-north', '2016-03-09', 'Serbia, Croatia and Slovenia end the transit corridor', { border: ['MK-RS', 'RS-HR', 'HR-SI'] },
    { legalCorridor: false, ...ENF(0.8, 0.7, 0.02, 2) },
    `seed-000 L63 and L85 (the Vienna conference "mainly resulted in limiting the flow of refugees to the EU through a more restrictive border regime in the Balkans"), ${R0}; ${EXT('9 March 2016')}; ${A('values')}`),
  ev('corridor-closes-austria', '2016-03-09', 'Austria and Germany keep border controls but no longer wave people through', { border: ['SI-AT', 'HU-AT', 'AT-DE'] },
    { legalCorridor: false, ...ENF(0.5, 0.2, 0, 1) }, `${EXT('Austrian daily caps from February 2016 and German controls on the Austrian border from 13 September 2015')}; ${A('values')}`),
  ev('nmk-after-idomeni', '2016-06-01', 'After Idomeni is cleared, people cross into North Macedonia around the fence', { border: 'GR-MK' },
    { fence: 0.3, detection: 0.85, pushback: 0.9 }, `the route "never truly stopped" (seed-000 L37), ${R0}; ${EXT('the Idomeni camp was cleared on 24–26 May 2016')}; ${A('values')}`),
  ev('eu-turkiye-statement', '2016-03-20', 'EU–Türkiye statement: Türkiye stops departures, people reaching the islands are held there', { edge: 'aegean-lesvos' },
    ENF(0.7, 0.6, 0.01, 30), `seed-000 L37 and L85 ("in a sense closing the path along the Route"), ${R0}; ${EXT('statement of 18 March 2016, in force on 20 March; the geographic restriction holds asylum seekers on the islands')}; ${A('values: more interceptions and returns (pushback), and a month held on the islands')}`),
  ev('hungary-8km-rule', '2016-07-05', 'Hungary pushes back anyone caught within 8 km of the border', { border: 'RS-HU' }, { pushback: 0.97 },
    `the list system was then the only legal path (seed-000 L85), Hungary among the main perpetrators of violations (seed-000 L417); ${EXT('the 8-km rule in force on 5 July 2016')}`),
  ev('hungary-pushbacks-everywhere', '2017-03-28', 'Hungary pushes back anyone caught anywhere in the country, also on its Romanian and Croatian borders', { border: ['RO-HU', 'HR-HU'] }, { pushback: 0.97 },
    `Hungary among the main perpetrators of violations (seed-000 L417); ${EXT('the 8-km rule of July 2016 extended to the whole territory of Hungary on 28 March 2017')}`),
  ev('serbia-army-south', '2016-07-18', 'Serbia deploys army and police on its borders with North Macedonia and Bulgaria', { border: ['MK-RS', 'BG-RS'] },
    { detection: 0.85, pushback: 0.8, injury: 0.03 }, `seed-000 L85 ("in July the army and police were deployed on the borders with Bulgaria and Macedonia"), ${R0}; ${A('the day and values')}`, 14),
  ev('bulgaria-fence-complete', '2017-01-01', 'Bulgaria completes its fence on the Turkish border', { border: 'TR-BG' }, { fence: 0.7, detection: 0.7, pushback: 0.8, injury: 0.1, antiSmuggling: 0.3 },
    `${EXT('the fence reached about 235 km in 2017, with cameras and sensors along it')}; physical barriers along the route (seed-000 L85); ${A('values; antiSmuggling 0.3: the surveillance finds some of the groups smugglers would take through, until the fence "has more holes" and authorities are more involved in smuggling (seed-003 L826–834, event bulgaria-authority-involvement)')}`),
];

const CROATIA_PUSHBACKS = `Greece and Croatia "repeatedly accused" of illegal pushbacks (seed-000 L417); "Croatian police was always very aggressive" (seed-003 L913); ${EXT('NGO and press reports of violent pushbacks from Croatia to Bosnia and Serbia, 2018–2021')}`;

const S2018 = [
  ev('croatia-violent-pushbacks', '2019-01-01', 'Croatia turns to systematic, often violent pushbacks at its Bosnian border and hunts smuggled groups', { border: 'BA-HR' },
    { detection: 0.85, pushback: 0.95, injury: 0.12, antiSmuggling: 0.65 }, `${CROATIA_PUSHBACKS}; ${A('the start date and values; antiSmuggling 0.65: Croatian police, "always very aggressive" (seed-003 L913), find most of the smuggled groups that would slip past a less watchful border')}`, 365),
  ev('croatia-violent-pushbacks-serbia', '2019-01-01', 'Croatia turns to systematic, often violent pushbacks at its Serbian border, which is short, flat and watched closely', { border: 'RS-HR' },
    { detection: 0.9, pushback: 0.95, injury: 0.12, antiSmuggling: 0.7 }, `${CROATIA_PUSHBACKS}; ${A('the start date and values; higher detection and antiSmuggling than on the long, wooded Bosnian border, so that Serbia–Croatia stays a minor exit, as in the sources (seed-003 L862–872 name Hungary and Bosnia–Croatia as the exits of 2023–24)')}`, 365),
  ev('frontex-albania-2019', '2019-05-21', 'First Frontex joint operation outside the EU, on the Albanian–Greek border', { border: 'GR-AL' }, { detection: 0.6 },
    `Frontex in Albania (seed-000 L327; seed-001 L50); ${EXT('the operation started on 21–22 May 2019')}; ${A('values')}`),
  ev('greece-evros-2020', '2020-03-01', 'Greece reinforces the Evros after Türkiye stops holding people back', { edge: 'evros-crossing' },
    { detection: 0.85, pushback: 0.95, injury: 0.1 }, `Greece accused of pushbacks (seed-000 L417), drone-linked pushbacks on Greece–Türkiye (seed-000 L343); ${EXT('28 February – March 2020, the Pazarkule/Kastanies crisis')}; ${A('values')}`),
  ev('greece-aegean-2020', '2020-03-01', 'Greek coast guard pushes boats back to Turkish waters', { edge: 'aegean-lesvos' },
    { detection: 0.8, pushback: 0.8, injury: 0.02 }, `seed-000 L417; ${EXT('reports of systematic pushbacks in the Aegean from March 2020')}; ${A('values')}`),
  ev('frontex-serbia-2021-hungary', '2021-06-01', 'Frontex joint operation on Serbia\'s border with Hungary', { border: 'RS-HU' }, { detection: 0.97, antiSmuggling: 0.1 },
    `seed-000 L287 ("the 2021 operation, which involved 111 Frontex officers along Serbia's borders with Hungary and Bulgaria"), ${R0b}; surveillance smugglers must learn to avoid ("They know where thermal and visual cameras are, they know positions of the drones", seed-003 L978–980); ${A('the month and values')}`),
  ev('frontex-serbia-2021-bulgaria', '2021-06-01', 'Frontex joint operation on Serbia\'s border with Bulgaria', { border: 'BG-RS' }, { detection: 0.9 },
    `seed-000 L287, ${R0b}; ${A('the month and values')}`),
  ev('greece-fortifies-evros', '2022-01-01', 'Greece extends the Evros fence and surveillance', { edge: 'evros-crossing' }, { fence: 0.85, detection: 0.9 },
    `"Greece has fortified the border very well and the pushbacks are very persistent" (seed-003 L821–826), ${R3}; ${EXT('the Evros fence extended in 2021 and again from 2023')}; ${A('values')}`, 365),
  ev('greece-fortifies-aegean', '2022-01-01', 'Greece keeps pushing boats back in the Aegean', { edge: 'aegean-lesvos' }, { detection: 0.9, pushback: 0.95 },
    `seed-003 L821–826, ${R3}; ${A('values')}`, 365),
];

const S2023 = [
  ev('croatia-schengen', '2023-01-01', 'Croatia joins Schengen: no more checks on its border with Slovenia', { border: 'HR-SI' }, ENF(0.1, 0.05, 0, 0),
    `seed-000 L251–263 (Croatia's Schengen readiness); ${EXT('Croatia in Schengen on 1 January 2023')}; ${A('values')}`),
  ev('croatia-eases-bosnia', '2023-01-01', 'Croatian police at the Bosnian border become less aggressive', { border: 'BA-HR' },
    { detection: 0.85, pushback: 0.9, injury: 0.06, corruption: 0.2, antiSmuggling: 0.5 },
    `"Croatian police was always very aggressive, but this stopped in the beginning of 2023; they don't pay much attention to migrants anymore … Police have turned a blind eye because of corruption" (seed-003 L913–921, fn 38 L927); Croatian police "more easily bribed than their Hungarian counterparts" (L938–940); "a lot of police pressure at the Bosnia/Croatia border. This stopped a year and a half ago" (L951–955); ${R3}; ${A('values')}`, 60),
  ev('serbia-romania-patrols', '2023-03-01', 'Joint Serbian–Romanian border patrols', { border: 'RS-RO' }, { detection: 0.85, pushback: 0.85 },
    `seed-003 L305–306 ("Joint Serbia-Romania border patrols start"), ${R3}; ${A('values')}`),
  ev('bulgaria-pilot-project', '2023-03-20', 'EU pilot project with Bulgaria: more guards and surveillance on the Turkish border', { border: 'TR-BG' },
    { detection: 0.75, pushback: 0.8 }, `seed-000 L431 (20 March 2023; EUR 69.5 million; Frontex guards and equipment); seed-003 L304–305; ${A('values; Bulgaria\'s fence "has more holes" than Greece\'s, seed-003 L826–827')}`, 90),
  ev('frontex-north-macedonia', '2023-04-01', 'Frontex deploys 121 officers and 21 vehicles on North Macedonia\'s southern border (Bogorodica)', { border: 'GR-MK' },
    { detection: 0.95 }, `seed-000 L307–309 (in force 24 February 2023; "Since April 2023 … Bogorodica crossing"), seed-003 L308, ${R0b}; ${A('values')}`),
  ev('slovenia-internal-checks', '2023-10-21', 'Slovenia reintroduces checks on its border with Croatia', { border: 'HR-SI' }, { detection: 0.3, pushback: 0.1 },
    `${EXT('Slovenia and Italy reintroduced internal border checks on 21 October 2023')}; ${A('values')}`),
  ev('italy-internal-checks', '2023-10-21', 'Italy reintroduces checks on its border with Slovenia', { border: 'SI-IT' }, { detection: 0.3, pushback: 0.2 },
    `${EXT('21 October 2023')}; ${A('values')}`),
  ...['horgos-roszke', 'kelebija-tompa', 'sombor-hercegszanto'].map((edge) =>
    ev(`serbia-crackdown-${edge.split('-')[0]}`, '2023-10-28', `Serbian police crackdown at the Hungarian border (${edge})`, { edge },
      { detection: 0.98, pushback: 0.98, injury: 0.1, arrestPressure: 0.02, antiSmuggling: 0.5 },
      `seed-003 L407–423 ("Serbian police launched a major crackdown on migrant smuggling, dismantling armed groups operating near the Hungarian border"; "the recent armed clash in Horgoš"), L885–894 (Subotica and Horgoš, raids throughout 2024), ${R3}; ${EXT('the shoot-out near Horgoš on 27 October 2023')}; the drop-off at the end of November 2023 (seed-003 L34–37) sets the ramp; ${A('values: Serbian police stop people before the fence and move them to camps (pushback), arrest 2% of the capacity of the networks serving the border per day, and find half the smuggled groups that would have slipped through')}`, 30)),
  ...[['croatia', 'RS-HR'], ['romania', 'RS-RO']].map(([name, border]) =>
    ev(`serbia-crackdown-${name}`, '2023-10-28', `Serbian police move people into camps and away from the border with ${name === 'croatia' ? 'Croatia' : 'Romania'}`, { border },
      { detection: 0.95, pushback: 0.95 },
      `"In late 2023, the Serbian ministry of Interior placed pressure on migrants on the move, moving them to camps … migrants deciding not to travel through Serbia, Hungary, Croatia, Romania, but to go through Bosnia and Herzegovina" (seed-003 L897–906), ${R3}; ${A('values')}`, 30)),
  ev('frontex-montenegro', '2023-12-04', 'Frontex may operate on all of Montenegro\'s borders', { border: ['AL-ME', 'ME-BA'] }, { detection: 0.55 },
    `seed-000 L311 (signed May 2023, in force 4 December 2023, "along all the country's borders and no longer only with Croatia"), ${R0b}; ${A('values')}`),
];

const S2024 = [
  ev('croatia-pushbacks-2024', '2024-01-01', 'Violent pushbacks by Croatian border police reported again', { border: 'BA-HR' }, { pushback: 0.92, injury: 0.08 },
    `seed-003 fn 38 L928–929 ("reports of migrants being violently beaten and pushed back by Croatian border police in 2024"), ${R3}; ${A('the date and values')}`, 90),
  ev('frontex-bulgaria-tripled', '2024-01-01', 'Frontex triples its staff on the Bulgarian–Turkish border', { border: 'TR-BG' }, { detection: 0.78 },
    `seed-003 L297–298 and fn 38 L930 ("Frontex Triples Staff at Bulgaria-Türkiye Border Ahead of Schengen Expansion"), ${R3}; ${A('the date and values')}`, 90),
  ev('frontex-albania-2024', '2024-06-01', 'New Frontex status agreement with Albania in force', { border: 'GR-AL' }, { detection: 0.7 },
    `seed-000 L327 ("signed … on Sept. 15, 2023 and entered into force on 1 June 2024"); Albanian border police reinforced with Greece, North Macedonia and Montenegro (seed-003 L441–449); ${A('values')}`),
  ev('frontex-serbia-2024', '2024-06-25', 'Frontex may deploy anywhere in Serbia, including the Drina border with Bosnia', { border: 'RS-BA' },
    { detection: 0.6 }, `seed-000 L287 ("in any part of Serbian territory, including borders with non-EU countries"), seed-003 L329–330, ${R0b}; ${A('values')}`),
  ev('frontex-serbia-2024-south', '2024-06-25', 'Frontex may deploy on Serbia\'s border with North Macedonia', { border: 'MK-RS' },
    { detection: 0.9 }, `seed-000 L287, seed-003 L329–330, ${R0b}; ${A('values')}`),
  ev('romania-schengen', '2025-01-01', 'Romania in Schengen: no more checks on its border with Hungary', { border: 'RO-HU' }, ENF(0.1, 0.05, 0, 0),
    `partial membership from March 2024 with land controls kept (seed-003 L316), ${R3}; ${EXT('full membership of Bulgaria and Romania from 1 January 2025')}; ${A('values')}`),
  ev('pact-screening', '2026-06-12', 'EU Pact on Migration and Asylum applies: screening (de facto detention) at the external borders', { border: ['RS-HU', 'RS-HR', 'RS-RO', 'BA-HR', 'TR-BG', 'TR-GR'] },
    { detentionDays: 7 }, `"Croatia and Greece will become places of screening procedures, de facto places of detention" (seed-000 L245); key regulations take effect by 2026 (seed-003 L1428); ${EXT('the Pact applies from 12 June 2026; screening lasts up to 7 days')}; returns to the first country are not modelled (see "Waiting for")`),
];

export const events = [...START_EDGES, ...S2015, ...S2016, ...S2018, ...S2023, ...S2024];
