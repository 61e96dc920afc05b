-- The study queue reads a learner's LEARNING/RELEARNING cards through Card(userId, state, due). Those states are
-- rare, and with the default sample PostgreSQL can miss them and estimate hundreds of rows, then prefer a
-- sequential scan of every card. A full sample of this tiny enum column keeps the estimate (and the plan) right.
ALTER TABLE "Card" ALTER COLUMN "state" SET STATISTICS 1000;
ANALYZE "Card" ("state");
