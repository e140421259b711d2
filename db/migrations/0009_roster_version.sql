CREATE TABLE "roster_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Hand-written (issue 20): the version the chat handler's cached look-ups are checked against. The bump runs at
-- commit (a deferred constraint trigger), once per transaction (a transaction-local setting remembers it), so the
-- version row is the last lock a roster write takes: two writers cannot deadlock on it, and a reader sees the new
-- version only together with the rows that caused it.
INSERT INTO "roster_version" ("id", "version") VALUES (1, 0);--> statement-breakpoint
CREATE FUNCTION "bump_roster_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('duikou.roster_bumped', true) IS DISTINCT FROM 'on' THEN
    UPDATE "roster_version" SET "version" = "version" + 1 WHERE "id" = 1;
    PERFORM set_config('duikou.roster_bumped', 'on', true);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "identities_roster_changed" AFTER INSERT OR UPDATE OR DELETE ON "identities" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "people_roster_changed" AFTER INSERT OR UPDATE OR DELETE ON "people" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "postings_roster_changed" AFTER INSERT OR UPDATE OR DELETE ON "postings" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "orgs_roster_changed" AFTER INSERT OR UPDATE OR DELETE ON "orgs" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_roster_version"();--> statement-breakpoint
CREATE TRIGGER "identities_roster_truncated" AFTER TRUNCATE ON "identities" FOR EACH STATEMENT EXECUTE FUNCTION "bump_roster_version"();--> statement-breakpoint
CREATE TRIGGER "people_roster_truncated" AFTER TRUNCATE ON "people" FOR EACH STATEMENT EXECUTE FUNCTION "bump_roster_version"();--> statement-breakpoint
CREATE TRIGGER "postings_roster_truncated" AFTER TRUNCATE ON "postings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_roster_version"();--> statement-breakpoint
CREATE TRIGGER "orgs_roster_truncated" AFTER TRUNCATE ON "orgs" FOR EACH STATEMENT EXECUTE FUNCTION "bump_roster_version"();
