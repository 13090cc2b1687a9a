// Citation helpers and the bibliography (`sources` block) of the Western Balkan scenario.
// A `source` string names a key of SOURCES with line numbers (seed-003 L407–417), a fact "not in
// the seed documents; widely reported (…)" naming what and when, or "assumption: …".

export const A = (why) => `assumption: ${why}`;
export const EXT = (what) => `not in the seed documents; widely reported (${what})`;

export const NETWORK_SOURCES = {
  'seed-000': { title: 'F. Morra, Balkan route and the European Union: migration, artificial intelligence and the paradox of enlargement (Approfondimento n. 1, January 2025)', ref: '../shared/seeds/000_b4544ddbd7f01f68.txt' },
  'seed-001': { title: 'A. Gabrielli, The Human Price of Fortress Europe in the Balkans (blog post, 2026)', ref: '../shared/seeds/001_7002159017bcf476.txt' },
  'seed-003': { title: 'Mixed Migration Centre and DRC, smuggling dynamics and protection risks in the Western Balkans (research paper, mid-2024)', ref: '../shared/seeds/003_1e9dbb9735d911f5.txt' },
  'seed-004': { title: 'A. Smailbegović and N. Korajlić, Security – interoperability – cooperation – information sharing – action on managing migration flow in the Western Balkans (c. 2022)', ref: '../shared/seeds/004_de2a49efd8593a8b.txt' },
  'widely-reported': { title: 'Facts not in the seed documents but widely reported at the time (news agencies, UNHCR, IOM, Frontex, government announcements). Each use names the fact and its date; check before quoting.' },
};

export const HISTORY_SOURCES = {
  'research-000-002': { title: 'Fact extraction with quotes and line references from seeds 000 and 002', ref: '../shared/research/seeds-000-002.md' },
  'research-001-003-004': { title: 'Fact extraction with quotes and line references from seeds 001, 003 and 004', ref: '../shared/research/seeds-001-003-004.md' },
  'frontex-yearly': { title: 'Frontex detections of irregular border crossings on the Western Balkan route per year, 2015–2024', ref: '../shared/data/western-balkans-detections-yearly.json' },
  'unhcr-greece-monthly': { title: 'UNHCR Operational Data Portal, Mediterranean situation: monthly sea arrivals in Greece 2015–2016 (rounded; not in the seed documents, widely reported)', ref: 'https://data.unhcr.org/en/situations/mediterranean/location/5179' },
  'calibration': { title: 'Calibration of yearly inflow against recorded detections: docs/scenarios-western-balkans.md, "Calibration"', ref: 'docs/scenarios-western-balkans.md' },
};
