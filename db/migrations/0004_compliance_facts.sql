ALTER TABLE "orgs" ADD COLUMN "deep_poverty_county" boolean;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "staff_count" integer;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "staff_role" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "senior_attending" boolean;--> statement-breakpoint
ALTER TABLE "postings" ADD COLUMN "apprentices" integer;