import type { ThemeConfig } from 'antd';

/**
 * The platform's antd theme (issue 21 point 1): every colour that carries text reaches 4.5:1 against the background
 * it is drawn on (信息无障碍, GB/T 37668-2019 ≈ WCAG 2.1 AA), while 党建红 stays the primary colour. antd's defaults
 * do not: secondary text #8c8c8c (3.36:1), placeholders #bfbfbf (1.83:1), green and orange Tags (#389e0d on #f6ffed
 * 3.37:1, #d46b08 on #fff7e6 3.33:1), and the status colours used as text (#52c41a, #faad14, #ff4d4f). The values are
 * tokens here, not CSS overrides, and theme.test.ts checks every pair below without a browser.
 */
export const PARTY_RED = '#C8161D';

/** Text greys as solid colours (antd's are translucent black, lighter still on the grey layout background). */
const TEXT = { secondary: '#595959', tertiary: '#666666', placeholder: '#6b6b6b' } as const;

/**
 * Status colours (Tag success/warning/error/processing, Typography, form errors, Alert icons): the text colour is
 * darkened; the light backgrounds and borders keep antd's defaults (set explicitly, because a darker seed would
 * otherwise derive greyer backgrounds from itself).
 */
const STATUS = {
  Success: { text: '#237804', bg: '#f6ffed', border: '#b7eb8f', bgHover: '#d9f7be', borderHover: '#95de64' },
  Warning: { text: '#ad4e00', bg: '#fffbe6', border: '#ffe58f', bgHover: '#fff1b8', borderHover: '#ffd666' },
  Error: { text: '#cf1322', bg: '#fff2f0', border: '#ffccc7', bgHover: '#fff1f0', borderHover: '#ffa39e' },
  Info: { text: '#0958d9', bg: '#e6f4ff', border: '#91caff', bgHover: '#bae0ff', borderHover: '#69b1ff' },
} as const;

/** The status colours for text drawn outside antd's own components (a Statistic's figure, a chart's legend). */
export const STATUS_TEXT = { success: STATUS.Success.text, warning: STATUS.Warning.text, error: STATUS.Error.text, info: STATUS.Info.text } as const;

/**
 * The preset Tag colours ("green", "orange", …) draw palette step 7 as text on step 1. Where step 7 is too light, the
 * text token takes a darker step of the same palette (antd's own 8 or 9), so a green Tag still reads as green.
 */
const PRESET = {
  red: { text: '#cf1322', bg: '#fff1f0' },
  volcano: { text: '#ad2102', bg: '#fff2e8' },
  orange: { text: '#ad4e00', bg: '#fff7e6' },
  gold: { text: '#874d00', bg: '#fffbe6' },
  yellow: { text: '#876800', bg: '#feffe6' },
  lime: { text: '#3f6600', bg: '#fcffe6' },
  green: { text: '#237804', bg: '#f6ffed' },
  cyan: { text: '#006d75', bg: '#e6fffb' },
  blue: { text: '#0958d9', bg: '#e6f4ff' },
  geekblue: { text: '#1d39c4', bg: '#f0f5ff' },
  purple: { text: '#531dab', bg: '#f9f0ff' },
  magenta: { text: '#c41d7f', bg: '#fff0f6' },
} as const;

/** The backgrounds text sits on: cards and inputs (white), table headers (#fafafa), the page itself (#f5f5f5). */
const SURFACES = ['#ffffff', '#fafafa', '#f5f5f5'] as const;

export interface ColourPair { what: string; text: string; background: string; minimum: number }

/** Every text/background pair the theme promises, for the unit test (4.5:1 for body text). */
export function themeColourPairs(): ColourPair[] {
  const pairs: ColourPair[] = [];
  for (const surface of SURFACES) {
    for (const [name, text] of Object.entries(TEXT)) pairs.push({ what: `text ${name}`, text, background: surface, minimum: 4.5 });
    pairs.push({ what: 'party red link', text: PARTY_RED, background: surface, minimum: 4.5 });
  }
  pairs.push({ what: 'white on a primary button', text: '#ffffff', background: PARTY_RED, minimum: 4.5 });
  for (const [name, c] of Object.entries(STATUS)) {
    pairs.push({ what: `${name} on its background`, text: c.text, background: c.bg, minimum: 4.5 });
    pairs.push({ what: `${name} on white`, text: c.text, background: '#ffffff', minimum: 4.5 });
    pairs.push({ what: `white on solid ${name}`, text: '#ffffff', background: c.text, minimum: 4.5 });
  }
  for (const [name, c] of Object.entries(PRESET)) pairs.push({ what: `${name} Tag`, text: c.text, background: c.bg, minimum: 4.5 });
  return pairs;
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function statusTokens(): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [name, c] of Object.entries(STATUS)) {
    Object.assign(tokens, {
      [`color${name}`]: c.text, [`color${name}Text`]: c.text, [`color${name}Bg`]: c.bg, [`color${name}Border`]: c.border,
      [`color${name}BgHover`]: c.bgHover, [`color${name}BorderHover`]: c.borderHover,
    });
  }
  return tokens;
}

/** antd keeps each palette step under two names (green7 and green-7) that become one CSS variable: both are set. */
function presetTokens(): Record<string, string> {
  return Object.fromEntries(Object.entries(PRESET).flatMap(([name, c]) => [[`${name}7`, c.text], [`${name}-7`, c.text]]));
}

/**
 * The theme's tokens. 适老化 (issue 21 point 3): body text at 18 px and controls 48 px high (above the 44 px touch
 * target of WCAG 2.5.5, as 适老化 guidance asks for older fingers); a phone already reads at 16 px.
 */
export function appThemeTokens(options: { narrow: boolean; elder: boolean; motion: boolean }): NonNullable<ThemeConfig['token']> {
  const size = options.elder ? { fontSize: 18, controlHeight: 48, controlHeightSM: 36, controlHeightLG: 52 } : { fontSize: options.narrow ? 16 : 14 };
  return {
    colorPrimary: PARTY_RED, colorLink: PARTY_RED, borderRadius: 4, motion: options.motion, ...size,
    colorTextSecondary: TEXT.secondary, colorTextTertiary: TEXT.tertiary, colorTextDescription: TEXT.tertiary,
    colorTextPlaceholder: TEXT.placeholder,
    ...statusTokens(), ...presetTokens(),
  };
}

/**
 * Component tokens: antd draws "暂无数据" in the disabled grey (#bfbfbf, 1.83:1); an empty table or list is
 * information, not a disabled control, so it takes the placeholder grey.
 */
export const appComponentTokens: NonNullable<ThemeConfig['components']> = {
  Empty: { colorTextDisabled: TEXT.placeholder, colorTextDescription: TEXT.tertiary },
  Table: { colorTextDisabled: TEXT.placeholder },
  // The 组织生活日历's days of the next and last month are dates to read, not disabled ones.
  Calendar: { colorTextDisabled: TEXT.placeholder },
};
