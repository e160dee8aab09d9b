import type { Command } from 'commander';
import type { Io } from '../io.js';
import { registerCatalog } from './catalog.js';
import { registerCheck } from './check.js';
import { registerClassify } from './classify.js';
import { registerTimeline } from './timeline.js';
import { registerModel } from './model.js';
import { registerCompute } from './compute.js';
import { registerCapacity } from './capacity.js';
import { registerScreen } from './screen.js';
import { registerLists } from './lists.js';
import { registerLedger } from './ledger.js';
import { registerAudit } from './audit.js';
import { registerDb } from './db.js';
import { registerServe } from './serve.js';
import { registerBatch } from './batch.js';
import { registerKeys } from './keys.js';

/** Every CLI command registers itself here: one file per command in this folder. */
export type Register = (program: Command, io: Io) => void;

export const commands: Register[] = [registerClassify, registerCheck, registerTimeline, registerCatalog, registerModel, registerCompute, registerCapacity, registerScreen, registerLists, registerLedger, registerAudit, registerDb, registerServe, registerBatch, registerKeys];
