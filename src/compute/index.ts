// Training compute: estimators (6·N·D, hardware-based, implied utilisation), cost and capacity what-ifs.
export {
  type Peak, type Precision, precisions, assumedUtilization, peakFor, sixND, hardwareFlop,
  impliedUtilization, gpuHoursFor, costUsd,
} from './estimators.js';
export { type TrainingInput, type TrainingEstimate, type Estimate, estimateTraining } from './training.js';
export { type Allowance, type AllowanceName, type CapacityInput, type Capacity, allowances, allowanceAt, capacity } from './capacity.js';
