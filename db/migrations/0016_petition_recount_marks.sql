CREATE TABLE "petition_recount_marks" (
	"petition_id" uuid NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Custom SQL (issue 13 / incremental recount): mark a petition for the 5-minute recount whenever a change to one of
-- its signatures can move its confirmed count or its count of public names. The WHEN clauses are evaluated without
-- calling the function, so the signing fast path (pending inserts, resent links) never runs it.
CREATE FUNCTION "petition_recount_mark"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO "petition_recount_marks" ("petition_id") VALUES (OLD."petition_id");
  ELSIF TG_OP = 'UPDATE' AND OLD."petition_id" <> NEW."petition_id" THEN
    INSERT INTO "petition_recount_marks" ("petition_id") VALUES (OLD."petition_id"), (NEW."petition_id");
  ELSE
    INSERT INTO "petition_recount_marks" ("petition_id") VALUES (NEW."petition_id");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "signatures_recount_mark_insert" AFTER INSERT ON "signatures"
  FOR EACH ROW WHEN (NEW."state" = 'confirmed') EXECUTE FUNCTION "petition_recount_mark"();
--> statement-breakpoint
CREATE TRIGGER "signatures_recount_mark_update" AFTER UPDATE OF "state", "show_name_publicly", "name_hidden_at", "petition_id" ON "signatures"
  FOR EACH ROW WHEN (
    (OLD."state" = 'confirmed' OR NEW."state" = 'confirmed')
    AND (OLD."state" IS DISTINCT FROM NEW."state"
      OR OLD."show_name_publicly" IS DISTINCT FROM NEW."show_name_publicly"
      OR (OLD."name_hidden_at" IS NULL) <> (NEW."name_hidden_at" IS NULL)
      OR OLD."petition_id" <> NEW."petition_id")
  ) EXECUTE FUNCTION "petition_recount_mark"();
--> statement-breakpoint
CREATE TRIGGER "signatures_recount_mark_delete" AFTER DELETE ON "signatures"
  FOR EACH ROW WHEN (OLD."state" = 'confirmed') EXECUTE FUNCTION "petition_recount_mark"();
