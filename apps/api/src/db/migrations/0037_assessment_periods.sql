CREATE TABLE "assessment_adjustments" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"organization_id" integer,
	"subject_user_id" integer,
	"indicator_key" text NOT NULL,
	"delta" integer NOT NULL,
	"reason" text NOT NULL,
	"adjusted_by" integer NOT NULL,
	"adjusted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_adjustments_one_subject_check" CHECK (num_nonnulls("assessment_adjustments"."organization_id", "assessment_adjustments"."subject_user_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "assessment_objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"organization_id" integer,
	"subject_user_id" integer,
	"indicator_key" text NOT NULL,
	"reason" text NOT NULL,
	"raised_by" integer NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ruling" text,
	"corrected_points" integer,
	"ruling_note" text,
	"ruled_by" integer,
	"ruled_at" timestamp with time zone,
	CONSTRAINT "assessment_objections_one_subject_check" CHECK (num_nonnulls("assessment_objections"."organization_id", "assessment_objections"."subject_user_id") = 1),
	CONSTRAINT "assessment_objections_ruling_check" CHECK ("ruling" in ('upheld', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "assessment_periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"scheme_id" integer NOT NULL,
	"version_id" integer NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'scoring' NOT NULL,
	"opened_by" integer NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"objection_until" date,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"approval_note" text,
	CONSTRAINT "assessment_periods_scheme_period_uq" UNIQUE("scheme_id","period"),
	CONSTRAINT "assessment_periods_status_check" CHECK ("status" in ('scoring', 'objection', 'approval', 'locked'))
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"id" serial PRIMARY KEY NOT NULL,
	"tenant_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"organization_id" integer,
	"subject_user_id" integer,
	"indicator_key" text NOT NULL,
	"points" integer NOT NULL,
	"evidence" text NOT NULL,
	"scored_by" integer NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_scores_subject_indicator_uq" UNIQUE NULLS NOT DISTINCT("period_id","organization_id","subject_user_id","indicator_key"),
	CONSTRAINT "assessment_scores_one_subject_check" CHECK (num_nonnulls("assessment_scores"."organization_id", "assessment_scores"."subject_user_id") = 1),
	CONSTRAINT "assessment_scores_points_check" CHECK ("assessment_scores"."points" >= 0)
);
--> statement-breakpoint
ALTER TABLE "assessment_adjustments" ADD CONSTRAINT "assessment_adjustments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_adjustments" ADD CONSTRAINT "assessment_adjustments_period_id_assessment_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."assessment_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_adjustments" ADD CONSTRAINT "assessment_adjustments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_adjustments" ADD CONSTRAINT "assessment_adjustments_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_adjustments" ADD CONSTRAINT "assessment_adjustments_adjusted_by_users_id_fk" FOREIGN KEY ("adjusted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_objections" ADD CONSTRAINT "assessment_objections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_objections" ADD CONSTRAINT "assessment_objections_period_id_assessment_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."assessment_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_objections" ADD CONSTRAINT "assessment_objections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_objections" ADD CONSTRAINT "assessment_objections_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_objections" ADD CONSTRAINT "assessment_objections_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_objections" ADD CONSTRAINT "assessment_objections_ruled_by_users_id_fk" FOREIGN KEY ("ruled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_periods" ADD CONSTRAINT "assessment_periods_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_periods" ADD CONSTRAINT "assessment_periods_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_periods" ADD CONSTRAINT "assessment_periods_version_id_assessment_scheme_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."assessment_scheme_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_periods" ADD CONSTRAINT "assessment_periods_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_periods" ADD CONSTRAINT "assessment_periods_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_period_id_assessment_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."assessment_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_scored_by_users_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_adjustments_period_idx" ON "assessment_adjustments" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "assessment_adjustments_org_idx" ON "assessment_adjustments" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "assessment_objections_period_idx" ON "assessment_objections" USING btree ("period_id");--> statement-breakpoint
CREATE INDEX "assessment_objections_org_idx" ON "assessment_objections" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "assessment_periods_tenant_idx" ON "assessment_periods" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "assessment_scores_org_idx" ON "assessment_scores" USING btree ("organization_id");--> statement-breakpoint
-- 考核期 are the town's (tenant-wide). Scores, objections and adjustments of a village are the village's rows: seen in
-- the caller's subtrees, written town-wide (the town and the village's secretary write them; the service decides
-- who may). A 镇机关 staff member's rows have no organisation: they are the town's.
ALTER TABLE "assessment_periods" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "assessment_periods" FOR ALL USING (app_scope_town("tenant_id")) WITH CHECK (app_scope_town("tenant_id"));--> statement-breakpoint
ALTER TABLE "assessment_scores" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "assessment_scores" FOR ALL
  USING (app_scope_all() OR ("organization_id" IS NULL AND app_scope_town("tenant_id")) OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR ("organization_id" IS NULL AND app_scope_town("tenant_id")) OR "organization_id" IN (SELECT s.id FROM app_scope_town_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "assessment_objections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "assessment_objections" FOR ALL
  USING (app_scope_all() OR ("organization_id" IS NULL AND app_scope_town("tenant_id")) OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR ("organization_id" IS NULL AND app_scope_town("tenant_id")) OR "organization_id" IN (SELECT s.id FROM app_scope_town_org_ids() AS s(id)));--> statement-breakpoint
ALTER TABLE "assessment_adjustments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_all" ON "assessment_adjustments" FOR ALL
  USING (app_scope_all() OR ("organization_id" IS NULL AND app_scope_town("tenant_id")) OR "organization_id" IN (SELECT s.id FROM app_scope_org_ids() AS s(id)))
  WITH CHECK (app_scope_all() OR ("organization_id" IS NULL AND app_scope_town("tenant_id")) OR "organization_id" IN (SELECT s.id FROM app_scope_town_org_ids() AS s(id)));
