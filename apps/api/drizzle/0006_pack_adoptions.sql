CREATE TABLE "pack_adoptions" (
	"id" text PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"scope_unit_id" text,
	"tier" text NOT NULL,
	"level" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE INDEX "pack_adoptions_pack_idx" ON "pack_adoptions" USING btree ("pack_id");--> statement-breakpoint
-- The change feed (see 0002): caches of which pack applies are dropped when an adoption is written.
CREATE TRIGGER pack_adoptions_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "pack_adoptions" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();