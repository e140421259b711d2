CREATE TABLE "policy_successors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" text NOT NULL,
	"policy_id" text NOT NULL,
	"document" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date,
	"from_day" date NOT NULL,
	"until_day" date,
	"clause" text NOT NULL,
	"quote" text NOT NULL,
	"programmes" jsonb,
	"overrides" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_successors" ADD CONSTRAINT "policy_successors_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_successors_tenant_policy_idx" ON "policy_successors" USING btree ("tenant_id","policy_id","from_day");