CREATE TABLE "benchmark_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"town_id" integer NOT NULL,
	"catalogue_key" text,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"group" text NOT NULL,
	"higher_is_better" boolean NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_indicators_town_name_uq" UNIQUE("town_id","name"),
	CONSTRAINT "benchmark_indicators_town_key_uq" UNIQUE("town_id","catalogue_key"),
	CONSTRAINT "benchmark_indicators_catalogue_key_check" CHECK ("catalogue_key" in ('organization_life_on_time', 'disclosure_on_time', 'rectification_on_time', 'recruited', 'reserves_per_village', 'cadre_college_share', 'collective_income_per_village', 'beautiful_village_demos', 'matters_resolved_rate', 'innovation_projects')),
	CONSTRAINT "benchmark_indicators_group_check" CHECK ("group" in ('party_building', 'beautiful_village', 'governance', 'innovation'))
);
--> statement-breakpoint
CREATE TABLE "benchmark_towns" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"name" text NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_towns_tenant_uq" UNIQUE("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "benchmark_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"year" integer NOT NULL,
	"benchmark_value" numeric(16, 4) NOT NULL,
	"source" text NOT NULL,
	"own_value" numeric(16, 4),
	"own_source" text,
	"entered_by" integer,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_values_indicator_year_uq" UNIQUE("indicator_id","year"),
	CONSTRAINT "benchmark_values_source_check" CHECK (length(btrim("benchmark_values"."source")) > 0),
	CONSTRAINT "benchmark_values_own_source_check" CHECK ("benchmark_values"."own_value" is null or length(btrim(coalesce("benchmark_values"."own_source", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "benchmark_indicators" ADD CONSTRAINT "benchmark_indicators_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_indicators" ADD CONSTRAINT "benchmark_indicators_town_id_benchmark_towns_id_fk" FOREIGN KEY ("town_id") REFERENCES "public"."benchmark_towns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_indicators" ADD CONSTRAINT "benchmark_indicators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_towns" ADD CONSTRAINT "benchmark_towns_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_towns" ADD CONSTRAINT "benchmark_towns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_values" ADD CONSTRAINT "benchmark_values_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_values" ADD CONSTRAINT "benchmark_values_indicator_id_benchmark_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."benchmark_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_values" ADD CONSTRAINT "benchmark_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benchmark_indicators_tenant_idx" ON "benchmark_indicators" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "benchmark_values_tenant_idx" ON "benchmark_values" USING btree ("tenant_id");--> statement-breakpoint
-- 对标 rows are the town's (tenant-wide), like the assessment schemes (0036): read and written town-wide; who may is
-- the service's (benchmark.read / benchmark.manage).
ALTER TABLE "benchmark_towns" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "benchmark_towns" FOR ALL USING (app_scope_town("tenant_id")) WITH CHECK (app_scope_town("tenant_id"));--> statement-breakpoint
ALTER TABLE "benchmark_indicators" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "benchmark_indicators" FOR ALL USING (app_scope_town("tenant_id")) WITH CHECK (app_scope_town("tenant_id"));--> statement-breakpoint
ALTER TABLE "benchmark_values" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "benchmark_values" FOR ALL USING (app_scope_town("tenant_id")) WITH CHECK (app_scope_town("tenant_id"));
