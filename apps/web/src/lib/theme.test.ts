import { describe, expect, it } from 'vitest';
import { appThemeTokens, contrastRatio, PARTY_RED, themeColourPairs } from './theme';

describe('the theme’s colours (issue 21 point 1)', () => {
  it('computes WCAG contrast: black on white is 21:1, antd’s default green Tag 3.37:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#389e0d', '#f6ffed')).toBeCloseTo(3.37, 2);
  });

  it('every text colour reaches 4.5:1 on the background it is drawn on', () => {
    const short = themeColourPairs()
      .map((pair) => ({ ...pair, ratio: Number(contrastRatio(pair.text, pair.background).toFixed(2)) }))
      .filter((pair) => pair.ratio < pair.minimum);
    expect(short).toEqual([]);
  });

  it('keeps 党建红 as the primary colour and every pair’s colours in the tokens', () => {
    const tokens = appThemeTokens({ narrow: false, elder: false, motion: true }) as Record<string, unknown>;
    expect(tokens.colorPrimary).toBe(PARTY_RED);
    const used = new Set(Object.values(tokens));
    for (const pair of themeColourPairs()) if (pair.text !== '#ffffff') expect(used, pair.what).toContain(pair.text);
  });

  it('适老化: body text at 18 px and controls at least 44 px high, on any screen', () => {
    for (const narrow of [false, true]) {
      const tokens = appThemeTokens({ narrow, elder: true, motion: true });
      expect(tokens.fontSize).toBeGreaterThanOrEqual(18);
      // The brief of issue 21 point 3: touch targets of 48 px, above WCAG 2.5.5’s 44.
      expect(tokens.controlHeight).toBeGreaterThanOrEqual(48);
    }
    expect(appThemeTokens({ narrow: true, elder: false, motion: true }).fontSize).toBe(16);
  });
});
