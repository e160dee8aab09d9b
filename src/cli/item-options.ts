import type { Command } from 'commander';
import { asComputer, type Item, itemFromChip, itemFromSpecs } from '../chips/catalog.js';
import { InputError } from '../errors.js';
import type { Law } from '../law/law.js';
import { number } from './options.js';

/** The options that name what is classified: a catalog chip, or specs, or an HBM stack. */
export function addItemOptions(cmd: Command): Command {
  return cmd
    .option('--chip <id>', 'catalog chip id (case-insensitive) or an unambiguous alias such as h20')
    .option('--tpp <n>', 'total processing performance (bit length x dense TOPS)', number('tpp', { min: 0 }))
    .option('--die-area <mm2>', 'applicable die area in mm2 (for performance density)', number('die-area', { positive: true }))
    .option('--interconnect <gbps>', 'aggregate bidirectional transfer rate in GB/s (the 2022 test)', number('interconnect', { min: 0 }))
    .option('--memory-bandwidth <gbps>', 'total DRAM bandwidth in GB/s (the January 2026 review lane)', number('memory-bandwidth', { min: 0 }))
    .option('--not-datacenter', 'the IC is not designed or marketed for datacenters')
    .option('--hbm-density <x>', 'a stand-alone HBM stack of this memory bandwidth density, GB/s/mm2', number('hbm-density', { min: 0 }))
    .option('--computer <n>', 'a computer or server holding N of these ICs (ECCN 4A090)', number('computer', { integer: true, positive: true }));
}

export interface ItemOptions {
  chip?: string;
  tpp?: number;
  dieArea?: number;
  interconnect?: number;
  memoryBandwidth?: number;
  notDatacenter?: boolean;
  hbmDensity?: number;
  computer?: number;
}

export function itemFrom(law: Law, o: ItemOptions): Item {
  let item: Item;
  if (o.chip !== undefined) {
    if (o.tpp !== undefined || o.hbmDensity !== undefined) throw new InputError('chip', 'give either --chip or specs (--tpp / --hbm-density), not both');
    item = itemFromChip(law.chips.resolve(o.chip));
  } else {
    item = itemFromSpecs({ tpp: o.tpp, dieArea: o.dieArea, interconnect: o.interconnect, memoryBandwidth: o.memoryBandwidth, notDatacenter: o.notDatacenter, hbmDensity: o.hbmDensity });
  }
  return o.computer ? asComputer(item, o.computer) : item;
}
