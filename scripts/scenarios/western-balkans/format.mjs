// JSON layout for the generated scenario files: nested objects indent by two spaces, while each
// node, edge and other small leaf object sits on one line, so that a diff shows which place,
// crossing or event changed.

const compact = (x) => JSON.stringify(x).replace(/":/g, '": ').replace(/,"/g, ', "').replace(/^\{"/, '{ "').replace(/\}$/, ' }');

// How many levels to expand below each key before writing the rest on one line.
const DEPTH = { behaviour: 0, nodes: 1, edges: 1, countries: 1, borders: 1, sources: 1, period: 0, monthly: 0, budgetEur: 0, destinations: 0, set: 0, border: 0, events: 2, inflow: 2, cohorts: 2, smugglers: 2, networks: 1, market: 1, bases: 0 };

function layout(value, indent, depth) {
  const pad = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (depth <= 0) return compact(value);
    return '[\n' + value.map((x) => `${pad}  ${layout(x, indent + 1, depth - 1)}`).join(',\n') + `\n${pad}]`;
  }
  if (value && typeof value === 'object') {
    if (depth <= 0) return compact(value);
    const lines = Object.entries(value).map(([k, x]) => `${pad}  ${JSON.stringify(k)}: ${layout(x, indent + 1, DEPTH[k] ?? depth - 1)}`);
    return '{\n' + lines.join(',\n') + `\n${pad}}`;
  }
  return JSON.stringify(value);
}

export const formatScenario = (scenario) => layout(scenario, 0, 1) + '\n';
