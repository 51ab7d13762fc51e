CREATE TABLE "assessment_scheme_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"scheme_id" integer NOT NULL,
	"version" integer NOT NULL,
	"effective_from" text NOT NULL,
	"posts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"bands" jsonb NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_scheme_versions_month_check" CHECK ("assessment_scheme_versions"."effective_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "assessment_schemes" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"name" text NOT NULL,
	"audience" text NOT NULL,
	"period_kind" text NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_schemes_audience_check" CHECK ("audience" in ('town_staff', 'village_cadre')),
	CONSTRAINT "assessment_schemes_period_kind_check" CHECK ("period_kind" in ('month', 'quarter', 'year'))
);
--> statement-breakpoint
ALTER TABLE "assessment_scheme_versions" ADD CONSTRAINT "assessment_scheme_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scheme_versions" ADD CONSTRAINT "assessment_scheme_versions_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scheme_versions" ADD CONSTRAINT "assessment_scheme_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_scheme_versions_scheme_version_uq" ON "assessment_scheme_versions" USING btree ("scheme_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_scheme_versions_scheme_month_uq" ON "assessment_scheme_versions" USING btree ("scheme_id","effective_from");--> statement-breakpoint
CREATE INDEX "assessment_scheme_versions_tenant_idx" ON "assessment_scheme_versions" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_schemes_tenant_name_uq" ON "assessment_schemes" USING btree ("tenant_id","name");--> statement-breakpoint
-- A version is never changed or removed (issue 16 point 1: a scheme in force for a period never changes; an edit is the
-- next version). Refused for every role, the owner included, so no code path can rewrite a scored period's rules.
CREATE OR REPLACE FUNCTION assessment_scheme_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '考核方案版本不能修改或删除,请新建版本' USING ERRCODE = 'restrict_violation';
END
$$;--> statement-breakpoint
CREATE TRIGGER "assessment_scheme_versions_append_only" BEFORE UPDATE OR DELETE ON "assessment_scheme_versions"
  FOR EACH ROW EXECUTE FUNCTION assessment_scheme_versions_append_only();--> statement-breakpoint
CREATE TRIGGER "assessment_scheme_versions_no_truncate" BEFORE TRUNCATE ON "assessment_scheme_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_scheme_versions_append_only();--> statement-breakpoint
-- Schemes are the town's (tenant-wide): read and written town-wide; which audience a caller sees is the service's.
ALTER TABLE "assessment_schemes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "assessment_schemes" FOR ALL USING (app_scope_town("tenant_id")) WITH CHECK (app_scope_town("tenant_id"));--> statement-breakpoint
ALTER TABLE "assessment_scheme_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "assessment_scheme_versions" FOR ALL USING (app_scope_town("tenant_id")) WITH CHECK (app_scope_town("tenant_id"));
