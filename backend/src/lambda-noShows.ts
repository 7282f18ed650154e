/** The no-show job in AWS: an EventBridge schedule rule invokes `handler` (infra/huddleStack.ts). */
import { markOverdueNoShows, type NoShowRun } from './classes/noShowJob.js';
import { jobServices } from './runtime.js';

export async function handler(): Promise<NoShowRun> {
  const run = await markOverdueNoShows(await jobServices());
  console.log(`no-show job: ${run.noShows} no-shows in ${run.sessions} sessions, ${run.blocks} new blocks`);
  return run;
}
