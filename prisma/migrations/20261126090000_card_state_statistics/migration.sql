-- The study queue reads a learner's LEARNING/RELEARNING cards through Card(userId, state, due). Those states are
-- rare, and how rare differs per learner; with per-column statistics alone PostgreSQL multiplies "this learner's
-- share of all cards" by "the share of LEARNING/RELEARNING cards" (guessing high for a state it did not sample) and,
-- for a learner with many cards, prefers a sequential scan of every card. Statistics on the pair give it the
-- per-learner counts, and a full sample of the tiny enum column keeps the per-state shares exact.
ALTER TABLE "Card" ALTER COLUMN "state" SET STATISTICS 1000;
CREATE STATISTICS "Card_userId_state_stats" (mcv) ON "userId", "state" FROM "Card";
ANALYZE "Card";
