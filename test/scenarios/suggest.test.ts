// "Did you mean" suggestions: close misspellings get the known name, distant or short ones nothing.
import { describe, expect, it } from 'vitest';
import { closestName, didYouMean } from '../../src/scenarios/suggest.js';

describe('closestName', () => {
  const nodes = ['belgrade', 'szeged', 'zagreb', 'vienna'];

  it('suggests a name one or two edits away', () => {
    expect(closestName('belgrad', nodes)).toBe('belgrade');
    expect(closestName('zagrbe', nodes)).toBe('zagreb');
    expect(closestName('viena', nodes)).toBe('vienna');
  });

  it('suggests a name that differs only in case, but not the name itself', () => {
    expect(closestName('Vienna', nodes)).toBe('vienna');
    expect(closestName('vienna', nodes)).toBeUndefined();
  });

  it('suggests nothing for names too far away or too short to tell', () => {
    expect(closestName('budapest', nodes)).toBeUndefined();
    expect(closestName('xb', ['xa', 'xc'])).toBeUndefined();
    expect(closestName('abc', ['abd'])).toBe('abd');
    expect(closestName('anything', [])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  it('is a parenthesis with the suggestion, or empty', () => {
    expect(didYouMean('western-balkan', ['toy-three-crossings', 'western-balkans'])).toBe(' (did you mean "western-balkans"?)');
    expect(didYouMean('kosovo', ['toy-three-crossings', 'western-balkans'])).toBe('');
  });
});
