CREATE TABLE "setup_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "ended_on" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "effective_from" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "merged_from" jsonb DEFAULT '[]'::jsonb NOT NULL;