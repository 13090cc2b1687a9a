// The share link: encode → decode gives back the run and the day, for built-ins and dropped files,
// and a malformed link is refused with a message the page can show.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PRESET_IDS, SLIDER_FIELDS, type Action, type RunSpec } from '../../src/demo/protocol.js';
import { decodeAction, decodeState, encodeAction, encodeState } from '../../src/demo/urlState.js';
import { diskLibrary } from './library.js';

const base: RunSpec = { source: { kind: 'builtin', id: 'western-balkans' }, seed: 2015, peoplePerAgent: null, history: true, actions: [] };

describe('demo URL state', () => {
  it('round-trips a built-in run with slider changes and events', async () => {
    const spec: RunSpec = {
      ...base,
      seed: 42,
      peoplePerAgent: 5,
      history: false,
      actions: [
        { day: 12, kind: 'set', border: 'RS-HU', field: 'detection', value: 1 },
        { day: 12, kind: 'preset', preset: 'hungarian-fence' },
        { day: 300, kind: 'set', border: 'BA-HR', field: 'injury', value: 0.05 },
        { day: 301, kind: 'preset', preset: 'network-dismantled', network: 'ring-s' },
      ],
    };
    const hash = await encodeState({ spec, day: 345 });
    expect(hash).toBe('s=western-balkans&seed=42&ppa=5&h=0&d=345&a=12:RS-HU.detection=1,12:p.hungarian-fence,300:BA-HR.injury=0.05,301:p.network-dismantled.ring-s');
    expect(await decodeState('#' + hash)).toEqual({ spec, day: 345 });
  });

  it('leaves out what is the default and reads it back as the default', async () => {
    const hash = await encodeState({ spec: base, day: 1 });
    expect(hash).toBe('s=western-balkans&seed=2015&d=1');
    expect(await decodeState(hash)).toEqual({ spec: base, day: 1 });
  });

  it('carries a dropped scenario file compressed, and gets back the same text', async () => {
    const text = JSON.stringify(diskLibrary().files.get('networks/western-balkans.json'), null, 2);
    const spec: RunSpec = { ...base, source: { kind: 'file', name: 'my scenario.json', text } };
    const hash = await encodeState({ spec, day: 9 });
    expect(hash.length).toBeLessThan(text.length / 3);
    expect(await decodeState(hash)).toEqual({ spec, day: 9 });
  });

  it('round-trips any action', () => {
    const action = fc.oneof(
      fc.record({
        day: fc.nat(5000),
        kind: fc.constant('set' as const),
        border: fc.constantFrom('RS-HU', 'BA-HR', 'XA-XC'),
        field: fc.constantFrom(...SLIDER_FIELDS),
        value: fc.integer({ min: 0, max: 100 }).map((v) => v / 100),
      }),
      fc.record({ day: fc.nat(5000), kind: fc.constant('preset' as const), preset: fc.constantFrom(...PRESET_IDS.filter((p) => p !== 'information-campaign')) }),
      fc.record({ day: fc.nat(5000), kind: fc.constant('preset' as const), preset: fc.constant('network-dismantled' as const), network: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/) }),
      fc.record({
        day: fc.nat(5000),
        kind: fc.constant('preset' as const),
        preset: fc.constant('information-campaign' as const),
        border: fc.constantFrom('RS-HU', 'XA-XC'),
        place: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/),
      }),
    );
    fc.assert(
      fc.property(action, (a: Action) => {
        expect(decodeAction(encodeAction(a))).toEqual(a);
      }),
    );
  });

  it('an empty hash is no run; a malformed one says what is wrong', async () => {
    expect(await decodeState('')).toBeUndefined();
    expect(await decodeState('#seed=3')).toBeUndefined();
    await expect(decodeState('s=western-balkans&seed=-1')).rejects.toThrow(/seed/);
    await expect(decodeState('s=western-balkans&a=5:RS-HU.detection=7')).rejects.toThrow(/between 0 and 1/);
    await expect(decodeState('s=western-balkans&a=5:p.invade')).rejects.toThrow(/unknown event "invade"/);
    await expect(decodeState('s=western-balkans&a=5:RS-HU.speed=1')).rejects.toThrow(/cannot read/);
    await expect(decodeState('s=western-balkans&a=5:p.information-campaign.RS-HU')).rejects.toThrow(/cannot read/);
    await expect(decodeState('s=file:x.json')).rejects.toThrow(/does not contain it/);
    await expect(decodeState('s=file:x.json&f=AAAA')).rejects.toThrow(/damaged/);
  });
});
