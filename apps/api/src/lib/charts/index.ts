/**
 * Charts drawn on the server for documents (the 会议报告, issue 17 point 7): ECharts' server-side renderer gives an SVG
 * the PDF draws as vectors, and sharp (librsvg) turns the same SVG into the PNG Word embeds. Both must find a Chinese
 * font: the PDF maps the SVG's font-family to its registered NotoSansSC, and librsvg looks fonts up through
 * fontconfig, which on a server without Chinese fonts is pointed at the Noto Sans SC file the project ships.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EChartsOption } from 'echarts';
import sharp from 'sharp';
import type { ChartBlock } from '../documents/doc-model.js';

const require = createRequire(import.meta.url);
const FONT_FILE = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
/** The PDF's registered name first (lib/documents/pdf-layout.ts), then the family fontconfig knows the file by. */
export const CHART_FONT_FAMILY = 'NotoSansSC, Noto Sans SC, sans-serif';
/** The PNG at twice the SVG's size, so a chart printed from Word stays sharp. */
const PNG_DENSITY = 144;

let fontsReady = false;

/**
 * fontconfig reads FONTCONFIG_FILE once, when librsvg first lays out text in this process; a configuration that keeps
 * the system's fonts and adds the shipped font's folder is written before that. An operator's own FONTCONFIG_FILE wins.
 */
function ensureFonts(): void {
  if (fontsReady) return;
  fontsReady = true;
  if (process.env.FONTCONFIG_FILE) return;
  const dir = join(tmpdir(), 'dj-chart-fonts');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'fonts.conf');
  writeFileSync(file, `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${dirname(FONT_FILE)}</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`);
  process.env.FONTCONFIG_FILE = file;
}

let loading: Promise<typeof import('echarts')> | undefined;

/** One chart as SVG and PNG. Imported on first use: ECharts is large and only reports draw charts. */
export async function renderChart(option: EChartsOption, size: { width: number; height: number }, caption: string | null): Promise<ChartBlock> {
  const echarts = await (loading ??= import('echarts'));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option });
    const svg = chart.renderToSVGString();
    ensureFonts();
    const png = await sharp(Buffer.from(svg), { density: PNG_DENSITY }).png().toBuffer();
    return { kind: 'chart', svg, png, width: size.width, height: size.height, caption };
  } finally {
    chart.dispose();
  }
}
