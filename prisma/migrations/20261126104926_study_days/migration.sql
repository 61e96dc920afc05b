-- CreateTable
CREATE TABLE "StudyDay" (
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "reviews" INTEGER NOT NULL,
    "newCards" INTEGER NOT NULL,
    "reviewed" INTEGER NOT NULL,
    "retained" INTEGER NOT NULL,
    "durationMs" BIGINT NOT NULL,
    "streak" INTEGER NOT NULL,

    CONSTRAINT "StudyDay_pkey" PRIMARY KEY ("userId","day")
);

-- AddForeignKey
ALTER TABLE "StudyDay" ADD CONSTRAINT "StudyDay_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Keeping StudyDay in step with ReviewLog -------------------------------------------------------------------
-- Triggers rather than application code, so every way a review log is written or removed (the review path, undo,
-- card and user deletion, imports, tests and benches that insert logs in bulk) keeps the summary exact.

-- The study date of an instant stored as UTC `timestamp` for a learner: local wall time in `tz` minus
-- `start_hour` hours, truncated to a date. The same expression as studyDateSql in lib/study/stats.ts (and so the
-- same key as lib/srs dayKey; tests/integration/study-days.test.ts compares them).
CREATE FUNCTION receptive_study_date(instant timestamp, tz text, start_hour integer) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT date((instant AT TIME ZONE 'UTC' AT TIME ZONE tz) - make_interval(hours => start_hour)) $$;

-- Recomputes `streak` (the length of the run of consecutive days ending with each row) for the given learners.
-- Called only when a day row appears or disappears, which is at most a few times a day per learner; a year of
-- study is 365 rows. Gaps and islands: within a run, the date minus its rank is constant.
CREATE FUNCTION receptive_refresh_streaks(user_ids text[]) RETURNS void
LANGUAGE sql VOLATILE
AS $$
  UPDATE "StudyDay" s SET "streak" = runs."streak"
  FROM (
    SELECT "userId", "day", (row_number() OVER (PARTITION BY "userId", "run" ORDER BY "day"))::integer AS "streak"
    FROM (
      SELECT "userId", "day", "day" - (row_number() OVER (PARTITION BY "userId" ORDER BY "day"))::integer AS "run"
      FROM "StudyDay"
      WHERE "userId" = ANY(user_ids)
    ) ranked
  ) runs
  WHERE s."userId" = runs."userId" AND s."day" = runs."day" AND s."streak" <> runs."streak"
$$;

-- Statement-level trigger bodies: they read the statement's transition tables (`added_logs`, `removed_logs`) once,
-- so a bulk insert of a million logs costs one aggregate, not a million row triggers.
-- Each first takes a transaction-level advisory lock per learner (in a fixed order, so two writers cannot
-- deadlock): two transactions adding different days of the same learner at once would otherwise each recompute
-- run lengths without seeing the other's new day.

CREATE FUNCTION receptive_study_days_add() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  opened text[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('StudyDay:' || "userId"))
  FROM (SELECT DISTINCT "userId" FROM added_logs ORDER BY 1) learners;

  WITH counts AS (
    SELECT l."userId", receptive_study_date(l."reviewedAt", u."timeZone", u."dayStartHour") AS "day",
      count(*)::integer AS "reviews",
      count(*) FILTER (WHERE l."stateBefore" = 'NEW')::integer AS "newCards",
      count(*) FILTER (WHERE l."stateBefore" = 'REVIEW')::integer AS "reviewed",
      count(*) FILTER (WHERE l."stateBefore" = 'REVIEW' AND l."rating" > 1)::integer AS "retained",
      COALESCE(sum(l."durationMs"), 0)::bigint AS "durationMs"
    FROM added_logs l
    JOIN "User" u ON u."id" = l."userId"
    GROUP BY 1, 2
  ), opening AS (
    -- Days that have no row yet (this statement's snapshot is taken after the locks above).
    SELECT DISTINCT c."userId" FROM counts c
    WHERE NOT EXISTS (SELECT 1 FROM "StudyDay" s WHERE s."userId" = c."userId" AND s."day" = c."day")
  ), upsert AS (
    INSERT INTO "StudyDay" ("userId", "day", "reviews", "newCards", "reviewed", "retained", "durationMs", "streak")
    SELECT "userId", "day", "reviews", "newCards", "reviewed", "retained", "durationMs", 1 FROM counts
    ON CONFLICT ("userId", "day") DO UPDATE SET
      "reviews" = "StudyDay"."reviews" + EXCLUDED."reviews",
      "newCards" = "StudyDay"."newCards" + EXCLUDED."newCards",
      "reviewed" = "StudyDay"."reviewed" + EXCLUDED."reviewed",
      "retained" = "StudyDay"."retained" + EXCLUDED."retained",
      "durationMs" = "StudyDay"."durationMs" + EXCLUDED."durationMs"
  )
  -- (A data-modifying WITH item always runs to completion, whether or not the final SELECT reads it.)
  SELECT array_agg("userId") INTO opened FROM opening;

  IF opened IS NOT NULL THEN
    PERFORM receptive_refresh_streaks(opened);
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION receptive_study_days_remove() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  emptied text[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('StudyDay:' || "userId"))
  FROM (SELECT DISTINCT "userId" FROM removed_logs ORDER BY 1) learners;

  WITH counts AS (
    SELECT l."userId", receptive_study_date(l."reviewedAt", u."timeZone", u."dayStartHour") AS "day",
      count(*)::integer AS "reviews",
      count(*) FILTER (WHERE l."stateBefore" = 'NEW')::integer AS "newCards",
      count(*) FILTER (WHERE l."stateBefore" = 'REVIEW')::integer AS "reviewed",
      count(*) FILTER (WHERE l."stateBefore" = 'REVIEW' AND l."rating" > 1)::integer AS "retained",
      COALESCE(sum(l."durationMs"), 0)::bigint AS "durationMs"
    FROM removed_logs l
    JOIN "User" u ON u."id" = l."userId"
    GROUP BY 1, 2
  ), updated AS (
    UPDATE "StudyDay" s SET
      "reviews" = s."reviews" - c."reviews",
      "newCards" = s."newCards" - c."newCards",
      "reviewed" = s."reviewed" - c."reviewed",
      "retained" = s."retained" - c."retained",
      "durationMs" = s."durationMs" - c."durationMs"
    FROM counts c
    WHERE s."userId" = c."userId" AND s."day" = c."day"
    RETURNING s."userId", s."reviews"
  )
  SELECT array_agg(DISTINCT "userId") INTO emptied FROM updated WHERE "reviews" <= 0;

  IF emptied IS NOT NULL THEN
    DELETE FROM "StudyDay" WHERE "userId" = ANY(emptied) AND "reviews" <= 0;
    PERFORM receptive_refresh_streaks(emptied);
  END IF;
  RETURN NULL;
END
$$;

-- PostgreSQL allows transition tables only on single-event triggers: an update is a removal then an addition.
CREATE TRIGGER "ReviewLog_study_days_insert" AFTER INSERT ON "ReviewLog"
  REFERENCING NEW TABLE AS added_logs FOR EACH STATEMENT EXECUTE FUNCTION receptive_study_days_add();
CREATE TRIGGER "ReviewLog_study_days_delete" AFTER DELETE ON "ReviewLog"
  REFERENCING OLD TABLE AS removed_logs FOR EACH STATEMENT EXECUTE FUNCTION receptive_study_days_remove();
CREATE TRIGGER "ReviewLog_study_days_update_remove" AFTER UPDATE ON "ReviewLog"
  REFERENCING OLD TABLE AS removed_logs FOR EACH STATEMENT EXECUTE FUNCTION receptive_study_days_remove();
CREATE TRIGGER "ReviewLog_study_days_update_add" AFTER UPDATE ON "ReviewLog"
  REFERENCING NEW TABLE AS added_logs FOR EACH STATEMENT EXECUTE FUNCTION receptive_study_days_add();

-- ---- The learner's day boundary --------------------------------------------------------------------------------
-- The app validates time zones with the JavaScript runtime; PostgreSQL must know the zone too, or every statement
-- bucketing this learner's reviews would fail. Checked here so an unusable zone is refused when it is saved.
CREATE FUNCTION receptive_check_day_boundary() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW."dayStartHour" IS NULL OR NEW."dayStartHour" < 0 OR NEW."dayStartHour" > 23 THEN
    RAISE EXCEPTION 'Day start hour % is not between 0 and 23.', NEW."dayStartHour" USING ERRCODE = '22023';
  END IF;
  PERFORM now() AT TIME ZONE NEW."timeZone"; -- raises 22023 "time zone ... not recognized"
  RETURN NEW;
END
$$;

-- A new zone or day start hour moves review logs between days: rebuild the learner's rows from their log.
CREATE FUNCTION receptive_rebuild_study_days() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('StudyDay:' || NEW."id"));
  DELETE FROM "StudyDay" WHERE "userId" = NEW."id";
  INSERT INTO "StudyDay" ("userId", "day", "reviews", "newCards", "reviewed", "retained", "durationMs", "streak")
  SELECT l."userId", receptive_study_date(l."reviewedAt", NEW."timeZone", NEW."dayStartHour"),
    count(*)::integer,
    count(*) FILTER (WHERE l."stateBefore" = 'NEW')::integer,
    count(*) FILTER (WHERE l."stateBefore" = 'REVIEW')::integer,
    count(*) FILTER (WHERE l."stateBefore" = 'REVIEW' AND l."rating" > 1)::integer,
    COALESCE(sum(l."durationMs"), 0)::bigint,
    1
  FROM "ReviewLog" l
  WHERE l."userId" = NEW."id"
  GROUP BY 1, 2;
  PERFORM receptive_refresh_streaks(ARRAY[NEW."id"]);
  RETURN NULL;
END
$$;

-- ---- Existing data ---------------------------------------------------------------------------------------------
-- Stored values that never worked were read as the defaults (UTC, 04:00) by the app; store the defaults instead.
UPDATE "User" SET "timeZone" = 'UTC'
WHERE NOT EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z."name" = "User"."timeZone");
UPDATE "User" SET "dayStartHour" = 4 WHERE "dayStartHour" < 0 OR "dayStartHour" > 23;

CREATE TRIGGER "User_check_day_boundary" BEFORE INSERT OR UPDATE OF "timeZone", "dayStartHour" ON "User"
  FOR EACH ROW EXECUTE FUNCTION receptive_check_day_boundary();
CREATE TRIGGER "User_rebuild_study_days" AFTER UPDATE OF "timeZone", "dayStartHour" ON "User"
  FOR EACH ROW
  WHEN (OLD."timeZone" IS DISTINCT FROM NEW."timeZone" OR OLD."dayStartHour" IS DISTINCT FROM NEW."dayStartHour")
  EXECUTE FUNCTION receptive_rebuild_study_days();

-- Backfill from every existing review log.
INSERT INTO "StudyDay" ("userId", "day", "reviews", "newCards", "reviewed", "retained", "durationMs", "streak")
SELECT l."userId", receptive_study_date(l."reviewedAt", u."timeZone", u."dayStartHour"),
  count(*)::integer,
  count(*) FILTER (WHERE l."stateBefore" = 'NEW')::integer,
  count(*) FILTER (WHERE l."stateBefore" = 'REVIEW')::integer,
  count(*) FILTER (WHERE l."stateBefore" = 'REVIEW' AND l."rating" > 1)::integer,
  COALESCE(sum(l."durationMs"), 0)::bigint,
  1
FROM "ReviewLog" l
JOIN "User" u ON u."id" = l."userId"
GROUP BY 1, 2;
SELECT receptive_refresh_streaks(ARRAY(SELECT DISTINCT "userId" FROM "StudyDay"));
