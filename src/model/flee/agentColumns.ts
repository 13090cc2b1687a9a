// The Flee stepper's agents as a struct of arrays (createFleeModel.ts): one typed column per
// attribute, on one object whose fields growAgentColumns() replaces with arrays twice the size.
// Nobody leaves the simulation, so columns only grow. Split out so the stepper keeps to the daily
// rules; hot loops there copy the columns into locals after the only place that can grow them.

export function createAgentColumns() {
  return {
    capacity: 1024,
    count: 0,
    node: new Int32Array(1024),
    /** The link travelled, or -1 at a location. */
    edge: new Int32Array(1024),
    onLinkKm: new Float64Array(1024),
    movedKm: new Float64Array(1024),
    /** Flee's recent_travel_distance (avoid_short_stints). */
    recent: new Float64Array(1024),
    /** Planned route (RouteStore id) and the index of its next node, or -1. */
    route: new Int32Array(1024),
    routePos: new Int32Array(1024),
    linkEntryDay: new Int32Array(1024),
    /** First day the agent's move test succeeds here, valid while waitEpoch = epoch[node]. */
    wakeDay: new Int32Array(1024),
    waitEpoch: new Int32Array(1024),
    entryDay: new Int32Array(1024),
    lastCrossDay: new Int32Array(1024),
    /** 1 once the agent has completed a link (start_on_foot). */
    travelled: new Uint8Array(1024),
    /** 1 once the agent has been in a camp (arrivals count the first camp only). */
    arrived: new Uint8Array(1024),
  };
}

export type AgentColumns = ReturnType<typeof createAgentColumns>;

/** Double the capacity of every column, keeping the agents already there. */
export function growAgentColumns(a: AgentColumns): void {
  const size = a.capacity * 2;
  const widen = <T extends Int32Array | Float64Array | Uint8Array>(x: T): T => {
    const y = new (x.constructor as new (n: number) => T)(size);
    y.set(x);
    return y;
  };
  a.node = widen(a.node);
  a.edge = widen(a.edge);
  a.onLinkKm = widen(a.onLinkKm);
  a.movedKm = widen(a.movedKm);
  a.recent = widen(a.recent);
  a.route = widen(a.route);
  a.routePos = widen(a.routePos);
  a.linkEntryDay = widen(a.linkEntryDay);
  a.wakeDay = widen(a.wakeDay);
  a.waitEpoch = widen(a.waitEpoch);
  a.entryDay = widen(a.entryDay);
  a.lastCrossDay = widen(a.lastCrossDay);
  a.travelled = widen(a.travelled);
  a.arrived = widen(a.arrived);
  a.capacity = size;
}
