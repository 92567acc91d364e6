/** Demo data: the Tbilisi team, its settings and two years of synthetic history. */
export {
  DEMO_PASSWORD,
  DEMO_SEED,
  DEMO_ADMIN_USERNAME,
  DatabaseNotEmptyError,
  ensureDemoData,
  isDatabaseEmpty,
  resetDatabase,
  seedDemo,
  type SeedSummary,
} from './demo-seed';
export { generateDemoHistory, demoHistoryDays, VOICE_MODEL, CHAT_MODEL } from './demo-history';
export { Prng } from './prng';
