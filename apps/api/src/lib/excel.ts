import type { Workbook } from 'exceljs';
import { loadConfig, type Config } from '../config.js';
import { AppError } from './errors.js';
import { createSlots } from './slots.js';
import { assertZipWithinLimits, ZipLimitRefusal, type ZipLimits } from './zip-limits.js';

type ExcelJS = typeof import('exceljs');
let loading: Promise<ExcelJS> | undefined;

/**
 * An empty exceljs workbook. exceljs is imported here on first use rather than at start: importing it took
 * longer than everything else the server loads (measured when the server was first compiled, issue 11).
 */
export async function newWorkbook(): Promise<Workbook> {
  // exceljs is CommonJS: Node hands its exports over as `default`, which its typings do not declare.
  loading ??= import('exceljs').then((m) => (m as unknown as { default: ExcelJS }).default);
  const ExcelJS = await loading;
  return new ExcelJS.Workbook();
}

/**
 * How big an uploaded workbook may be and how many are parsed at once. These are server-wide resource limits (the
 * memory of this process), not a town's local rule, so they come from the environment (config.ts, README's
 * configuration table) rather than the town settings: a town admin must not be able to raise the memory one
 * upload may take on a server shared by every town.
 */
export interface ImportLimits extends ZipLimits {
  /** Workbooks parsed at the same time in this process. */
  concurrency: number;
  /** How long an import waits for a free slot before it is told the server is busy. */
  waitMs: number;
}

export const importLimitsOf = (config: Config): ImportLimits => ({
  maxUncompressedBytes: config.IMPORT_MAX_UNCOMPRESSED_MB * 1024 * 1024,
  maxCells: config.IMPORT_MAX_CELLS,
  concurrency: config.IMPORT_CONCURRENCY,
  waitMs: config.IMPORT_WAIT_SECONDS * 1000,
});

// The environment's defaults until buildApp hands over the configuration (parser tests call parseRoster directly).
let limits: ImportLimits = importLimitsOf(loadConfig({}));
const slots = createSlots(() => limits.concurrency);

/** Called once by buildApp with the process's configuration. */
export function setImportLimits(next: ImportLimits) {
  limits = next;
}

export const importLimits = (): ImportLimits => limits;

/** An upload exceljs could not read (not a zip, not a workbook); the caller says what the file should be. */
export class UnreadableWorkbook extends Error {
  override name = 'UnreadableWorkbook';
}

export const importBusy = () => new AppError('UNAVAILABLE', '正在处理其他表格导入,服务器繁忙,请稍后重试');

/**
 * Parses an uploaded workbook and hands it to `read`, within the limits: the zip is sized (declared sizes, then
 * inflated as a counted stream) before exceljs sees it, and at most `concurrency` workbooks are held in memory at
 * once; the rest wait `waitMs`, then get 503 (a busy server, not the caller's fault; retrying later succeeds).
 * Limit refusals are AppErrors (400, field `file`); a file exceljs cannot read throws UnreadableWorkbook.
 */
export async function withWorkbook<T>(data: Buffer, read: (wb: Workbook) => T | Promise<T>): Promise<T> {
  const release = await slots.acquire(limits.waitMs);
  if (!release) throw importBusy();
  try {
    try {
      await assertZipWithinLimits(data, limits);
    } catch (error) {
      if (error instanceof ZipLimitRefusal) throw error;
      throw new UnreadableWorkbook('not a zip');
    }
    const wb = await newWorkbook();
    try {
      // exceljs types its input as an ArrayBuffer; a copy keeps us clear of pooled Buffer memory.
      await wb.xlsx.load(new Uint8Array(data).buffer as ArrayBuffer);
    } catch {
      throw new UnreadableWorkbook('exceljs could not read it');
    }
    return await read(wb);
  } finally {
    release();
  }
}
