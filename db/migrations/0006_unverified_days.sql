CREATE TABLE "unverified_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" bigserial NOT NULL,
	"tenant_id" text NOT NULL,
	"posting_id" uuid NOT NULL,
	"day" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"reason" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unverified_days_posting_day_uq" UNIQUE("posting_id","day")
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "grace_workdays" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "half_day_hours" double precision DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "unverified_days" ADD CONSTRAINT "unverified_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unverified_days" ADD CONSTRAINT "unverified_days_posting_id_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unverified_days" ADD CONSTRAINT "unverified_days_decided_by_people_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unverified_days_open_idx" ON "unverified_days" USING btree ("tenant_id","status");