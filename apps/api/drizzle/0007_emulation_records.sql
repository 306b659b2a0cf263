CREATE TABLE "commendations" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disciplines" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emulation_movements" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_narratives" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	"period" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "commendations_unit_idx" ON "commendations" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "consultations_unit_idx" ON "consultations" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "disciplines_unit_idx" ON "disciplines" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "emulation_movements_unit_idx" ON "emulation_movements" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_narratives_unit_period_idx" ON "report_narratives" USING btree ("unit_id","period");