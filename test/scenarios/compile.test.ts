// Compiling a scenario's inflow: a monthly series becomes a rate per day in agents, each day
// getting its calendar month's number ÷ the month's length ÷ peoplePerAgent, for periods that
// start and end inside a month and across a leap February.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenarios/compile.js';
import { threeExitsScenario } from '../fixtures/scenarios.js';

describe('compiled inflow', () => {
  it('spreads each month over its days, from a mid-month start to a mid-month end', () => {
    const s = threeExitsScenario();
    s.period = { start: '2020-01-20', end: '2020-03-05' };
    s.peoplePerAgent = 2;
    s.inflow[0].monthly = { '2020-01': 124, '2020-02': 174, '2020-03': 248 }; // 4, 6 and 8 people a day
    const perDay = Array.from(compileScenario(s).inflow.agentsPerDay[0]);
    expect(perDay).toEqual([...Array(12).fill(2), ...Array(29).fill(3), ...Array(5).fill(4)]);
  });

  it('gives months without a number no inflow', () => {
    const s = threeExitsScenario();
    s.period = { start: '2020-01-30', end: '2020-02-02' };
    s.inflow[0].monthly = { '2020-02': 29 };
    expect(Array.from(compileScenario(s).inflow.agentsPerDay[0])).toEqual([0, 0, 1, 1]);
  });
});
