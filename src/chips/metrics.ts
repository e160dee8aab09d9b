/** The metrics of ECCN 3A090 (15 CFR 774 Supp. No. 1, 3A090 Technical Notes). Pure arithmetic. */

/** Bit length of each precision's operation ("the largest input bit-length to the multiply").
 * TF32 is left out: stored in 32 bits but 19 significant, and on every catalogued chip its rate
 * is half the FP16 rate, so it never sets the maximum. */
export const bitLength: Readonly<Record<string, number>> = {
  fp64: 64,
  fp64Tensor: 64,
  fp32: 32,
  fp32Matrix: 32,
  fp16: 16,
  bf16: 16,
  fp8: 8,
  int8: 8,
  fp6: 6,
  fp4: 4,
  int4: 4,
};

export interface Tpp {
  readonly tpp: number;
  readonly precision: string;
}

/** TPP: dense peak TOPS (or TFLOPS) x bit length, the highest over the precisions the chip supports.
 * Equal to 2 x MacTOPS x bit length since one multiply-accumulate counts as two operations. */
export function tppOf(denseTera: Readonly<Record<string, number>>): Tpp | null {
  let best: Tpp | null = null;
  for (const precision in denseTera) {
    const bits = bitLength[precision];
    const tera = denseTera[precision];
    if (bits === undefined || !(tera > 0)) continue;
    const tpp = Math.round(tera * bits * 10) / 10;
    if (!best || tpp > best.tpp) best = { tpp, precision };
  }
  return best;
}

/** Performance density: TPP / applicable die area in mm2 (logic dies on a non-planar process). */
export function performanceDensity(tpp: number, dieAreaMm2: number): number {
  return Math.round((tpp / dieAreaMm2) * 100) / 100;
}

/** HBM memory bandwidth density: package or stack bandwidth (GB/s) / package or stack area (mm2). */
export function memoryBandwidthDensity(bandwidthGBs: number, areaMm2: number): number {
  return bandwidthGBs / areaMm2;
}

/** H100-equivalents of a TPP amount, at the H100 SXM's 15,832 (the conversion the press and BIS use). */
export const h100Tpp = 15_832;
export function h100Equivalents(tpp: number): number {
  return tpp / h100Tpp;
}
