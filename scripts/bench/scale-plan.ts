// The sizes of the synthetic districts (each town a tenant of its own) and the drawing helpers the generator shares.
import { mulberry32 } from '../../apps/api/src/lib/prng.js';

export const SCALES = ['town', 'county', 'city', 'province'] as const;
export type Scale = (typeof SCALES)[number];

/** Bumped whenever the generated data changes shape: a kept database of another version is rebuilt. */
export const GENERATOR_VERSION = 'bench-gen-8';

export interface ScalePlan {
  scale: Scale;
  database: string;
  towns: number;
  /** Branches per town (villages are most of them; the rest are enterprise, organ and community branches). */
  branchesPerTown: number;
  /** Mean members per branch (a skewed draw around it: most villages 20–60, a few over 100). */
  meanBranchSize: number;
  /** Months of 党费 paid back from last month (the whole year below province size, to bound its rows). */
  duesMonths: number;
}

/**
 * Every scale is a district tenant holding its towns, each town a tenant (decision 011), as the product deploys.
 * town ≈ the demo town (a district of one); county ≈ 15 towns; city = 60 towns, 1,500 branches, ~70k members (issue 14's city);
 * province: Shandong has ~5.4 M members in ~270 k organisations, which this machine cannot hold in the time a
 * bench may take, so `province` builds the largest size agreed for it (BENCH_PROVINCE_TOWNS, default 925 towns
 * ≈ 23 k branches ≈ 1.01 M members) in dj_scale_big.
 */
export function planOf(scale: Scale): ScalePlan {
  switch (scale) {
    case 'town': return { scale, database: 'dj_scale_town', towns: 1, branchesPerTown: 20, meanBranchSize: 30, duesMonths: 12 };
    case 'county': return { scale, database: 'dj_scale_county', towns: 15, branchesPerTown: 22, meanBranchSize: 32, duesMonths: 12 };
    case 'city': return { scale, database: 'dj_scale_city', towns: 60, branchesPerTown: 25, meanBranchSize: 47, duesMonths: 12 };
    case 'province': return { scale, database: 'dj_scale_big', towns: Number(process.env.BENCH_PROVINCE_TOWNS ?? 925), branchesPerTown: 25, meanBranchSize: 47, duesMonths: 3 };
  }
}

export type Rand = () => number;
export const rng = (seed: number): Rand => mulberry32(seed);
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)];
export const chance = (rand: Rand, p: number) => rand() < p;

/** A right-skewed branch size with the given mean (log-normal, clamped to what a 支部 may be: 3 to 300). */
export function branchSize(rand: Rand, mean: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const sigma = 0.5;
  const size = Math.round(mean * Math.exp(sigma * normal - (sigma * sigma) / 2));
  return Math.min(300, Math.max(3, size));
}

export const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dayMs = 86_400_000;

export const SURNAMES = '王张李刘陈杨赵孙付于周吴徐朱高马胡郭何宋韩郑冯褚田袁'.split('');
export const MALE = '建国志强春生德明振华庆和永胜海涛保全继长广利宝山洪伟传福兆峰立新'.match(/../g) as string[];
export const FEMALE = '秀英桂兰玉梅春燕丽娟凤霞淑珍红梅晓静美玲金凤雪莲慧敏'.match(/../g) as string[];
export const SINGLE = '军伟磊勇敏静丽强杰涛斌超明辉鹏'.split('');
export const TOWN_NAMES = '东西南北前后上下大小新老'.split('');
export const VILLAGE_WORDS = '王庄李屯张家刘集孙楼赵村杨店高桥马营陈湖'.match(/../g) as string[];

export function personName(rand: Rand, gender: 'male' | 'female'): string {
  return pick(rand, SURNAMES) + (rand() < 0.2 ? pick(rand, SINGLE) : pick(rand, gender === 'male' ? MALE : FEMALE));
}
