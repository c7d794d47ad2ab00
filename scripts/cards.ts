/**
 * The social cards of `npm run build`: renders every card the published stories need into the
 * card cache (lib/social/cards.ts), in a process of its own, once the content check has passed.
 * It runs at the lowest priority beside Next and the post-export steps, soaking up the time
 * their single-threaded stretches leave idle; the post-export step raises it back when it needs
 * the cards (where the system allows it), waits for it, and links them into the export
 * (lib/build/publish.ts, docs/decisions/015-cards-beside-the-build.md).
 *
 *   tsx scripts/cards.ts
 */
import { cardJobs, openCardsGate, renderCards } from '@/lib/social/cards';

const started = performance.now();
renderCards(cardJobs())
  .then((report) => {
    openCardsGate(report);
    // Wall time says little of a process at the lowest priority: its CPU time is what the cards cost.
    const { user, system } = process.cpuUsage();
    const cpu = `${((user + system) / 1e6).toFixed(1)} s of CPU`;
    console.log(`social cards: ${report.rendered} rendered (${cpu}), ${report.cached} from cache in ${Math.round(performance.now() - started)} ms`);
  })
  .catch((error: unknown) => {
    console.error(`social cards: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
